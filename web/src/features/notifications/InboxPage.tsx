import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../ui/format'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useInbox } from './inbox-store'

/** `/inbox`: in-app messages for me and the enterprises I act for; opening one marks it read. */
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
  const { items, error, unreadCount, markRead, reload } = useInbox()
  const [openId, setOpenId] = useState<string>()
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

  const open = (id: string, isRead: boolean) => {
    setOpenId((current) => (current === id ? undefined : id))
    if (!isRead) {
      setMarkError(undefined)
      markRead(id).catch((caught: unknown) => setMarkError(errorMessage(caught, t('errors.generic'))))
    }
  }

  return (
    <>
      <p className="m-muted" style={{ margin: '0 4px' }} aria-live="polite">
        {t('home.unreadCount', { count: unreadCount })}
      </p>
      <Banner tone="error" text={markError} />
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => {
          const isOpen = openId === item.id
          return (
            <li key={item.id} className="m-message">
              <div className="m-message-head">
                {item.isRead ? null : (
                  <span className="m-unread-dot" role="img" aria-label={t('inbox.unread')} />
                )}
                <h2 className="m-message-title">{item.title}</h2>
              </div>
              <p className="m-muted" style={{ margin: '4px 0 0' }}>
                {formatDateTime(item.sentAt, i18n.language)}
                {item.enterpriseName ? ` · ${item.enterpriseName}` : ''}
              </p>
              {isOpen ? <p className="m-message-body">{item.body}</p> : null}
              <Button
                size="small"
                fill="none"
                color="primary"
                style={{ paddingLeft: 0, marginTop: 4 }}
                aria-expanded={isOpen}
                onClick={() => open(item.id, item.isRead)}
              >
                {isOpen ? t('inbox.collapse') : t('inbox.read')}
              </Button>
            </li>
          )
        })}
      </ul>
    </>
  )
}
