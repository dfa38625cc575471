import { Radio } from 'antd-mobile'

/**
 * One choice among a few, as big radio buttons a thumb can hit, in a named radiogroup (antd-mobile's
 * group has no role of its own). A form control: antd-mobile's Form.Item passes value and onChange.
 */
export function RadioChoice<V extends string | number>({
  value,
  onChange,
  options,
  groupLabel,
  vertical,
}: {
  value?: V
  onChange?: (value: V) => void
  options: { value: V; label: string }[]
  groupLabel: string
  /** one per line (five rating levels), else side by side */
  vertical?: boolean
}) {
  return (
    <div role="radiogroup" aria-label={groupLabel}>
      <Radio.Group value={value ?? null} onChange={(picked) => onChange?.(picked as V)}>
        <div className={vertical ? 'm-choice-column' : 'm-choice-group'}>
          {options.map((option) => (
            <Radio key={option.value} value={option.value}>
              {option.label}
            </Radio>
          ))}
        </div>
      </Radio.Group>
    </div>
  )
}
