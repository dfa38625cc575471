import type { ChangeEvent } from 'react'

/*
 * Native <select> and <input type="date"> in the mobile forms: phones show their own wheel or
 * calendar for them (one-handed, familiar), screen readers know them, and they weigh nothing.
 * They take the value/onChange/id that antd-mobile's Form.Item hands to its child.
 */

type Option = { value: string; label: string }

type SelectProps = {
  id?: string
  value?: string
  onChange?: (value: string) => void
  options: Option[]
  placeholder: string
  disabled?: boolean
  'aria-label'?: string
}

export function NativeSelect({ id, value, onChange, options, placeholder, disabled, ...aria }: SelectProps) {
  return (
    <select
      id={id}
      className="m-native-select"
      value={value ?? ''}
      disabled={disabled}
      onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange?.(event.target.value)}
      {...aria}
    >
      <option value="" disabled>
        {placeholder}
      </option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
}

type DateProps = {
  id?: string
  value?: string
  onChange?: (value: string) => void
  min?: string
  max?: string
}

export function NativeDateInput({ id, value, onChange, min, max }: DateProps) {
  return (
    <input
      id={id}
      type="date"
      className="m-native-input"
      value={value ?? ''}
      min={min}
      max={max}
      onChange={(event) => onChange?.(event.target.value)}
    />
  )
}
