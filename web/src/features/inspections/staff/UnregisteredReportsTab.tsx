import { Alert, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { inspectionsApi, type UnregisteredVisitReport } from '../inspections.api'

/** The enterprises' reports of visits that showed no valid code, newest first (the bureau follows them up). */
export function UnregisteredReportsTab() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => inspectionsApi.reports(), [i18n.language])
  return (
    <>
      {loaded.error ? (
        <Alert type="error" message={errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<UnregisteredVisitReport>
        rowKey="id"
        size="middle"
        loading={loaded.isLoading}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: t('inspections.empty') }}
        columns={[
          {
            title: t('inspections.fields.reportedAt'),
            dataIndex: 'reportedAt',
            render: (at: string) => formatDateTime(at, i18n.language),
          },
          { title: t('inspections.fields.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('inspections.fields.bodyName'), dataIndex: 'bodyName' },
          { title: t('inspections.fields.note'), dataIndex: 'note' },
          { title: t('inspections.fields.presentedCode'), dataIndex: 'presentedCode' },
        ]}
      />
    </>
  )
}
