import { Alert, Card, Descriptions, List, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { ANSWER_STATUS_COLORS, selfInspectionsApi, type SelfInspectionTask } from '../self-inspections.api'

type BoardRow = SelfInspectionTask['board'][number]

/** `/staff/self-inspections/:id`: one task, its checklist, and its board of departments × status. */
export function SelfInspectionTaskPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const task = useLoad(() => selfInspectionsApi.task(id), [id, i18n.language])
  const data = task.data

  const columns: ColumnsType<BoardRow> = [
    { title: t('selfInspections.fields.department'), dataIndex: 'departmentName' },
    {
      title: t('selfInspections.fields.status'),
      key: 'status',
      width: 160,
      render: (_: unknown, row) => (
        <>
          <Tag color={ANSWER_STATUS_COLORS[row.status]}>{t(`selfInspections.statuses.${row.status}`)}</Tag>
          {row.overdue ? <Tag color="red">{t('selfInspections.overdue')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('selfInspections.fields.submittedAt'),
      dataIndex: 'submittedAt',
      width: 160,
      render: (at: string | null) => (at ? formatDateTime(at, i18n.language) : '—'),
    },
    { title: t('selfInspections.fields.problems'), dataIndex: 'problems', width: 90 },
    {
      title: t('selfInspections.fields.openRectifications'),
      key: 'rect',
      width: 120,
      render: (_: unknown, row) => (
        <>
          {row.openRectifications}
          {row.overdueRectifications ? (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('selfInspections.overdueN', { count: row.overdueRectifications })}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 100,
      render: (_: unknown, row) => (
        <Link to={paths.staffSelfInspectionAnswer(row.answerId)}>
          {row.status === 'submitted' ? t('selfInspections.review') : t('selfInspections.view')}
        </Link>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={data?.title ?? t('selfInspections.title')}
        subtitle={t('selfInspections.boardSubtitle')}
      />
      {task.error ? (
        <Alert type="error" showIcon title={errorMessage(task.error, t('errors.loadFailed'))} />
      ) : null}
      {data ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('selfInspections.fields.deadline')}>
                {formatIsoDate(data.deadline)}
              </Descriptions.Item>
              <Descriptions.Item label={t('selfInspections.fields.issuedBy')}>
                {data.issuedByName ?? '—'} · {formatDateTime(data.issuedAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('selfInspections.fields.scope')} span={2}>
                {data.scope}
              </Descriptions.Item>
              <Descriptions.Item label={t('selfInspections.fields.basis')} span={2}>
                {data.basis}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('selfInspections.board')} style={{ marginBottom: 16 }}>
            <Table<BoardRow>
              rowKey="answerId"
              columns={columns}
              dataSource={data.board}
              size="middle"
              pagination={false}
              scroll={{ x: 720 }}
            />
          </Card>
          <Card title={t('selfInspections.fields.checklist')}>
            <List
              dataSource={data.items}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${item.position}. ${item.text}`}
                    description={item.guidance || null}
                  />
                </List.Item>
              )}
            />
          </Card>
        </>
      ) : null}
    </>
  )
}
