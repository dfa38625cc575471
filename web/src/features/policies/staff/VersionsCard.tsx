import { Alert, Card, Table } from 'antd'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { policiesApi, type PolicyVersion } from '../policies.api'
import { formatAmount } from '../policy-labels'
import { usePolicyText } from '../use-policy-text'
import { EmptyText } from '../../../ui/staff/EmptyText'

/** Every version published so far, newest first, with who published it and the note. */
export function VersionsCard({ policyId, refreshKey }: { policyId: string; refreshKey: number }) {
  const { t, language } = usePolicyText()
  const versions = useLoad(() => policiesApi.versions(policyId), [policyId, refreshKey])
  return (
    <Card title={<h2 className="s-card-title">{t('policies.staff.versions.title')}</h2>}>
      {versions.error ? (
        <Alert type="error" showIcon title={errorMessage(versions.error, t('errors.loadFailed'))} />
      ) : (
        <Table<PolicyVersion>
          rowKey="versionNo"
          size="small"
          loading={versions.isLoading}
          pagination={false}
          dataSource={versions.data?.items ?? []}
          locale={{ emptyText: <EmptyText>{t('policies.staff.versions.empty')}</EmptyText> }}
          columns={[
            {
              title: t('policies.staff.versions.number'),
              dataIndex: 'versionNo',
              width: 90,
              render: (n: number) => `v${n}`,
            },
            {
              title: t('policies.staff.versions.publishedAt'),
              dataIndex: 'publishedAt',
              width: 180,
              render: (v: string) => formatDateTime(v, language),
            },
            {
              title: t('policies.staff.versions.publishedBy'),
              dataIndex: 'publishedBy',
              width: 160,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('policies.staff.versions.note'),
              dataIndex: 'note',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('policies.staff.versions.decision'),
              dataIndex: 'decision',
              render: (d: PolicyVersion['decision']) =>
                d
                  ? t('policies.staff.versions.decisionText', {
                      eligible: d.eligible,
                      told: d.told,
                      cost: formatAmount(d.cost, language),
                    })
                  : '—',
            },
          ]}
        />
      )}
    </Card>
  )
}
