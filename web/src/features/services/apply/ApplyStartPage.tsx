import { ErrorBlock } from 'antd-mobile'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { ChooseEnterprise } from '../../../ui/mobile/ChooseEnterprise'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { servicesApi } from '../services.api'
import { servicesPaths } from '../services-paths'

/** `/matters/:id/apply`: 在线办理 from a guide — for which enterprise (straight on when only one). */
export function ApplyStartPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('services.apply.start')} back={paths.matter(id)}>
      <RequireEnterpriseUser>
        {() => (
          <ChooseEnterprise
            to={(enterpriseId) => servicesPaths.openFor(id, enterpriseId)}
            chooseText={t('services.apply.choose')}
            noneText={t('services.apply.none')}
          />
        )}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}

/** `/matters/:id/apply/:enterpriseId`: opens the draft once, then goes on to its form. */
export function OpenApplicationPage() {
  const { t } = useTranslation()
  const { id = '', enterpriseId = '' } = useParams()
  return (
    <MobilePage title={t('services.apply.start')} back={paths.matter(id)}>
      <RequireEnterpriseUser>
        {() => <Open matterId={id} enterpriseId={enterpriseId} />}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}

function Open({ matterId, enterpriseId }: { matterId: string; enterpriseId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [error, setError] = useState<unknown>()
  // one draft per visit, even when React runs the effect twice in development
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    servicesApi
      .open(enterpriseId, matterId)
      .then((application) => void navigate(servicesPaths.apply(application.id), { replace: true }))
      .catch(setError)
  }, [enterpriseId, matterId, navigate])
  if (error)
    return <ErrorBlock status="default" title={errorMessage(error, t('errors.loadFailed'))} description="" />
  return (
    <>
      <PageLoading />
      <p className="m-muted" style={{ textAlign: 'center' }}>
        {t('services.apply.opening')}
      </p>
    </>
  )
}
