import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SupervisionLevel, SupervisionStatus } from './supervision.api'

const LEVEL_COLORS: Record<SupervisionLevel, string> = { section: 'gold', bureau: 'orange', city: 'red' }
const STATUS_COLORS: Record<SupervisionStatus, string> = { open: 'red', responded: 'blue', closed: 'green' }

/** The ladder's level (科室级 / 局级 / 市级), warmer as it climbs. */
export function LevelTag({ level }: { level: SupervisionLevel }) {
  const { t } = useTranslation()
  return <Tag color={LEVEL_COLORS[level]}>{t(`supervision.levels.${level}`)}</Tag>
}

export function StatusTag({ status }: { status: SupervisionStatus }) {
  const { t } = useTranslation()
  return <Tag color={STATUS_COLORS[status]}>{t(`supervision.statuses.${status}`)}</Tag>
}
