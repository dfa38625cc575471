import type { PolicyTopic } from '../policies.api'
import { usePolicyText } from '../use-policy-text'

type Props<T extends string> = {
  topics: readonly T[]
  selected: readonly T[]
  onChange: (selected: T[]) => void
  labelledBy?: string
  /** one topic at a time (a filter), instead of several (a subscription) */
  single?: boolean
  disabled?: boolean
}

/** Topics as chips that toggle, each a real button with its pressed state. */
export function TopicChips<T extends string = PolicyTopic>({
  topics,
  selected,
  onChange,
  labelledBy,
  single,
  disabled,
}: Props<T>) {
  const { topic } = usePolicyText()
  const toggle = (code: T) => {
    const on = selected.includes(code)
    if (single) onChange(on ? [] : [code])
    else onChange(on ? selected.filter((c) => c !== code) : [...selected, code])
  }
  return (
    <div className={`m-chips${single ? ' is-scroll' : ''}`} role="group" aria-labelledby={labelledBy}>
      {topics.map((code) => (
        <button
          key={code}
          type="button"
          className="m-chip"
          aria-pressed={selected.includes(code)}
          disabled={disabled}
          onClick={() => toggle(code)}
        >
          {topic(code)}
        </button>
      ))}
    </div>
  )
}
