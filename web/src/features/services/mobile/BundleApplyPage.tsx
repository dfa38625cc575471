import { ErrorBlock } from 'antd-mobile'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { ChooseEnterprise } from '../../../ui/mobile/ChooseEnterprise'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { bundlePaths, bundlesApi } from '../bundles.api'

/** `/bundles/:id/apply`: for which enterprise (straight on when the user acts for one). */
export function BundleApplyPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('services.bundles.apply')} back={bundlePaths.guide(id)}>
      <RequireEnterpriseUser>
        {() => (
          <ChooseEnterprise
            to={(enterpriseId) => bundlePaths.applyFor(id, enterpriseId)}
            chooseText={t('services.bundles.chooseEnterprise')}
            noneText={t('services.bundles.noEnterprise')}
          />
        )}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}

/** `/bundles/:id/apply/:enterpriseId`: opens the bundle application, then shows it. */
export function BundleOpenPage() {
  const { t } = useTranslation()
  const { id = '', enterpriseId = '' } = useParams()
  const [openedId, setOpenedId] = useState<string>()
  const [error, setError] = useState<unknown>()
  const started = useRef(false)
  useEffect(() => {
    // once: a second render must not open a second application
    if (started.current) return
    started.current = true
    bundlesApi.open(enterpriseId, id).then((a) => setOpenedId(a.id), setError)
  }, [id, enterpriseId])
  if (openedId) return <Navigate to={bundlePaths.application(openedId)} replace />
  return (
    <MobilePage title={t('services.bundles.apply')} back={bundlePaths.guide(id)}>
      <RequireEnterpriseUser>
        {() =>
          error ? (
            <ErrorBlock status="default" title={errorMessage(error, t('errors.loadFailed'))} description="" />
          ) : (
            <PageLoading />
          )
        }
      </RequireEnterpriseUser>
    </MobilePage>
  )
}
