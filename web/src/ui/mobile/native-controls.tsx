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

type SwitchProps = {
  id?: string
  checked?: boolean
  onChange?: (checked: boolean) => void
  /** The visible text beside the switch, which is also its accessible name. */
  label: string
  disabled?: boolean
}

/**
 * An on/off choice as a native checkbox with the switch role: focusable, named by its own text, and
 * toggled by a tap anywhere on the row (antd-mobile's Switch is a div without focus or a name).
 */
export function NativeSwitch({ id, checked, onChange, label, disabled }: SwitchProps) {
  return (
    <label className="m-switch-row">
      <span className="m-switch-label">{label}</span>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="m-switch"
        checked={!!checked}
        disabled={disabled}
        onChange={(event) => onChange?.(event.target.checked)}
      />
    </label>
  )
}
