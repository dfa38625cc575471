import { Button, List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { paths } from '../../../app/routes'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { bundlePaths, bundlesApi } from '../bundles.api'
import './bundles.css'

/** `/bundles`: the published bundles (一件事一次办), each with the days and materials it saves. */
export function BundleListPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const loaded = useLoad(() => bundlesApi.list(), [i18n.language])
  return (
    <MobilePage title={t('services.bundles.title')} back={paths.home}>
      <p className="m-muted m-bundle-intro">{t('services.bundles.intro')}</p>
      <LoadedList loaded={loaded} empty={t('services.bundles.empty')}>
        {(items) => (
          <List>
            {items.map((b) => (
              <List.Item
                key={b.id}
                onClick={() => void navigate(bundlePaths.guide(b.id))}
                description={
                  <span className="m-bundle-tags">
                    <Tag color="success" fill="outline">
                      {t('services.bundles.daysSaved', { saved: b.days.saved, percent: b.days.percent })}
                    </Tag>
                    <Tag color="primary" fill="outline">
                      {t('services.bundles.materialsSaved', { saved: b.materials.saved })}
                    </Tag>
                    <span>{t('services.bundles.departments', { count: b.departmentCount })}</span>
                  </span>
                }
                extra={t('services.guide.days', { count: b.promisedLimitDays })}
              >
                {b.name}
              </List.Item>
            ))}
          </List>
        )}
      </LoadedList>
      <div className="m-bundle-actions">
        <Button block size="large" onClick={() => void navigate(bundlePaths.mine)}>
          {t('services.bundles.mine')}
        </Button>
      </div>
    </MobilePage>
  )
}
