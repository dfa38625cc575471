import { Tag } from 'antd-mobile'
import { statusTone, type StatusTone } from '../appeal-labels'
import type { AppealStatus } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

const COLORS: Record<StatusTone, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  waiting: 'warning',
  active: 'primary',
  paused: 'default',
  problem: 'danger',
  answered: 'primary',
  done: 'success',
  ended: 'default',
}

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const text = useAppealText()
  const tone = statusTone(status)
  return (
    <Tag color={COLORS[tone]} fill={tone === 'answered' ? 'solid' : 'outline'}>
      {text.status(status)}
    </Tag>
  )
}
