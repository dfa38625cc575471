import { Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { formatPercent } from '../../../ui/format'
import { RatingBar } from '../../../ui/staff/RatingBar'
import type { EvaluationItem } from '../benefits.api'
import { FUNNEL_STEPS, SHARE_BASE, stepShare, stepValue, type FunnelStep } from '../funnel'
import { useBenefitText } from '../use-benefit-text'
import { ModeTag } from './ClaimStatusTag'

/** A step's raw number, and under it its share of the step it is counted against with both numbers. */
function StepCell({ item, step }: { item: EvaluationItem; step: FunnelStep }) {
  const { tx } = useBenefitText()
  if (step === 'matched')
    return (
      <span className="s-step-cell" data-step={step}>
        <strong>{item.matched}</strong>
      </span>
    )
  const s = stepShare(item, step)
  return (
    <span className="s-step-cell" data-step={step}>
      <strong>{s.value}</strong>
      <span
        className="s-raw"
        title={tx('benefits.evaluation.shareOf', {
          base: tx(`benefits.evaluation.steps.${SHARE_BASE[step]}`),
        })}
      >
        {formatPercent(s.share)} ({s.value}/{s.base})
      </span>
    </span>
  )
}

/**
 * Items side by side with every raw number of the funnel, each step's share of its base, the
 * amount paid, the median working days to cash and the rating distribution. A row click shows
 * the item's funnel in the chart above.
 */
export function EvaluationTable({
  items,
  loading,
  selected,
  onSelect,
}: {
  items: EvaluationItem[]
  loading: boolean
  selected: string | undefined
  onSelect: (itemId: string) => void
}) {
  const text = useBenefitText()
  const { t, tx } = text
  const columns: ColumnsType<EvaluationItem> = [
    {
      title: t('benefits.fields.item'),
      dataIndex: 'title',
      width: 220,
      render: (title: string, item) => (
        <>
          <div>
            <strong>{title}</strong>
          </div>
          <div className="s-small s-muted">
            {[item.policyTitle, item.documentNumber].filter(Boolean).join(' · ')}
          </div>
          <div className="s-small">
            <ModeTag mode={item.mode} /> {item.departmentName ?? ''}
          </div>
        </>
      ),
    },
    ...FUNNEL_STEPS.map((step) => ({
      title: tx(`benefits.evaluation.steps.${step}`),
      key: step,
      width: step === 'claimed' ? 120 : 92,
      align: 'right' as const,
      sorter: (a: EvaluationItem, b: EvaluationItem) => stepValue(a, step) - stepValue(b, step),
      render: (_v: unknown, item: EvaluationItem) =>
        step === 'claimed' ? (
          <>
            <StepCell item={item} step={step} />
            <div className="s-small s-muted">
              {t('benefits.evaluation.consentedApplied', {
                consented: item.consented,
                applied: item.applied,
              })}
            </div>
          </>
        ) : (
          <StepCell item={item} step={step} />
        ),
    })),
    {
      title: t('benefits.evaluation.amountPaid'),
      dataIndex: 'amountPaid',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.amountPaid - b.amountPaid,
      render: (v: number) => <strong data-step="amountPaid">{text.money(v)}</strong>,
    },
    {
      title: t('benefits.evaluation.medianDays'),
      dataIndex: 'medianWorkingDaysToCash',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : t('benefits.evaluation.days', { count: v })),
    },
    {
      title: t('benefits.evaluation.ratings'),
      key: 'ratings',
      width: 180,
      render: (_v, item) => <RatingBar ratings={item.ratings} />,
    },
    {
      title: t('benefits.evaluation.satisfaction'),
      dataIndex: 'satisfaction',
      width: 90,
      align: 'right',
      render: (v: number | null) => formatPercent(v),
    },
    {
      title: t('benefits.evaluation.refused'),
      key: 'refused',
      width: 130,
      render: (_v, item) => (
        <span className="s-small">
          {t('benefits.evaluation.refusedLine', {
            rejected: item.rejected,
            excluded: item.excluded,
            withdrawn: item.withdrawn,
          })}
        </span>
      ),
    },
  ]
  return (
    // A wide table scrolls inside its card (antd's own scroll adds an aria-hidden measure row axe refuses).
    <div className="s-table-scroll">
      <Table<EvaluationItem>
        className="s-flush-table s-evaluation-table"
        style={{ minWidth: 1450 }}
        rowKey="itemId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('benefits.evaluation.empty')}</EmptyText> }}
        rowClassName={(item) => (item.itemId === selected ? 's-row-selected' : '')}
        onRow={(item) => ({ onClick: () => onSelect(item.itemId), style: { cursor: 'pointer' } })}
      />
    </div>
  )
}
