import { Tag } from 'antd'
import type { ClaimStatus } from '../benefits.api'
import { statusTone, type StatusTone } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'

const COLORS: Record<StatusTone, string> = {
  waiting: 'blue',
  review: 'processing',
  action: 'gold',
  approved: 'green',
  paid: 'success',
  refused: 'red',
  ended: 'default',
}

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const { status: name } = useBenefitText()
  return <Tag color={COLORS[statusTone(status)]}>{name(status)}</Tag>
}

export function ModeTag({ mode }: { mode: string }) {
  const { mode: name } = useBenefitText()
  return <Tag color={mode === 'no_application' ? 'geekblue' : 'default'}>{name(mode)}</Tag>
}
