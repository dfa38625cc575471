import { useTranslation } from 'react-i18next'
import { Link, NavLink, useLocation } from 'react-router'
import { useInbox } from '../../features/notifications/inbox-store'
import { paths } from '../routes'
import { useSession } from '../session'
import { AppealIcon, HomeIcon, InboxIcon, PolicyIcon, UserIcon } from './icons'

/**
 * The bottom tab bar, as real links (antd-mobile's TabBar items are not focusable): reachable with
 * a thumb, a keyboard and a screen reader alike.
 */
export function BottomNav() {
  const { t } = useTranslation()
  const { me } = useSession()
  const { unreadCount } = useInbox()
  const signedIn = me?.kind === 'enterprise'
  const { pathname } = useLocation()
  // 政策: my matches when acting for an enterprise, the public library otherwise; lit on every policy page.
  const isPolicyPage =
    /^\/(policies|library|calculator|claims)(\/|$)/.test(pathname) ||
    /^\/enterprises\/[^/]+\/(policies|facts|policy-needs|claims)(\/|$)/.test(pathname)

  const badge =
    signedIn && unreadCount > 0 ? (
      <span className="m-tab-badge" aria-label={t('inbox.unreadBadge', { count: unreadCount })}>
        {unreadCount > 99 ? '99+' : unreadCount}
      </span>
    ) : null

  return (
    <nav className="m-tabbar" aria-label={t('nav.mobileTabs')}>
      <NavLink to={paths.home} end className="m-tab">
        <HomeIcon />
        <span>{t('nav.home')}</span>
      </NavLink>
      <Link
        to={signedIn ? paths.policies : paths.policyLibrary}
        className={`m-tab${isPolicyPage ? ' active' : ''}`}
        aria-current={isPolicyPage ? 'page' : undefined}
      >
        <PolicyIcon />
        <span>{t('nav.policies')}</span>
      </Link>
      <NavLink to={paths.appeals} className="m-tab">
        <AppealIcon />
        <span>{t('nav.appeals')}</span>
      </NavLink>
      <NavLink to={paths.inbox} className="m-tab">
        <span className="m-tab-icon">
          <InboxIcon />
          {badge}
        </span>
        <span>{t('nav.inbox')}</span>
      </NavLink>
      <NavLink to={paths.me} className="m-tab">
        <UserIcon />
        <span>{t('nav.me')}</span>
      </NavLink>
    </nav>
  )
}
