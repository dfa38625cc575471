import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Table, Tabs, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  ANSWER_STATUS_COLORS,
  selfInspectionsApi,
  type SelfInspectionTaskSummary,
} from '../self-inspections.api'
import { RectificationsTable } from './RectificationsTable'

const STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const

/**
 * `/staff/self-inspections`: the bureau's self-inspection tasks with each one's progress (how many
 * departments stand where, overdue, open rectifications), and every department's rectifications to
 * confirm.
 */
export function SelfInspectionTasksPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'rectifications' ? 'rectifications' : 'tasks'
  const tasks = useLoad(() => selfInspectionsApi.tasks(), [i18n.language])
  const rectifications = useLoad(
    () => (tab === 'rectifications' ? selfInspectionsApi.rectifications() : Promise.resolve({ items: [] })),
    [tab, i18n.language],
  )

  const columns: ColumnsType<SelfInspectionTaskSummary> = [
    {
      title: t('selfInspections.fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={paths.staffSelfInspection(row.id)}>{title}</Link>,
    },
    {
      title: t('selfInspections.fields.deadline'),
      dataIndex: 'deadline',
      width: 120,
      render: (d: string) => <span className="s-nowrap">{formatIsoDate(d)}</span>,
    },
    {
      title: t('selfInspections.fields.progress'),
      key: 'progress',
      render: (_: unknown, row) => (
        <Space size={[4, 4]} wrap>
          {STATUSES.filter((s) => row.statuses[s] > 0).map((s) => (
            <Tag key={s} color={ANSWER_STATUS_COLORS[s]}>
              {t(`selfInspections.statuses.${s}`)} {row.statuses[s]}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('selfInspections.fields.overdue'),
      dataIndex: 'overdue',
      width: 90,
      render: (n: number) => (n ? <Tag color="red">{n}</Tag> : '0'),
    },
    {
      title: t('selfInspections.fields.openRectifications'),
      dataIndex: 'openRectifications',
      width: 110,
    },
  ]

  return (
    <>
      <PageHeader
        title={t('selfInspections.title')}
        subtitle={t('selfInspections.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate(paths.staffNewSelfInspection)}
          >
            {t('selfInspections.new')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'tasks' ? {} : { tab: key })}
          items={[
            { key: 'tasks', label: t('selfInspections.tabs.tasks') },
            { key: 'rectifications', label: t('selfInspections.tabs.rectifications') },
          ]}
        />
        {tab === 'tasks' ? (
          <>
            {tasks.error ? (
              <Alert type="error" showIcon title={errorMessage(tasks.error, t('errors.loadFailed'))} />
            ) : null}
            <Table<SelfInspectionTaskSummary>
              rowKey="id"
              columns={columns}
              dataSource={tasks.data?.items ?? []}
              loading={tasks.isLoading}
              size="middle"
              pagination={false}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('selfInspections.emptyTasks') }}
            />
          </>
        ) : (
          <RectificationsTable
            rows={rectifications.data?.items ?? []}
            loading={rectifications.isLoading}
            as="bureau"
            showDepartment
            onChanged={rectifications.reload}
          />
        )}
      </Card>
    </>
  )
}
