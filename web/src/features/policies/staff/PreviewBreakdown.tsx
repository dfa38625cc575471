import { Col, Row, Table } from 'antd'
import { useMemo } from 'react'
import { BarChart } from '../../../ui/staff/BarChart'
import type { ItemPreview } from '../policies.api'
import { usePolicyText } from '../use-policy-text'

type Group = ItemPreview['byDistrict'][number]

const COLORS = { eligible: '#389e0d', undetermined: '#d48806', ineligible: '#bfbfbf' }

/** One item's outcomes by district (a stacked bar chart with the numbers beside it) and by size class. */
export function PreviewBreakdown({ item }: { item: ItemPreview }) {
  const { t, outcome } = usePolicyText()
  const categories = useMemo(() => item.byDistrict.map((g) => g.name), [item.byDistrict])
  const series = useMemo(
    () =>
      (['eligible', 'undetermined', 'ineligible'] as const).map((o) => ({
        name: outcome(o),
        values: item.byDistrict.map((g) => g[o]),
        color: COLORS[o],
      })),
    [item.byDistrict, outcome],
  )
  const columns = (title: string) => [
    { title, dataIndex: 'name', key: 'name' },
    ...(['eligible', 'undetermined', 'ineligible'] as const).map((o) => ({
      title: outcome(o),
      dataIndex: o,
      key: o,
      align: 'right' as const,
    })),
  ]
  return (
    <Row gutter={[16, 12]} className="s-preview-breakdown">
      <Col xs={24} lg={11}>
        <BarChart
          categories={categories}
          series={series}
          stacked
          height={Math.max(140, 34 * categories.length + 48)}
          label={t('policies.staff.publish.byDistrictChart', { title: item.title })}
        />
      </Col>
      <Col xs={24} lg={13}>
        <Table<Group>
          size="small"
          rowKey="code"
          pagination={false}
          columns={columns(t('policies.staff.publish.district'))}
          dataSource={item.byDistrict}
        />
        <Table<Group>
          size="small"
          rowKey="code"
          pagination={false}
          columns={columns(t('policies.staff.publish.sizeClass'))}
          dataSource={item.bySize}
          style={{ marginTop: 12 }}
        />
      </Col>
    </Row>
  )
}
