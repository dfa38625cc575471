import { List } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { certificatesApi, type Certificate } from '../certificates.api'

/** Every status's label: adding a status to the contract fails the type check until it has one. */
const STATE_LABELS = {
  active: 'certificates.states.active',
  suspended: 'certificates.states.suspended',
  revoked: 'certificates.states.revoked',
  expired: 'certificates.states.expired',
} as const satisfies Record<Certificate['status'], string>

/** `/certificates`: the e-certificates of the user's enterprises, newest first, with their status. */
export function MyCertificatesPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('certificates.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyCertificates />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyCertificates() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => certificatesApi.mine(), [i18n.language])
  return (
    <LoadedList loaded={loaded} empty={t('certificates.mine.empty')}>
      {(items) => (
        <List>
          {items.map((item) => (
            <List.Item
              key={item.id}
              title={item.holderName}
              description={`${t('certificates.mine.number')} ${item.number} · ${t('certificates.mine.validUntil', { date: item.validUntil })}`}
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
