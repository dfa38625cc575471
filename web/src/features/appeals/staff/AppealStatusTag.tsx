import { Tag } from 'antd'
import { statusTone, type StatusTone } from '../appeal-labels'
import type { AppealStatus, Tier } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

// Preset colours whose text shade staff.css darkens to pass 4.5:1.
const COLORS: Record<StatusTone, string> = {
  waiting: 'gold',
  active: 'blue',
  paused: 'orange',
  problem: 'red',
  answered: 'purple',
  done: 'green',
  ended: 'default',
}

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const text = useAppealText()
  return <Tag color={COLORS[statusTone(status)]}>{text.status(status)}</Tag>
}

const TIER_COLORS: Record<Tier, string> = {
  urgent: 'red',
  fast: 'orange',
  normal: 'default',
  complex: 'purple',
}

export function TierTag({ tier }: { tier: Tier }) {
  const text = useAppealText()
  return <Tag color={TIER_COLORS[tier]}>{text.tier(tier)}</Tag>
}
