import { Tag } from 'antd-mobile'
import type { ClaimStatus } from '../benefits.api'
import { statusTone, type StatusTone } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'

const COLORS: Record<StatusTone, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  waiting: 'primary',
  review: 'primary',
  action: 'warning',
  approved: 'success',
  paid: 'success',
  refused: 'danger',
  ended: 'default',
}

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const { status: name } = useBenefitText()
  const tone = statusTone(status)
  return (
    <Tag color={COLORS[tone]} fill={tone === 'paid' || tone === 'action' ? 'solid' : 'outline'}>
      {name(status)}
    </Tag>
  )
}
