import { usePolicyText } from '../use-policy-text'

const SYMBOLS = { pass: '✓', fail: '✗', missing: '?' } as const

/** ✓ / ✗ / ? in a coloured disc, with the word for screen readers and for colour-blind eyes. */
export function ResultMark({ result }: { result: 'pass' | 'fail' | 'missing' }) {
  const { result: name } = usePolicyText()
  return (
    <span className={`m-result-mark is-${result}`} title={name(result)}>
      <span aria-hidden="true">{SYMBOLS[result]}</span>
      <span className="visually-hidden">{name(result)}</span>
    </span>
  )
}
