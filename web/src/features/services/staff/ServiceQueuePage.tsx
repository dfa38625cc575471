import { Alert, Button, Card, Grid, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { useSession } from '../../../app/session'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { reviewApi, type QueueItem } from '../review.api'
import { ApplicationStatusTag } from './ApplicationStatusTag'

const FILTERS = ['submitted', 'supplement_requested', 'accepted', 'special_step'] as const
type Filter = (typeof FILTERS)[number]

export const staffApplicationPath = (id: string) => `/staff/services/applications/${id}`

/**
 * `/staff/services/queue` (handler, department head; the bureau reads): the department's
 * applications in flight, nearest due first, overdue in red; more pages by the server's cursor.
 */
export function ServiceQueuePage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string) => string
  const { me } = useSession()
  const [status, setStatus] = useState<Filter>()
  const [more, setMore] = useState<{ items: QueueItem[]; next: string | null }>()
  const first = useLoad(() => reviewApi.queue({ status }), [status, i18n.language])
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])]
  const next = more ? more.next : (first.data?.next ?? null)
  const [isLoadingMore, setLoadingMore] = useState(false)
  // a phone (375 px) reads one column: the title, then who, the state and the due date under it
  const isNarrow = !Grid.useBreakpoint().md
  const due = (row: QueueItem) =>
    row.dueAt ? (
      <Typography.Text type={row.isOverdue ? 'danger' : undefined}>
        {formatDateTime(row.dueAt, i18n.language)}
        {row.isOverdue ? ` · ${t('services.staff.overdue')}` : ''}
      </Typography.Text>
    ) : (
      '—'
    )
  const stateOf = (row: QueueItem) => (
    <Space size={4}>
      <ApplicationStatusTag status={row.status} />
      {row.instant ? <Tag>{t('services.staff.instant')}</Tag> : null}
    </Space>
  )

  const loadMore = async () => {
    if (!next) return
    setLoadingMore(true)
    try {
      const page = await reviewApi.queue({ status, after: next })
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next })
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <>
      <PageHeader
        title={t('services.staff.queueTitle')}
        subtitle={
          me?.department ? t('services.staff.queueSubtitle', { department: me.department.name }) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<Filter | 'all'>
            aria-label={t('services.staff.filterStatus')}
            style={{ minWidth: 180 }}
            value={status ?? 'all'}
            onChange={(value) => {
              setMore(undefined)
              setStatus(value === 'all' ? undefined : value)
            }}
            options={[
              { value: 'all', label: t('services.staff.allInFlight') },
              ...FILTERS.map((s) => ({ value: s, label: tx(`services.states.${s}`) })),
            ]}
          />
        </Space>
        {first.error ? (
          <Alert type="error" showIcon title={errorMessage(first.error, t('errors.loadFailed'))} />
        ) : null}
        <Table<QueueItem>
          rowKey="id"
          loading={first.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('services.staff.queueEmpty') }}
          columns={
            isNarrow
              ? [
                  {
                    title: t('services.staff.columns.title'),
                    dataIndex: 'title',
                    render: (_: unknown, row) => (
                      <Space orientation="vertical" size={2}>
                        <Link to={staffApplicationPath(row.id)}>{row.title}</Link>
                        <Typography.Text type="secondary">{row.enterpriseName}</Typography.Text>
                        <Space wrap size={6}>
                          {stateOf(row)}
                          {due(row)}
                        </Space>
                      </Space>
                    ),
                  },
                ]
              : [
                  {
                    title: t('services.staff.columns.title'),
                    dataIndex: 'title',
                    render: (_: unknown, row) => <Link to={staffApplicationPath(row.id)}>{row.title}</Link>,
                  },
                  { title: t('services.staff.columns.enterprise'), dataIndex: 'enterpriseName' },
                  {
                    title: t('services.staff.columns.status'),
                    dataIndex: 'status',
                    render: (_: unknown, row) => stateOf(row),
                  },
                  {
                    title: t('services.staff.columns.due'),
                    dataIndex: 'dueAt',
                    render: (_: unknown, row) => due(row),
                  },
                  {
                    title: t('services.staff.columns.received'),
                    dataIndex: 'receivedAt',
                    render: (_: unknown, row) => formatDateTime(row.receivedAt, i18n.language),
                  },
                ]
          }
        />
        {next ? (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => void loadMore()} loading={isLoadingMore}>
              {t('services.staff.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
    </>
  )
}
