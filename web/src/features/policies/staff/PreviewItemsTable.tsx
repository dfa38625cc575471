import { Space, Table, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { formatAmount } from '../policy-labels'
import type { ItemPreview } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { PreviewBreakdown } from './PreviewBreakdown'

/** What a money item would cost: the eligible's amounts, what could not be estimated, and the possible rest. */
export function CostCell({ item }: { item: ItemPreview }) {
  const { t, language } = usePolicyText()
  const cost = item.cost
  if (!cost) return <Typography.Text type="secondary">{t('policies.staff.publish.noMoney')}</Typography.Text>
  return (
    <Space orientation="vertical" size={0}>
      <strong>{formatAmount(cost.eligible, language)}</strong>
      {cost.perEnterprise !== null ? (
        <Typography.Text type="secondary" className="s-small">
          {t('policies.staff.publish.perEnterprise', { amount: formatAmount(cost.perEnterprise, language) })}
        </Typography.Text>
      ) : null}
      {cost.eligibleUnestimated ? (
        <Typography.Text type="warning" className="s-small">
          {t('policies.staff.publish.unestimated', { count: cost.eligibleUnestimated })}
        </Typography.Text>
      ) : null}
      {cost.undetermined ? (
        <Typography.Text type="secondary" className="s-small">
          {t('policies.staff.publish.couldAdd', { amount: formatAmount(cost.undetermined, language) })}
        </Typography.Text>
      ) : null}
    </Space>
  )
}

/** The cap, the share of it the eligible would take (with what was paid before), or why there is none. */
export function BudgetCell({ item }: { item: ItemPreview }) {
  const { t, language } = usePolicyText()
  const { budget } = item
  if (!item.cost) return <Typography.Text type="secondary">—</Typography.Text>
  if (budget.cap === null)
    return budget.noCapReason ? (
      <Space orientation="vertical" size={0}>
        <Tag>{t('policies.staff.publish.noCap')}</Tag>
        <Typography.Text type="secondary" className="s-small">
          {budget.noCapReason}
        </Typography.Text>
      </Space>
    ) : (
      <Tag color="error">{t('policies.staff.publish.capMissing')}</Tag>
    )
  const percent = budget.share === null ? null : Math.round(budget.share * 1000) / 10
  return (
    <Space orientation="vertical" size={0}>
      <span>{formatAmount(budget.cap, language)}</span>
      {budget.paid ? (
        <Typography.Text type="secondary" className="s-small">
          {t('policies.staff.publish.paid', { amount: formatAmount(budget.paid, language) })}
        </Typography.Text>
      ) : null}
      {percent === null ? null : (
        <Tag color={budget.isOver ? 'error' : percent >= 80 ? 'warning' : 'success'}>
          {budget.isOver
            ? t('policies.staff.publish.overCap', { percent })
            : t('policies.staff.publish.ofCap', { percent })}
        </Tag>
      )}
    </Space>
  )
}

/** Per item: how many enterprises are eligible, could qualify and are not; opened, by district and size. */
export function PreviewItemsTable({
  items,
  extra,
}: {
  items: ItemPreview[]
  /** under an item's name: e.g. the field for its no-cap reason */
  extra?: (item: ItemPreview) => ReactNode
}) {
  const { t, outcome } = usePolicyText()
  return (
    <Table<ItemPreview>
      size="small"
      rowKey={(i) => i.itemId ?? i.code}
      pagination={false}
      scroll={{ x: 900 }}
      expandable={{
        expandedRowRender: (item) => <PreviewBreakdown item={item} />,
        defaultExpandedRowKeys: items.length === 1 ? [items[0]!.itemId ?? items[0]!.code] : [],
      }}
      dataSource={items}
      columns={[
        {
          title: t('policies.staff.publish.item'),
          key: 'item',
          width: 260,
          render: (_, item) => (
            <Space orientation="vertical" size={4}>
              <span>
                <strong>{item.code}</strong> {item.title}
              </span>
              <Space size={4} wrap>
                {item.isInEffect ? null : (
                  <Tag color="blue">
                    {item.effectiveFrom
                      ? t('policies.staff.publish.startsOn', { date: item.effectiveFrom })
                      : t('policies.staff.publish.notInEffect')}
                  </Tag>
                )}
                {item.isPushEnabled ? null : <Tag>{t('policies.staff.publish.noPush')}</Tag>}
                {item.heldAlready ? (
                  <Tag>{t('policies.staff.publish.heldAlready', { count: item.heldAlready })}</Tag>
                ) : null}
              </Space>
              {extra?.(item)}
            </Space>
          ),
        },
        ...(['eligible', 'undetermined', 'ineligible'] as const).map((o) => ({
          title: outcome(o),
          key: o,
          align: 'right' as const,
          render: (_: unknown, item: ItemPreview) => item.counts[o],
        })),
        {
          title: t('policies.staff.publish.newlyEligible'),
          key: 'newly',
          align: 'right' as const,
          render: (_, item) => item.newlyEligible,
        },
        {
          title: t('policies.staff.publish.cost'),
          key: 'cost',
          width: 180,
          render: (_, item) => <CostCell item={item} />,
        },
        {
          title: t('policies.staff.publish.budget'),
          key: 'budget',
          width: 170,
          render: (_, item) => <BudgetCell item={item} />,
        },
      ]}
    />
  )
}
