import { Button, ErrorBlock, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../ui/format'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useLoad } from '../../ui/use-load'
import { notificationsApi } from './notifications.api'

/**
 * `/dev/inbox`: the SMS and e-mail the development adapters "sent", sign-in codes included, so a
 * developer can sign in without a phone. The endpoint does not exist in production, and answers
 * only requests from the server's own machine.
 */
export function DevInboxPage() {
  const { t, i18n } = useTranslation()
  const outgoing = useLoad(() => notificationsApi.listDevOutgoing(), [])
  const isOff = isApiError(outgoing.error) && outgoing.error.status === 404
  // Asked from another machine: the codes of every phone are not for the network to read.
  const isElsewhere = isApiError(outgoing.error) && outgoing.error.code === 'DEV_INBOX_LOCAL_ONLY'

  return (
    <MobilePage
      title={t('devInbox.title')}
      back
      action={
        isOff || isElsewhere ? null : (
          <Button
            size="small"
            fill="none"
            color="primary"
            style={{ whiteSpace: 'nowrap' }}
            onClick={() => outgoing.reload()}
            loading={outgoing.isLoading}
          >
            {t('common.refresh')}
          </Button>
        )
      }
    >
      {isOff ? (
        <ErrorBlock status="disconnected" title={t('devInbox.off')} description={t('devInbox.offHint')} />
      ) : isElsewhere ? (
        <ErrorBlock
          status="disconnected"
          title={t('devInbox.localOnly')}
          description={errorMessage(outgoing.error, t('errors.loadFailed'))}
        />
      ) : outgoing.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(outgoing.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !outgoing.data ? (
        <PageLoading />
      ) : !outgoing.data.items.length ? (
        <ErrorBlock status="empty" title={t('devInbox.empty')} description={t('devInbox.emptyHint')} />
      ) : (
        <>
          <p className="m-muted" style={{ margin: '0 4px' }}>
            {t('devInbox.intro')}
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('devInbox.title')}>
            {outgoing.data.items.map((message) => (
              <li key={message.id} className="m-message">
                <div className="m-message-head">
                  <Tag color="primary" fill="outline">
                    {message.channel.toUpperCase()}
                  </Tag>
                  <strong style={{ flex: 1 }}>{message.to ?? '—'}</strong>
                  <span className="m-muted">{message.status}</span>
                </div>
                <p className="m-dev-text">{message.text}</p>
                <p className="m-muted" style={{ margin: '4px 0 0' }}>
                  {formatDateTime(message.at, i18n.language)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </MobilePage>
  )
}
