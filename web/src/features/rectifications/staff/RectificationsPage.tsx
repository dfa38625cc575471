import { Alert, Card, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { rectificationsApi, type RectificationItem } from '../rectifications.api'

const VIEWS = ['active', 'evidence_submitted', 'all'] as const
type View = (typeof VIEWS)[number]
export const staffRectificationPath = (id: string) => `/staff/rectifications/${id}`

/**
 * `/staff/rectifications`: bad ratings being fixed, by due date with the overdue first. A unit sees
 * its own; the bureau sees all, and its "to verify" tab is the verification screen's queue.
 */
export function RectificationsPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const [params, setParams] = useSearchParams()
  const requested = params.get('view') as View | null
  const view: View = requested && VIEWS.includes(requested) ? requested : 'active'
  const list = useLoad(() => rectificationsApi.list(view === 'all' ? undefined : view), [view, i18n.language])

  const columns: ColumnsType<RectificationItem> = [
    {
      title: t('rectifications.fields.case'),
      key: 'case',
      render: (_: unknown, row) => (
        <Link to={staffRectificationPath(row.id)}>
          {tx(`rectifications.subjects.${row.subjectType}`)} {row.subjectNumber ?? ''}{' '}
          {row.subjectTitle ?? ''}
        </Link>
      ),
    },
    { title: t('rectifications.fields.department'), dataIndex: 'departmentName', width: 180 },
    {
      title: t('rectifications.fields.rating'),
      dataIndex: 'ratingLevel',
      width: 120,
      render: (level: number) => <Tag color="red">{tx(`rectifications.levels.${level}`)}</Tag>,
    },
    {
      title: t('rectifications.fields.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: string) => tx(`rectifications.states.${status}`),
    },
    {
      title: t('rectifications.fields.dueAt'),
      key: 'due',
      width: 200,
      render: (_: unknown, row) => (
        <Typography.Text type={row.overdue ? 'danger' : undefined}>
          {formatDateTime(row.dueAt, i18n.language)}
          {row.overdue ? ` · ${t('rectifications.overdue')}` : ''}
          {row.late ? ` · ${t('rectifications.late')}` : ''}
        </Typography.Text>
      ),
    },
  ]

  return (
    <>
      <PageHeader title={t('rectifications.title')} subtitle={t('rectifications.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => setParams(new URLSearchParams({ view: key }))}
          items={VIEWS.map((key) => ({ key, label: t(`rectifications.views.${key}`) }))}
        />
        {list.error ? (
          <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
        ) : null}
        <Table<RectificationItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          size="middle"
          scroll={{ x: 760 }}
          locale={{ emptyText: t('rectifications.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
    </>
  )
}
