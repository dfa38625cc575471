import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api'
import { paths } from '../../app/routes'
import { PageLoading, RequireEnterpriseUser } from '../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../ui/format'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useInbox } from './inbox-store'
import type { InboxItem } from './notifications.api'

/** Where a message's subject opens: the appeal, or the policy item pushed to the enterprise. */
function subjectLink(item: InboxItem): string | undefined {
  if (item.subject?.kind === 'appeal') return paths.appeal(item.subject.appealId)
  if (item.subject?.kind === 'policy_item')
    return paths.enterprisePolicy(item.subject.enterpriseId, item.subject.itemId)
  return undefined
}

/**
 * `/inbox`: in-app messages for me and the enterprises I act for. Each card shows its whole text (it
 * names the appeal number, which is what the enterprise needs); an unread one can be marked read.
 */
export function InboxPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('inbox.title')}>
      <RequireEnterpriseUser>{() => <InboxList />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function InboxList() {
  const { t, i18n } = useTranslation()
  const { items, error, unreadCount, markRead, markAllRead, reload } = useInbox()
  const [markError, setMarkError] = useState<string>()

  if (error && !items) {
    return (
      <>
        <ErrorBlock status="default" title={errorMessage(error, t('errors.loadFailed'))} description="" />
        <Button block size="large" onClick={() => void reload()}>
          {t('common.retry')}
        </Button>
      </>
    )
  }
  if (!items) return <PageLoading />
  if (!items.length)
    return <ErrorBlock status="empty" title={t('inbox.empty')} description={t('inbox.emptyHint')} />

  const markAsRead = (id: string) => {
    setMarkError(undefined)
    markRead(id).catch((caught: unknown) => setMarkError(errorMessage(caught, t('errors.generic'))))
  }
  const markAllAsRead = () => {
    setMarkError(undefined)
    markAllRead().catch((caught: unknown) => setMarkError(errorMessage(caught, t('errors.generic'))))
  }

  return (
    <>
      <div className="m-inbox-head">
        <p className="m-muted" style={{ margin: 0 }} aria-live="polite">
          {t('home.unreadCount', { count: unreadCount })}
        </p>
        {unreadCount > 0 ? (
          <Button size="small" fill="none" color="primary" onClick={markAllAsRead}>
            {t('inbox.markAllRead')}
          </Button>
        ) : null}
      </div>
      <Banner tone="error" text={markError} />
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.id} className={`m-message${item.isRead ? '' : ' is-unread'}`}>
            <div className="m-message-head">
              {item.isRead ? null : (
                <span className="m-unread-dot" role="img" aria-label={t('inbox.unread')} />
              )}
              <h2 className="m-message-title">{item.title}</h2>
            </div>
            <p className="m-message-body">{item.body}</p>
            {subjectLink(item) ? (
              <Link
                className="m-message-link"
                to={subjectLink(item)!}
                // Opening what the message is about is reading it.
                onClick={() => (item.isRead ? undefined : markAsRead(item.id))}
              >
                {t(item.subject?.kind === 'appeal' ? 'inbox.openAppeal' : 'inbox.openPolicy')}
              </Link>
            ) : null}
            <div className="m-message-foot">
              <span className="m-muted">
                {formatDateTime(item.sentAt, i18n.language)}
                {item.enterpriseName ? ` · ${item.enterpriseName}` : ''}
              </span>
              {item.isRead ? null : (
                <Button
                  size="small"
                  fill="none"
                  color="primary"
                  onClick={() => markAsRead(item.id)}
                  aria-label={t('inbox.markReadNamed', { title: item.title })}
                >
                  {t('inbox.markRead')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
