import { Alert, Card, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { inspectionResultsApi, type ResultWorklist } from '../inspection-results.api'

type Row = ResultWorklist['items'][number]

/** `/staff/inspection-results`: the inspections the inspector is on that wait for a result or a re-check. */
export function InspectionResultsPage() {
  const { t, i18n } = useTranslation()
  const list = useLoad(() => inspectionResultsApi.worklist(), [i18n.language])
  const columns: ColumnsType<Row> = [
    {
      title: t('inspectionResults.fields.number'),
      dataIndex: 'number',
      render: (n: string, row) => <Link to={paths.staffInspectionResult(row.id)}>{n}</Link>,
    },
    { title: t('inspectionResults.fields.enterprise'), dataIndex: 'enterpriseName' },
    {
      title: t('inspectionResults.fields.plannedOn'),
      dataIndex: 'plannedOn',
      width: 130,
      render: (d: string) => formatIsoDate(d),
    },
    {
      title: t('inspectionResults.fields.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: string, row) => (
        <>
          <Tag color={s === 'checked_in' ? 'blue' : 'gold'}>{t(`inspectionResults.statuses.${s}`, s)}</Tag>
          {row.kind === 'recheck' ? <Tag>{t('inspectionResults.recheck')}</Tag> : null}
        </>
      ),
    },
  ]
  return (
    <>
      <PageHeader title={t('inspectionResults.title')} subtitle={t('inspectionResults.subtitle')} />
      <Card>
        {list.error ? (
          <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
        ) : null}
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={false}
          locale={{ emptyText: t('inspectionResults.empty') }}
        />
      </Card>
    </>
  )
}
