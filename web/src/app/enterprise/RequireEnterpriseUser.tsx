import { Button, DotLoading } from 'antd-mobile'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import type { Me } from '../session'
import { useSession } from '../session'
import { loginPathFor, paths } from '../routes'

/**
 * Pages that act for an enterprise: signed-out visitors go to the code sign-in (and come back),
 * staff are pointed to their console instead of meeting a wall of 403s.
 */
export function RequireEnterpriseUser({ children }: { children: (me: Me) => ReactNode }) {
  const { me } = useSession()
  const location = useLocation()
  if (me === undefined) return <PageLoading />
  if (me === null) return <Navigate to={loginPathFor(location.pathname, location.search)} replace />
  if (me.kind !== 'enterprise') return <StaffHere />
  return <>{children(me)}</>
}

export function PageLoading() {
  const { t } = useTranslation()
  return (
    <div className="m-page-loading" role="status">
      <DotLoading color="primary" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  )
}

function StaffHere() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <main id="main" className="m-content">
      <div className="m-section">
        <h1 className="m-section-title">{t('home.staffSignedInTitle')}</h1>
        <p className="m-muted">{t('home.staffSignedIn')}</p>
        <Button color="primary" block size="large" onClick={() => void navigate(paths.staffHome)}>
          {t('home.goToConsole')}
        </Button>
      </div>
    </main>
  )
}
