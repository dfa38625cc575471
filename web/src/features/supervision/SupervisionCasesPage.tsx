import { Alert, App, Button, Card, Empty, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../app/api'
import { paths } from '../../app/routes'
import { hasStaffRole, useSession } from '../../app/session'
import { formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { CloseCaseModal } from './CloseCaseModal'
import { supervisionApi, type SupervisionCase, type SupervisionStatus } from './supervision.api'
import { supervisionReason } from './supervision-labels'

const PAGE_SIZE = 20
type View = SupervisionStatus | 'all'
const VIEWS: View[] = ['open', 'closed', 'all']
const LEVEL_COLORS: Record<SupervisionCase['level'], string> = {
  section: 'gold',
  bureau: 'orange',
  city: 'red',
}

/**
 * `/staff/supervision`: supervision cases (督办) — appeals whose deadline ran past the last escalation
 * step. The task force and the bureau's leadership see all and close them with what was done; a
 * department head reads the cases against their own department.
 */
export function SupervisionCasesPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { me } = useSession()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const requested = params.get('status') as View | null
  const view: View = requested && VIEWS.includes(requested) ? requested : 'open'
  const page = Math.max(1, Number(params.get('page')) || 1)
  const canClose = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const [closing, setClosing] = useState<SupervisionCase>()

  const list = useLoad(
    () =>
      supervisionApi.list({
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

  const columns: ColumnsType<SupervisionCase> = [
    {
      title: t('supervision.fields.appeal'),
      key: 'appeal',
      render: (_: unknown, row) =>
        row.appealId ? (
          <>
            <Link to={paths.staffAppeal(row.appealId)} className="s-mono s-nowrap">
              {row.appealNumber}
            </Link>
            <div>{row.appealTitle}</div>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('supervision.fields.department'),
      dataIndex: 'departmentName',
      width: 180,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('supervision.fields.reason'),
      dataIndex: 'reason',
      width: 220,
      render: (reason: string, row) => (
        <>
          <div>{supervisionReason(reason, tx)}</div>
          <Tag color={LEVEL_COLORS[row.level]} style={{ marginTop: 4 }}>
            {t(`supervision.levels.${row.level}`)}
          </Tag>
        </>
      ),
    },
    {
      title: t('supervision.fields.openedAt'),
      dataIndex: 'openedAt',
      width: 150,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('supervision.fields.status'),
      key: 'status',
      width: view === 'open' ? 110 : 260,
      render: (_: unknown, row) =>
        row.status === 'open' ? (
          <Tag color="red">{t('supervision.statuses.open')}</Tag>
        ) : (
          <>
            <Tag color="green">{t('supervision.statuses.closed')}</Tag>
            <div className="s-small">
              {t('supervision.closedBy', {
                at: formatDateTime(row.closedAt, i18n.language),
                name: row.closedByName ?? '—',
              })}
            </div>
            {row.closingNote ? <div className="s-note">{row.closingNote}</div> : null}
          </>
        ),
    },
    ...(canClose && view !== 'closed'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, row: SupervisionCase) =>
              row.status === 'open' ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setClosing(row)}
                  aria-label={t('supervision.closeNamed', { subject: row.appealNumber ?? row.reason })}
                >
                  {t('supervision.close')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={t('supervision.title')}
        subtitle={canClose ? t('supervision.subtitle') : t('supervision.subtitleReadOnly')}
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key as View })}
          items={VIEWS.map((key) => ({ key, label: t(`supervision.views.${key}`) }))}
        />
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(list.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<SupervisionCase>
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
                    <Typography.Text strong>{t(`supervision.empty.${view}`)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('supervision.empty.why')}</Typography.Text>
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
            showTotal: (count) => t('supervision.total', { count }),
          }}
        />
      </Card>
      {closing ? (
        <CloseCaseModal
          supervisionCase={closing}
          onClose={() => setClosing(undefined)}
          onClosed={() => {
            setClosing(undefined)
            list.reload()
            void message.success(t('supervision.closed'))
          }}
          onStale={() => {
            setClosing(undefined)
            list.reload()
          }}
        />
      ) : null}
    </>
  )
}
