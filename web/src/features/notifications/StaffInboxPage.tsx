import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api'
import { paths } from '../../app/routes'
import { formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { notificationsApi, type InboxItem } from './notifications.api'

/** Where a staff message's subject opens in the console. */
function staffSubjectPath(item: InboxItem): string | undefined {
  if (item.subject?.kind === 'appeal') return paths.staffAppeal(item.subject.appealId)
  if (item.subject?.kind === 'claim') return paths.staffClaim(item.subject.claimId)
  return undefined
}

/**
 * `/staff/inbox`: the messages the platform sent me (a new appeal to dispatch, one to sign for, a
 * deadline warning, a claim to review …). Opening what a message is about reads it.
 */
export function StaffInboxPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const inbox = useLoad(() => notificationsApi.listInbox(), [i18n.language])
  const items = inbox.data?.items ?? []
  const unread = items.filter((item) => !item.isRead).length

  const markRead = (id: string) =>
    notificationsApi.markRead(id).then(
      () =>
        inbox.setData((current) => ({
          items: (current?.items ?? []).map((item) => (item.id === id ? { ...item, isRead: true } : item)),
        })),
      (error: unknown) => void message.error(errorMessage(error, t('errors.generic'))),
    )
  const markAll = () =>
    notificationsApi.markAllRead().then(
      () =>
        inbox.setData((current) => ({
          items: (current?.items ?? []).map((item) => ({ ...item, isRead: true })),
        })),
      (error: unknown) => void message.error(errorMessage(error, t('errors.generic'))),
    )

  return (
    <>
      <PageHeader
        title={t('staffInbox.title')}
        subtitle={t('staffInbox.unread', { count: unread })}
        extra={
          unread > 0 ? <Button onClick={() => void markAll()}>{t('inbox.markAllRead')}</Button> : undefined
        }
      />
      {inbox.error ? (
        <Alert type="error" showIcon title={errorMessage(inbox.error, t('errors.loadFailed'))} />
      ) : null}
      <Card>
        <List
          loading={!inbox.data && !inbox.error}
          dataSource={items}
          locale={{ emptyText: t('staffInbox.empty') }}
          renderItem={(item) => {
            const to = staffSubjectPath(item)
            return (
              <List.Item
                key={item.id}
                actions={
                  item.isRead
                    ? []
                    : [
                        <Button key="read" size="small" type="link" onClick={() => void markRead(item.id)}>
                          {t('inbox.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      {item.isRead ? null : <Tag color="blue">{t('inbox.unread')}</Tag>}
                      {to ? (
                        <Link to={to} onClick={() => (item.isRead ? undefined : void markRead(item.id))}>
                          {item.title}
                        </Link>
                      ) : (
                        <strong>{item.title}</strong>
                      )}
                    </Space>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {formatDateTime(item.sentAt, i18n.language)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )
          }}
        />
      </Card>
    </>
  )
}
