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

export { ModeTag } from '../../../ui/mobile/ModeTag'
