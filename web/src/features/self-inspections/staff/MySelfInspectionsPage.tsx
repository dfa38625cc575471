import { Alert, Card, Table, Tabs, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  ANSWER_STATUS_COLORS,
  selfInspectionsApi,
  type SelfInspectionAnswerSummary,
} from '../self-inspections.api'
import { RectificationsTable } from './RectificationsTable'

/**
 * `/staff/my-self-inspections`: a department's copies of the bureau's self-inspection tasks (to
 * answer, or returned to correct) and its rectifications to carry out (the tracker).
 */
export function MySelfInspectionsPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'rectifications' ? 'rectifications' : 'tasks'
  const answers = useLoad(() => selfInspectionsApi.answers(), [i18n.language])
  const rectifications = useLoad(
    () => (tab === 'rectifications' ? selfInspectionsApi.rectifications() : Promise.resolve({ items: [] })),
    [tab, i18n.language],
  )

  const columns: ColumnsType<SelfInspectionAnswerSummary> = [
    {
      title: t('selfInspections.fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={paths.staffSelfInspectionAnswer(row.id)}>{title}</Link>,
    },
    { title: t('selfInspections.fields.department'), dataIndex: 'departmentName', width: 170 },
    {
      title: t('selfInspections.fields.deadline'),
      dataIndex: 'deadline',
      width: 130,
      render: (d: string, row) => (
        <>
          <div className="s-nowrap">{formatIsoDate(d)}</div>
          {row.overdue ? <Tag color="red">{t('selfInspections.overdue')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('selfInspections.fields.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: SelfInspectionAnswerSummary['status']) => (
        <Tag color={ANSWER_STATUS_COLORS[s]}>{t(`selfInspections.statuses.${s}`)}</Tag>
      ),
    },
  ]

  return (
    <>
      <PageHeader title={t('selfInspections.mineTitle')} subtitle={t('selfInspections.mineSubtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'tasks' ? {} : { tab: key })}
          items={[
            { key: 'tasks', label: t('selfInspections.tabs.myTasks') },
            { key: 'rectifications', label: t('selfInspections.tabs.rectifications') },
          ]}
        />
        {tab === 'tasks' ? (
          <>
            {answers.error ? (
              <Alert type="error" showIcon title={errorMessage(answers.error, t('errors.loadFailed'))} />
            ) : null}
            <Table<SelfInspectionAnswerSummary>
              rowKey="id"
              columns={columns}
              dataSource={answers.data?.items ?? []}
              loading={answers.isLoading}
              size="middle"
              pagination={false}
              scroll={{ x: 560 }}
              locale={{ emptyText: t('selfInspections.emptyMine') }}
            />
          </>
        ) : (
          <RectificationsTable
            rows={rectifications.data?.items ?? []}
            loading={rectifications.isLoading}
            as="department"
            onChanged={rectifications.reload}
          />
        )}
      </Card>
    </>
  )
}
