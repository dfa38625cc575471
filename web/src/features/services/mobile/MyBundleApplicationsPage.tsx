import { List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../../ui/format'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { bundlePaths, bundlesApi, type BundleApplicationList } from '../bundles.api'

const STATUS_COLORS = {
  draft: 'default',
  in_progress: 'primary',
  needs_attention: 'danger',
  done: 'success',
  withdrawn: 'default',
} as const satisfies Record<BundleApplicationList['items'][number]['status'], string>

/** `/bundle-applications`: the bundle applications the user opened, each with its combined status. */
export function MyBundleApplicationsPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('services.bundles.mine')} back={bundlePaths.list}>
      <RequireEnterpriseUser>{() => <Mine />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function Mine() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const loaded = useLoad(() => bundlesApi.mine(), [i18n.language])
  return (
    <LoadedList loaded={loaded} empty={t('services.bundles.mineEmpty')}>
      {(items) => (
        <List>
          {items.map((item) => (
            <List.Item
              key={item.id}
              onClick={() => void navigate(bundlePaths.application(item.id))}
              description={formatDateTime(item.submittedAt ?? item.createdAt, i18n.language)}
              extra={
                <Tag color={STATUS_COLORS[item.status]}>
                  {t(`services.bundles.status.${item.status}`)} {item.counts.approved}/{item.counts.total}
                </Tag>
              }
            >
              {item.bundleName}
            </List.Item>
          ))}
        </List>
      )}
    </LoadedList>
  )
}
