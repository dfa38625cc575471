import dayjs, { type Dayjs } from 'dayjs'

/*
 * antd's DatePicker works in Dayjs; the console's forms and the API in strings. The pickers in
 * ui/staff/IsoDatePicker.tsx keep the form's value a string, so a form that moves from the
 * browser's native date input to antd's picker sends exactly what it sent before.
 */

/** A calendar day, as <input type="date"> and the API write it: 2026-03-02. */
export const DAY_FORMAT = 'YYYY-MM-DD'
/** A wall-clock minute, as <input type="datetime-local"> writes it: 2026-03-02T09:30 (the city's clock: ui/format.ts cityMinuteInstant). */
export const LOCAL_MINUTE_FORMAT = 'YYYY-MM-DDTHH:mm'

/** The picker's value for a form's string; nothing for an empty or unreadable one. */
export function toPickerValue(value: string | null | undefined): Dayjs | null {
  if (!value) return null
  const parsed = dayjs(value)
  return parsed.isValid() ? parsed : null
}

/** The form's string for the picker's value; undefined once cleared, so a required rule still fires. */
export function fromPickerValue(value: Dayjs | null | undefined, format: string): string | undefined {
  return value ? value.format(format) : undefined
}

/** A form's Dayjs calendar day (a form that keeps antd's own values) as the API takes it; null when empty. */
export function toApiDay(value: Dayjs | null | undefined): string | null {
  return fromPickerValue(value, DAY_FORMAT) ?? null
}
