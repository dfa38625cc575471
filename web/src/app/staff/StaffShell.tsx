import {
  AccountBookOutlined,
  FundOutlined,
  PayCircleOutlined,
  AlertOutlined,
  BulbOutlined,
  DatabaseOutlined,
  ShopOutlined,
  FileProtectOutlined,
  ThunderboltOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  SettingOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  InboxOutlined,
  PhoneOutlined,
  ClusterOutlined,
  HomeOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
  SafetyCertificateOutlined,
  MailOutlined,
  FileTextOutlined,
} from '@ant-design/icons'
import { Button, Layout, Menu } from 'antd'
import { Suspense, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { Forbidden } from '../../ui/staff/Forbidden'
import { FullPageSpin } from '../../ui/staff/FullPageSpin'
import { LanguageSelect } from '../../ui/staff/LanguageSelect'
import { consentPathFor, loginPathFor, paths } from '../routes'
import { useSession } from '../session'
import { canOpenStaffPath, staffPageOf, staffPagesFor, type StaffPageKey } from './staff-nav'

const ICONS: Record<StaffPageKey, ReactNode> = {
  home: <HomeOutlined />,
  inbox: <MailOutlined />,
  appealQueue: <FileSearchOutlined />,
  appealOnBehalf: <CustomerServiceOutlined />,
  appealImport: <CloudUploadOutlined />,
  appealInbox: <InboxOutlined />,
  returnVisits: <PhoneOutlined />,
  supervision: <AlertOutlined />,
  policies: <FileProtectOutlined />,
  factImports: <DatabaseOutlined />,
  enterprises: <ShopOutlined />,
  enterpriseClaims: <SafetyCertificateOutlined />,
  policyNeeds: <BulbOutlined />,
  matchRuns: <ThunderboltOutlined />,
  benefitClaims: <AccountBookOutlined />,
  benefitPayouts: <PayCircleOutlined />,
  benefitEvaluation: <FundOutlined />,
  appealFigures: <BarChartOutlined />,
  appealSettings: <SettingOutlined />,
  appealCategories: <AppstoreOutlined />,
  departments: <ClusterOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  calendar: <CalendarOutlined />,
  legalDocuments: <FileTextOutlined />,
  account: <UserOutlined />,
}

/** The console frame: side menu by role, header with language and sign-out, the page in <main>. */
export function StaffShell() {
  const { t } = useTranslation()
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
            items={pages.map((page) => ({
              key: page.key,
              icon: ICONS[page.key],
              label: <Link to={page.path}>{t(`nav.staff.${page.key}`)}</Link>,
            }))}
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
