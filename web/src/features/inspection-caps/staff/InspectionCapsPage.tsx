import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { hasStaffRole, useSession } from '../../../app/session'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { CapSettingsTab } from './CapSettingsTab'
import { ExemptionsTab } from './ExemptionsTab'
import { HighFrequencyTab } from './HighFrequencyTab'
import { JointProposalsTab } from './JointProposalsTab'

const TABS = ['caps', 'exemptions', 'joint', 'frequency'] as const
type Tab = (typeof TABS)[number]

/**
 * `/staff/inspection-caps`: 检查频次上限 for the bureau — the caps in force and their versions, the
 * exemption requests to decide, the joint visits proposed (综合查一次) and the enterprises inspected
 * too often. The administrator sees the caps only; the server decides every action.
 */
export function InspectionCapsPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const [params, setParams] = useSearchParams()
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const canEdit = hasStaffRole(me, 'admin', 'bureau_leader')
  const visible: readonly Tab[] = isBureau ? TABS : ['caps']
  const asked = params.get('tab') as Tab | null
  const tab: Tab = asked && visible.includes(asked) ? asked : 'caps'
  return (
    <>
      <PageHeader title={t('inspectionCaps.title')} subtitle={t('inspectionCaps.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'caps' ? {} : { tab: key })}
          items={visible.map((key) => ({ key, label: t(`inspectionCaps.tabs.${key}`) }))}
        />
        {tab === 'caps' ? <CapSettingsTab canEdit={canEdit} /> : null}
        {tab === 'exemptions' ? <ExemptionsTab /> : null}
        {tab === 'joint' ? <JointProposalsTab /> : null}
        {tab === 'frequency' ? <HighFrequencyTab /> : null}
      </Card>
    </>
  )
}
