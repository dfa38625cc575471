import { DatePicker } from 'antd'
import type { Dayjs } from 'dayjs'
import type { CSSProperties } from 'react'
import { DAY_FORMAT, fromPickerValue, LOCAL_MINUTE_FORMAT, toPickerValue } from '../picker-value'

/*
 * The console's date fields: antd's picker, never the browser's <input type="date">, whose order
 * (month/day/year here) follows the machine's locale and misleads staff. The picker shows ISO days
 * and takes its language from the console's ConfigProvider; the form keeps the string the native
 * input held, so validation and what is sent stay as they were. Form.Item hands in id, value,
 * onChange and the aria-* props; the rest passes through.
 */

type Props = {
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
  disabledDate?: (day: Dayjs) => boolean
  placeholder?: string
  style?: CSSProperties
  disabled?: boolean
  allowClear?: boolean
  'aria-label'?: string
  'aria-describedby'?: string
  'aria-invalid'?: 'true'
  'aria-required'?: 'true'
}

/** A calendar day, 'YYYY-MM-DD' in and out. */
export function IsoDatePicker({ value, onChange, style, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      format={DAY_FORMAT}
      value={toPickerValue(value)}
      onChange={(day: Dayjs | null) => onChange?.(fromPickerValue(day, DAY_FORMAT))}
      style={{ width: '100%', ...style }}
    />
  )
}

/** A wall-clock minute, 'YYYY-MM-DDTHH:mm' in and out (as datetime-local); the form reads it on the city's clock. */
export function IsoDateTimePicker({ value, onChange, style, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={toPickerValue(value)}
      onChange={(minute: Dayjs | null) => onChange?.(fromPickerValue(minute, LOCAL_MINUTE_FORMAT))}
      style={{ width: '100%', ...style }}
    />
  )
}
