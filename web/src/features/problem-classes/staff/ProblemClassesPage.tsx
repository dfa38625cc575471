import { Alert, Card, Empty, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  PROBLEM_PATHS,
  problemClassesApi,
  type ProblemClassStatus,
  type ProblemClassSummary,
} from '../problem-classes.api'
import { StatusTag } from './StatusTag'

const PAGE_SIZE = 20
type View = ProblemClassStatus | 'all'
const VIEWS: View[] = ['monthly', 'open', 'closed', 'all']

/**
 * `/staff/problem-classes`: the problem classes and monthly problems (每月一题). The bureau sees
 * every class; a unit's staff the monthly problems their unit owns or holds a task of.
 */
export function ProblemClassesPage() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const [params, setParams] = useSearchParams()
  const requested = params.get('status') as View | null
  const view: View = requested && VIEWS.includes(requested) ? requested : 'monthly'
  const page = Math.max(1, Number(params.get('page')) || 1)
  const list = useLoad(
    () =>
      problemClassesApi.list({
        status: view === 'all' ? undefined : view,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [view, page, i18n.language],
  )
  const go = (next: { view?: View; page?: number }) => {
    const search = new URLSearchParams({ status: next.view ?? view })
    if (next.page && next.page > 1) search.set('page', String(next.page))
    setParams(search)
  }

  const columns: ColumnsType<ProblemClassSummary> = [
    {
      title: t('problemClasses.fields.name'),
      key: 'name',
      render: (_: unknown, row) => (
        <>
          <Link to={PROBLEM_PATHS.one(row.id)}>{row.name}</Link>
          <div>
            {row.topWords.map((word) => (
              <Tag key={word} style={{ marginTop: 4 }}>
                {word}
              </Tag>
            ))}
          </div>
        </>
      ),
    },
    { title: t('problemClasses.fields.cases'), dataIndex: 'caseCount', width: 90 },
    {
      title: t('problemClasses.fields.owner'),
      key: 'owner',
      width: 200,
      render: (_: unknown, row) => (
        <>
          <div>{row.ownerDepartmentName ?? '—'}</div>
          {row.monthlyMonth ? <div className="s-small">{row.monthlyMonth}</div> : null}
        </>
      ),
    },
    {
      title: t('problemClasses.fields.status'),
      key: 'status',
      width: 140,
      render: (_: unknown, row) => <StatusTag status={row.status} />,
    },
    {
      title: t('problemClasses.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('problemClasses.title')}
        subtitle={isBureau ? t('problemClasses.subtitle') : t('problemClasses.subtitleUnit')}
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key as View })}
          items={VIEWS.map((key) => ({ key, label: t(`problemClasses.views.${key}`) }))}
        />
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(list.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<ProblemClassSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          size="middle"
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  <>
                    <Typography.Text strong>{t('problemClasses.empty')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('problemClasses.emptyWhy')}</Typography.Text>
                  </>
                }
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (next) => go({ page: next }),
            showTotal: (count) => t('problemClasses.total', { count }),
          }}
        />
      </Card>
    </>
  )
}
