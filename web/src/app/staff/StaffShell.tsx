import { HomeOutlined, LogoutOutlined } from '@ant-design/icons'
import { Button, Layout, Menu } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { Forbidden } from '../../ui/staff/Forbidden'
import { FullPageSpin } from '../../ui/staff/FullPageSpin'
import { LanguageSelect } from '../../ui/staff/LanguageSelect'
import { consentPathFor, loginPathFor, paths } from '../routes'
import type { Translate } from '../i18n'
import { useSession } from '../session'
import { staffMenuIcon } from './staff-menu-icons'
import { canOpenStaffPath, staffPageOf, staffPagesFor } from './staff-nav'

/** The console frame: side menu by role, header with language and sign-out, the page in <main>. */
export function StaffShell() {
  const { t } = useTranslation()
  const tx = t as unknown as Translate
  const { me, signOut } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const [collapsed, setCollapsed] = useState(false)

  if (me === undefined) return <FullPageSpin label={t('common.loading')} />
  if (!me || me.kind !== 'staff')
    return <Navigate to={loginPathFor(location.pathname, location.search)} replace />
  // The server refuses everything else until the initial password is changed.
  if (me.mustChangePassword) return <Navigate to={paths.staffChangePassword} replace />
  // Then the staff privacy notice, acknowledged before the console opens.
  if (me.pendingConsents.length)
    return <Navigate to={consentPathFor(location.pathname, location.search)} replace />

  const roles = me.roles.map((grant) => grant.role)
  const pages = staffPagesFor(roles)
  const current = staffPageOf(location.pathname)

  const leave = async () => {
    await signOut().catch(() => undefined)
    void navigate(paths.staffLogin, { replace: true })
  }

  return (
    <Layout className="s-layout">
      <Layout.Sider
        theme="light"
        breakpoint="lg"
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={232}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div className="s-brand">
          <span className="s-brand-mark" aria-hidden="true">
            营
          </span>
          {collapsed ? null : <span>{t('app.consoleName')}</span>}
        </div>
        <nav aria-label={t('nav.staffMenu')}>
          <Menu
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            style={{ borderInlineEnd: 0 }}
            items={pages.map((page) => {
              const Icon = page.key === 'home' ? HomeOutlined : staffMenuIcon(page.key)
              return {
                key: page.key,
                icon: Icon ? <Icon /> : null,
                // Every menu key has a label in both catalogs (staff-nav.test.ts).
                label: <Link to={page.path}>{tx(`nav.staff.${page.key}`)}</Link>,
              }
            })}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="s-header">
          <span className="s-header-spacer" />
          <LanguageSelect />
          <span className="s-header-user" title={me.displayName}>
            {me.displayName}
          </span>
          <Button icon={<LogoutOutlined />} onClick={() => void leave()}>
            {t('account.signOut')}
          </Button>
        </Layout.Header>
        {/* antd renders Layout.Content as <main>: the page's one main landmark. */}
        <Layout.Content id="main" className="s-content">
          <Suspense fallback={<FullPageSpin label={t('common.loading')} inline />}>
            {canOpenStaffPath(location.pathname, roles) ? <Outlet /> : <Forbidden />}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
