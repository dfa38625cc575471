import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StaffApplication } from '../review.api'

const COLORS: Record<StaffApplication['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  supplement_requested: 'orange',
  accepted: 'processing',
  special_step: 'purple',
  approved: 'success',
  refused: 'error',
  not_accepted: 'error',
  withdrawn: 'default',
  terminated: 'warning',
}

/** An application's state as a coloured tag, in the UI language. */
export function ApplicationStatusTag({ status }: { status: StaffApplication['status'] }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLORS[status]}>{(t as unknown as (k: string) => string)(`services.states.${status}`)}</Tag>
  )
}
