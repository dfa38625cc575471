import { Suspense, useEffect } from 'react'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { configureApi } from './api'
import { ChunkProgress } from './ChunkProgress'
import { consentPathFor, isConsentFreePath, isStaffPath, loginPathFor, paths } from './routes'
import { useSession } from './session'

/**
 * The top of the route tree, shared by both shells. Reacts to session-level API failures: a lapsed
 * session goes to the right login page, a pending password change to the change-password page, a
 * document not yet accepted to the consent page.
 * No UI library here: this module is in the entry chunk.
 */
export function RootLayout() {
  const navigate = useNavigate()
  const location = useLocation()
  const { setMe, refresh } = useSession()

  useEffect(() => {
    configureApi({
      onSessionProblem: (problem) => {
        const { pathname, search } = window.location
        if (problem === 'UNAUTHENTICATED') {
          setMe(null)
          const loginPage = isStaffPath(pathname) ? paths.staffLogin : paths.login
          if (pathname !== loginPage) void navigate(loginPathFor(pathname, search), { replace: true })
        } else if (problem === 'CONSENT_REQUIRED') {
          // A new version took effect while the app was open: ask before going on.
          if (!isConsentFreePath(pathname))
            void refresh().finally(() => navigate(consentPathFor(pathname, search), { replace: true }))
        } else if (isStaffPath(pathname) && pathname !== paths.staffChangePassword) {
          void refresh().finally(() => navigate(paths.staffChangePassword, { replace: true }))
        }
      },
    })
  }, [navigate, setMe, refresh])

  // Client-side navigation keeps the scroll position of the previous page otherwise.
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [location.pathname])

  return (
    <>
      <ChunkProgress />
      <Suspense fallback={<div className="boot-loading" role="status" aria-live="polite" />}>
        <Outlet />
      </Suspense>
    </>
  )
}
