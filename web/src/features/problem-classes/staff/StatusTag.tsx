import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ProblemClassStatus } from '../problem-classes.api'

const COLORS: Record<ProblemClassStatus, string> = { open: 'blue', monthly: 'orange', closed: 'green' }

export function StatusTag({ status }: { status: ProblemClassStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLORS[status]}>{t(`problemClasses.statuses.${status}`)}</Tag>
}
