import { List } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { servicesApi, type Application } from '../services.api'

/** Every state's label: adding a state to the contract fails the type check until it has one. */
const STATE_LABELS = {
  draft: 'services.states.draft',
  submitted: 'services.states.submitted',
  supplement_requested: 'services.states.supplement_requested',
  accepted: 'services.states.accepted',
  special_step: 'services.states.special_step',
  approved: 'services.states.approved',
  refused: 'services.states.refused',
  not_accepted: 'services.states.not_accepted',
  withdrawn: 'services.states.withdrawn',
  terminated: 'services.states.terminated',
} as const satisfies Record<Application['status'], string>

/** `/services`: the applications the enterprise user opened, newest first, with their state. */
export function MyApplicationsPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('services.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyApplications />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyApplications() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => servicesApi.mine(), [i18n.language])
  return (
    <LoadedList loaded={loaded} empty={t('services.mine.empty')}>
      {(items) => (
        <List>
          {items.map((item) => (
            <List.Item
              key={item.id}
              description={formatDateTime(item.createdAt, i18n.language)}
              extra={t(STATE_LABELS[item.status])}
            >
              {item.title}
            </List.Item>
          ))}
        </List>
      )}
    </LoadedList>
  )
}
