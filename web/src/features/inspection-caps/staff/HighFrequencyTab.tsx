import { Alert, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { useLoad } from '../../../ui/use-load'
import { inspectionCapsApi, type HighFrequencyRow } from '../inspection-caps.api'

/** Enterprises inspected too often this year (频次预警): near or over a cap, or over the flag count. */
export function HighFrequencyTab() {
  const { t, i18n } = useTranslation()
  const list = useLoad(() => inspectionCapsApi.highFrequency(), [i18n.language])
  const columns: ColumnsType<HighFrequencyRow> = [
    { title: t('inspectionCaps.fields.enterprise'), dataIndex: 'enterpriseName' },
    {
      title: t('inspectionCaps.caps.tier'),
      dataIndex: 'tier',
      width: 100,
      render: (tier: HighFrequencyRow['tier']) => t(`inspectionCaps.tiers.${tier}`),
    },
    {
      title: t('inspectionCaps.frequency.counted'),
      key: 'counted',
      width: 130,
      render: (_: unknown, r) => `${r.counted} / ${r.totalLimit}`,
    },
    {
      title: t('inspectionCaps.frequency.busiest'),
      key: 'busiest',
      width: 130,
      render: (_: unknown, r) => `${r.busiestBodyCount} / ${r.perBodyLimit}`,
    },
    { title: t('inspectionCaps.frequency.all'), dataIndex: 'all', width: 100 },
    {
      title: t('inspectionCaps.frequency.reasons'),
      dataIndex: 'reasons',
      render: (reasons: HighFrequencyRow['reasons']) => (
        <Space size={[4, 4]} wrap>
          {reasons.map((r) => (
            <Tag key={r} color={r === 'near_total_cap' ? 'gold' : 'red'}>
              {t(`inspectionCaps.frequency.reason.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ]
  return (
    <>
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<HighFrequencyRow>
        rowKey="enterpriseId"
        size="middle"
        scroll={{ x: 760 }}
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <EmptyText>{t('inspectionCaps.frequency.empty', { year: list.data?.year ?? '' })}</EmptyText>
          ),
        }}
      />
    </>
  )
}
