import { Alert, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { bundlesApi, type BundleMonitor } from '../bundles.api'

type Row = BundleMonitor['items'][number]

const STATUS_COLORS = {
  draft: 'default',
  in_progress: 'blue',
  needs_attention: 'red',
  done: 'green',
  withdrawn: 'default',
} as const

/**
 * `/staff/bundle-monitor`: submitted bundle applications with each part's department, state and
 * clock. The bureau sees every one; a department the ones with a part of its own (the server's rule).
 */
export function BundleMonitorPage() {
  const { t, i18n } = useTranslation()
  const [rows, setRows] = useState<Row[]>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    bundlesApi.monitor().then(
      (m) => setRows(m.items),
      (e: unknown) => setError(errorMessage(e, t('errors.loadFailed'))),
    )
  }, [t])
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : '—')
  const columns: ColumnsType<Row> = [
    { title: t('services.monitor.bundle'), dataIndex: 'bundleName' },
    { title: t('services.monitor.enterprise'), dataIndex: 'enterpriseName' },
    {
      title: t('services.monitor.status'),
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status]}>
          {t(`services.bundles.status.${r.status}`)} {r.counts.approved}/{r.counts.total}
        </Tag>
      ),
    },
    { title: t('services.monitor.submittedAt'), render: (_, r) => when(r.submittedAt) },
    {
      title: t('services.monitor.promisedDue'),
      render: (_, r) => (
        <Typography.Text type={r.isOverdue ? 'danger' : undefined}>{when(r.promisedDueAt)}</Typography.Text>
      ),
    },
  ]
  return (
    <>
      <PageHeader title={t('services.monitor.title')} subtitle={t('services.monitor.subtitle')} />
      {error ? <Alert type="error" message={error} /> : null}
      <Table<Row>
        rowKey="id"
        loading={rows === undefined && !error}
        dataSource={rows ?? []}
        columns={columns}
        pagination={{ pageSize: 20 }}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              rowKey="applicationId"
              size="small"
              pagination={false}
              dataSource={r.parts}
              columns={[
                { title: t('services.monitor.matter'), dataIndex: 'matterName' },
                { title: t('services.monitor.department'), dataIndex: 'departmentName' },
                {
                  title: t('services.monitor.partState'),
                  render: (_, p) => t(`services.bundles.partStates.${p.status}`),
                },
                {
                  title: t('services.monitor.dueAt'),
                  render: (_, p) => (
                    <Typography.Text type={p.isOverdue ? 'danger' : undefined}>
                      {when(p.dueAt)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          ),
        }}
      />
    </>
  )
}
