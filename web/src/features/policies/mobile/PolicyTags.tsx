import { Tag } from 'antd-mobile'
import type { MatchOutcome } from '../policies.api'
import { usePolicyText } from '../use-policy-text'

const OUTCOME_COLORS: Record<MatchOutcome, 'success' | 'warning' | 'default'> = {
  eligible: 'success',
  undetermined: 'warning',
  ineligible: 'default',
}

export function OutcomeTag({ outcome }: { outcome: MatchOutcome }) {
  const { outcome: name } = usePolicyText()
  return (
    <Tag color={OUTCOME_COLORS[outcome]} fill={outcome === 'eligible' ? 'solid' : 'outline'}>
      {name(outcome)}
    </Tag>
  )
}

/** 免申即享 stands out: the enterprise only has to agree. */
export function ModeTag({ mode }: { mode: string }) {
  const { mode: name } = usePolicyText()
  return (
    <Tag color={mode === 'no_application' ? 'primary' : 'default'} fill="outline">
      {name(mode)}
    </Tag>
  )
}
