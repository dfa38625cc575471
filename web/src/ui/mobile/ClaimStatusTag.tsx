import { Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import type { Translate } from '../../app/i18n'
import type { ClaimStatus } from '../../app/shared-api/benefits'
import { statusTone, type StatusTone } from '../claim-status'

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
  const { t } = useTranslation()
  // Every claim status has a message in both catalogs (claim-labels.test.ts).
  const name = (s: ClaimStatus) => (t as unknown as Translate)(`benefits.status.${s}`)
  const tone = statusTone(status)
  return (
    <Tag color={COLORS[tone]} fill={tone === 'paid' || tone === 'action' ? 'solid' : 'outline'}>
      {name(status)}
    </Tag>
  )
}
