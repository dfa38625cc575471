import { Alert, Card, Col, Progress, Row, Segmented, Space, Statistic, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatIsoDate, formatPercent } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  actionPlansApi,
  PLAN_TASK_STATUS_COLORS,
  type ActionPlanFigures,
  type PlanTaskStatus,
  type PlanTaskSummary,
} from '../action-plans.api'
import { NewPlanItemModals } from './NewPlanItemModals'

type View = 'all' | 'overdue' | PlanTaskStatus

/**
 * `/staff/action-plan`: the plan's tasks by area and deadline. The bureau sees every task, the
 * figures, and adds areas and tasks; an owner unit's staff see their unit's tasks (the server scopes).
 */
export function PlanTasksPage() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const [view, setView] = useState<View>('all')
  const [reload, setReload] = useState(0)
  const tasks = useLoad(
    () =>
      actionPlansApi.tasks(view === 'all' ? {} : view === 'overdue' ? { overdue: 'true' } : { status: view }),
    [view, reload, i18n.language],
  )
  const figures = useLoad(
    () => (isBureau ? actionPlansApi.figures() : Promise.resolve(null)),
    [isBureau, reload],
  )

  const columns: ColumnsType<PlanTaskSummary> = [
    { title: t('actionPlans.fields.area'), dataIndex: 'areaName', width: 130 },
    {
      title: t('actionPlans.fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Link to={`/staff/action-plan/${encodeURIComponent(row.id)}`}>{title}</Link>
      ),
    },
    { title: t('actionPlans.fields.owner'), dataIndex: 'ownerDepartmentName', width: 170 },
    {
      title: t('actionPlans.fields.deadline'),
      dataIndex: 'deadline',
      width: 130,
      render: (d: string, row) => (
        <>
          <div className="s-nowrap">{formatIsoDate(d)}</div>
          {row.overdue ? <Tag color="red">{t('actionPlans.overdue')}</Tag> : null}
          {row.escalated ? <Tag color="red">{t('actionPlans.escalated')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('actionPlans.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: PlanTaskStatus) => (
        <Tag color={PLAN_TASK_STATUS_COLORS[s]}>{t(`actionPlans.statuses.${s}`)}</Tag>
      ),
    },
    {
      title: t('actionPlans.fields.progress'),
      dataIndex: 'progress',
      width: 140,
      render: (p: number, row) => (
        <Progress percent={p} size="small" aria-label={`${t('actionPlans.fields.progress')} ${row.title}`} />
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('actionPlans.title')}
        subtitle={t('actionPlans.subtitle')}
        extra={
          <Space wrap>
            <Link to="/action-plan">{t('actionPlans.publicLink')}</Link>
            {isBureau ? <NewPlanItemModals onCreated={() => setReload((n) => n + 1)} /> : null}
          </Space>
        }
      />
      {figures.data ? <FiguresCard figures={figures.data} /> : null}
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Segmented<View>
          value={view}
          onChange={setView}
          style={{ marginBottom: 12 }}
          options={[
            { value: 'all', label: t('actionPlans.all') },
            { value: 'overdue', label: t('actionPlans.overdueOnly') },
            ...(['in_progress', 'submitted', 'returned', 'accepted'] as const).map((s) => ({
              value: s,
              label: t(`actionPlans.statuses.${s}`),
            })),
          ]}
        />
        {tasks.error ? (
          <Alert type="error" showIcon title={errorMessage(tasks.error, t('errors.loadFailed'))} />
        ) : null}
        <Table<PlanTaskSummary>
          rowKey="id"
          columns={columns}
          dataSource={tasks.data?.items ?? []}
          loading={tasks.isLoading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('actionPlans.empty') }}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  )
}

function FiguresCard({ figures }: { figures: ActionPlanFigures }) {
  const { t } = useTranslation()
  return (
    <Card title={t('actionPlans.figures.title')} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('actionPlans.figures.tasks')} value={figures.tasks} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('actionPlans.figures.accepted')} value={figures.byStatus.accepted} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('actionPlans.figures.overdue')} value={figures.overdue} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('actionPlans.figures.escalated')} value={figures.escalated} />
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('actionPlans.figures.onTimeRate')} value={formatPercent(figures.onTimeRate)} />
        </Col>
      </Row>
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="departmentId"
        title={() => t('actionPlans.figures.byUnit')}
        dataSource={figures.units}
        pagination={false}
        columns={[
          { title: t('actionPlans.fields.owner'), dataIndex: 'departmentName' },
          { title: t('actionPlans.figures.unitTasks'), dataIndex: 'tasks', width: 90 },
          { title: t('actionPlans.figures.unitAccepted'), dataIndex: 'accepted', width: 90 },
          { title: t('actionPlans.figures.unitOnTime'), dataIndex: 'acceptedOnTime', width: 110 },
          { title: t('actionPlans.figures.overdue'), dataIndex: 'overdue', width: 90 },
          {
            title: t('actionPlans.figures.onTimeRate'),
            dataIndex: 'onTimeRate',
            width: 120,
            render: (r: number | null) => formatPercent(r),
          },
        ]}
      />
    </Card>
  )
}
