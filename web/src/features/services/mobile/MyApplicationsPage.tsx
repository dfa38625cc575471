import { List } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { useNavigate } from 'react-router'
import { APPLICATION_STATE_LABELS } from '../application-labels'
import { servicesApi } from '../services.api'
import { servicesPaths } from '../services-paths'

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
  const navigate = useNavigate()
  const loaded = useLoad(() => servicesApi.mine(), [i18n.language])
  return (
    <LoadedList loaded={loaded} empty={t('services.mine.empty')}>
      {(items) => (
        <List>
          {items.map((item) => (
            <List.Item
              key={item.id}
              description={formatDateTime(item.createdAt, i18n.language)}
              extra={t(APPLICATION_STATE_LABELS[item.status])}
              // a draft resumes where it was left (我的办件 → 继续填写); any other opens its page
              onClick={() =>
                void navigate(
                  item.status === 'draft' ? servicesPaths.apply(item.id) : servicesPaths.application(item.id),
                )
              }
            >
              {item.title}
            </List.Item>
          ))}
        </List>
      )}
    </LoadedList>
  )
}
