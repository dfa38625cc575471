import { Button, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { hasStaffRole, useSession } from '../../../app/session'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { inspectionPaths } from '../inspections.api'
import { planningBodies } from './inspection-labels'
import { InspectionItemsTab } from './InspectionItemsTab'
import { InspectionListTab } from './InspectionListTab'
import { InspectorsTab } from './InspectorsTab'
import { UnregisteredReportsTab } from './UnregisteredReportsTab'

/**
 * `/staff/inspections` (涉企检查): the tabs the signed-in person may use — the inspections of their
 * body (or all, for the bureau), the inspection items and the certified inspectors (the registry),
 * and the enterprises' reports of visits without a code (the bureau). The server enforces each.
 */
export function InspectionsPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const roles = me?.kind === 'staff' ? me.roles : []
  const canPlan = planningBodies(roles).length > 0
  const tabs = [
    hasStaffRole(me, 'inspector', 'department_head', 'dispatcher', 'bureau_leader')
      ? { key: 'inspections', label: t('inspections.tabs.inspections'), children: <InspectionListTab /> }
      : null,
    hasStaffRole(me, 'admin', 'department_head', 'bureau_leader', 'inspector')
      ? { key: 'items', label: t('inspections.tabs.items'), children: <InspectionItemsTab /> }
      : null,
    hasStaffRole(me, 'admin', 'department_head', 'bureau_leader', 'inspector')
      ? { key: 'inspectors', label: t('inspections.tabs.inspectors'), children: <InspectorsTab /> }
      : null,
    hasStaffRole(me, 'dispatcher', 'bureau_leader')
      ? { key: 'reports', label: t('inspections.tabs.reports'), children: <UnregisteredReportsTab /> }
      : null,
  ].filter((tab) => tab !== null)
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? params.get('tab')! : tabs[0]?.key

  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        subtitle={t('inspections.subtitle')}
        extra={
          canPlan ? (
            <Button type="primary" onClick={() => void navigate(inspectionPaths.staffNew)}>
              {t('inspections.actions.plan')}
            </Button>
          ) : null
        }
      />
      <Tabs activeKey={active} items={tabs} onChange={(key) => setParams({ tab: key }, { replace: true })} />
    </>
  )
}
