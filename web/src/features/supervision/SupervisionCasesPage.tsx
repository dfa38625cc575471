import { Alert, Button, Card, Empty, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../app/api'
import { hasStaffRole, useSession } from '../../app/session'
import { formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { OpenCaseModal } from './OpenCaseModal'
import {
  SUPERVISION_LEVELS,
  SUPERVISION_SOURCES,
  SUPERVISION_STATUSES,
  supervisionApi,
  type SupervisionCase,
  type SupervisionLevel,
  type SupervisionSource,
  type SupervisionStatus,
} from './supervision.api'
import { supervisionReason } from './supervision-labels'
import { supervisionPaths } from './supervision-paths'
import { LevelTag, StatusTag } from './SupervisionTags'

const PAGE_SIZE = 20
type View = SupervisionStatus | 'all'
const VIEWS: View[] = [...SUPERVISION_STATUSES, 'all']

/**
 * `/staff/supervision`: supervision cases (督办) by status, level, source and overdue. The bureau
 * (task force, leadership) and discipline inspection see all; a department's heads and handlers see
 * their department's. The bureau opens a case by hand here; every move is on the case's page.
 */
export function SupervisionCasesPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { me } = useSession()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const requested = params.get('status') as View | null
  const view: View = requested && VIEWS.includes(requested) ? requested : 'open'
  const level = (SUPERVISION_LEVELS as readonly string[]).includes(params.get('level') ?? '')
    ? (params.get('level') as SupervisionLevel)
    : undefined
  const source = (SUPERVISION_SOURCES as readonly string[]).includes(params.get('source') ?? '')
    ? (params.get('source') as SupervisionSource)
    : undefined
  const overdue = params.get('overdue') === 'true'
  const page = Math.max(1, Number(params.get('page')) || 1)
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const isHead = hasStaffRole(me, 'department_head')
  const [opening, setOpening] = useState(false)

  const list = useLoad(
    () =>
      supervisionApi.list({
        status: view === 'all' ? undefined : view,
        level,
        source,
        overdue: overdue ? 'true' : undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [view, level, source, overdue, page, i18n.language],
  )

  const go = (next: {
    view?: View
    level?: string | null
    source?: string | null
    overdue?: boolean
    page?: number
  }) => {
    const search = new URLSearchParams({ status: next.view ?? view })
    const nextLevel = next.level === undefined ? level : next.level
    const nextSource = next.source === undefined ? source : next.source
    if (nextLevel) search.set('level', nextLevel)
    if (nextSource) search.set('source', nextSource)
    if (next.overdue ?? overdue) search.set('overdue', 'true')
    if (next.page && next.page > 1) search.set('page', String(next.page))
    setParams(search)
  }

  const columns: ColumnsType<SupervisionCase> = [
    {
      title: t('supervision.fields.reason'),
      key: 'reason',
      render: (_: unknown, row) => (
        <>
          <Link to={supervisionPaths.case(row.id)}>{supervisionReason(row.reason, tx)}</Link>
          {row.subjectNumber || row.subjectTitle ? (
            <div className="s-small">
              {row.subjectNumber ? <span className="s-mono">{row.subjectNumber} </span> : null}
              {row.subjectTitle}
            </div>
          ) : null}
          <div className="s-small">{t(`supervision.sources.${row.source}`)}</div>
        </>
      ),
    },
    {
      title: t('supervision.fields.department'),
      dataIndex: 'departmentName',
      width: 170,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('supervision.fields.level'),
      dataIndex: 'level',
      width: 100,
      render: (value: SupervisionLevel) => <LevelTag level={value} />,
    },
    {
      title: t('supervision.fields.responseDueAt'),
      key: 'due',
      width: 170,
      render: (_: unknown, row) =>
        row.status === 'closed' || !row.responseDueAt ? (
          '—'
        ) : (
          <>
            <div className="s-nowrap">{formatDateTime(row.responseDueAt, i18n.language)}</div>
            {row.overdue ? <Tag color="red">{t('supervision.overdue')}</Tag> : null}
          </>
        ),
    },
    {
      title: t('supervision.fields.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, row) => <StatusTag status={row.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, row) =>
        isHead && row.status === 'open' && !isBureau ? (
          <Button size="small" type="primary" onClick={() => void navigate(supervisionPaths.respond(row.id))}>
            {t('supervision.actions.respond')}
          </Button>
        ) : (
          <Link to={supervisionPaths.case(row.id)}>{t('supervision.view')}</Link>
        ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('supervision.title')}
        subtitle={isBureau ? t('supervision.subtitle') : t('supervision.subtitleUnit')}
        extra={
          isBureau ? (
            <Button type="primary" onClick={() => setOpening(true)}>
              {t('supervision.openByHand')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key as View })}
          items={VIEWS.map((key) => ({ key, label: t(`supervision.views.${key}`) }))}
        />
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('supervision.fields.level')}
            aria-label={t('supervision.fields.level')}
            value={level}
            onChange={(value?: string) => go({ level: value ?? null })}
            options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`supervision.levels.${l}`) }))}
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('supervision.fields.source')}
            aria-label={t('supervision.fields.source')}
            value={source}
            onChange={(value?: string) => go({ source: value ?? null })}
            options={SUPERVISION_SOURCES.map((s) => ({ value: s, label: t(`supervision.sources.${s}`) }))}
          />
          <Space>
            <Switch
              checked={overdue}
              onChange={(checked) => go({ overdue: checked })}
              aria-label={t('supervision.onlyOverdue')}
            />
            <span>{t('supervision.onlyOverdue')}</span>
          </Space>
        </Space>
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
      {opening ? (
        <OpenCaseModal
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false)
            void navigate(supervisionPaths.case(id))
          }}
        />
      ) : null}
    </>
  )
}
