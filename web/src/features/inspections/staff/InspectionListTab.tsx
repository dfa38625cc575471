import { Alert, Select, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { formatIsoDate } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { INSPECTION_STATES } from '@server/modules/inspections/inspections.schema'
import { inspectionPaths, inspectionsApi, type InspectionSummary } from '../inspections.api'
import { STATUS_COLORS } from './inspection-labels'

/** The inspections the caller may read, newest plans first, by state (a head's queue: 待审批). */
export function InspectionListTab() {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState<string>()
  const loaded = useLoad(() => inspectionsApi.list({ status }), [status, i18n.language])
  const columns: ColumnsType<InspectionSummary> = [
    {
      title: t('inspections.fields.number'),
      dataIndex: 'number',
      render: (number: string, row) => <Link to={inspectionPaths.staffOne(row.id)}>{number}</Link>,
    },
    {
      title: t('inspections.fields.kind'),
      dataIndex: 'kind',
      render: (kind: InspectionSummary['kind'], row) =>
        row.visitPurpose
          ? `${t(`inspections.kinds.${kind}`)} · ${t(`inspections.purposes.${row.visitPurpose}`)}`
          : t(`inspections.kinds.${kind}`),
    },
    { title: t('inspections.fields.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('inspections.fields.body'), dataIndex: 'departmentName' },
    {
      title: t('inspections.fields.window'),
      render: (_, row) => `${formatIsoDate(row.plannedOn)} – ${formatIsoDate(row.windowEndsOn)}`,
    },
    {
      title: t('inspections.fields.status'),
      dataIndex: 'status',
      render: (s: InspectionSummary['status']) => (
        <Tag color={STATUS_COLORS[s]}>{t(`inspections.states.${s}`)}</Tag>
      ),
    },
  ]
  return (
    <>
      <Select
        allowClear
        aria-label={t('inspections.fields.status')}
        placeholder={t('inspections.fields.status')}
        style={{ width: 200, marginBottom: 16 }}
        value={status}
        onChange={setStatus}
        options={INSPECTION_STATES.map((s) => ({ value: s, label: t(`inspections.states.${s}`) }))}
      />
      {loaded.error ? (
        <Alert type="error" message={errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      <Table
        rowKey="id"
        size="middle"
        loading={loaded.isLoading}
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: t('inspections.empty') }}
      />
    </>
  )
}
