import { ConfigProvider, DotLoading, unstableSetRender } from 'antd-mobile'
import enUS from 'antd-mobile/es/locales/en-US'
import zhCN from 'antd-mobile/es/locales/zh-CN'
import { Suspense } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation } from 'react-router'
import { InboxProvider } from '../../features/notifications/inbox-store'
import { consentPathFor, isConsentFreePath, paths } from '../routes'
import { useSession } from '../session'
import { BottomNav } from './BottomNav'
import './enterprise.css'

// antd-mobile 5 renders Toast and Dialog.show with the React 18 API that React 19 removed; hand it
// React 19's createRoot (https://mobile.ant.design/guide/v5-for-19).
unstableSetRender((node, container) => {
  const host = container as Element & { __ysRoot?: Root }
  host.__ysRoot ??= createRoot(host)
  const root = host.__ysRoot
  root.render(node)
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
    root.unmount()
    delete host.__ysRoot
  }
})

/** The enterprise and public mobile app: a single column, the page, and a bottom tab bar. */
export function EnterpriseShell() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const { pathname, search } = useLocation()
  // The server refuses the rest until the current privacy notice and terms are accepted: ask first.
  const mustConsent =
    me?.kind === 'enterprise' && me.pendingConsents.length > 0 && !isConsentFreePath(pathname)
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <InboxProvider>
        <div className="m-app">
          <a className="m-skip-link" href="#main">
            {t('common.skipToContent')}
          </a>
          <Suspense
            fallback={
              <div className="m-page-loading" role="status">
                <DotLoading color="primary" />
                <span className="visually-hidden">{t('common.loading')}</span>
              </div>
            }
          >
            {mustConsent ? <Navigate to={consentPathFor(pathname, search)} replace /> : <Outlet />}
          </Suspense>
          {pathname === paths.consent ? null : <BottomNav />}
        </div>
      </InboxProvider>
    </ConfigProvider>
  )
}
