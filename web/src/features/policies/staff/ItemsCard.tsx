import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Table, Tag, Tooltip } from 'antd'
import { formatAmount } from '../policy-labels'
import type { PolicyItem, PolicyView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { EmptyText } from '../../../ui/staff/EmptyText'

type Props = {
  policy: PolicyView
  canEdit: boolean
  /** publishing's problems per item code */
  itemErrors: Record<string, Record<string, string>>
  onOpen: (itemId: string | 'new') => void
}

/** The benefit items of the working copy, each opening in the item editor. */
export function ItemsCard({ policy, canEdit, itemErrors, onOpen }: Props) {
  const { t, mode, kind, language } = usePolicyText()
  return (
    <Card
      title={
        <h2 className="s-card-title">{t('policies.staff.items.title', { count: policy.items.length })}</h2>
      }
      extra={
        canEdit ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => onOpen('new')}>
            {t('policies.staff.items.add')}
          </Button>
        ) : null
      }
    >
      <Table<PolicyItem>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={policy.items}
        locale={{
          emptyText: (
            <EmptyText>
              {canEdit ? t('policies.staff.items.emptyEditable') : t('policies.staff.items.empty')}
            </EmptyText>
          ),
        }}
        rowClassName={(item) => (itemErrors[item.code] ? 's-row-error' : '')}
        columns={[
          { title: t('policies.staff.item.code'), dataIndex: 'code', width: 100 },
          {
            title: t('policies.staff.item.title'),
            key: 'title',
            render: (_: unknown, item) => (
              <>
                {item.title}
                {item.isActive ? null : (
                  <Tag style={{ marginLeft: 8 }}>{t('policies.staff.items.retired')}</Tag>
                )}
                {itemErrors[item.code] ? (
                  <ul className="s-error-list">
                    {Object.values(itemErrors[item.code]!).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
          {
            title: t('policies.staff.item.kind'),
            key: 'benefit',
            width: 220,
            render: (_: unknown, item) =>
              item.benefitKind === 'amount' ? (
                formatAmount(item.amount, language)
              ) : item.benefitKind === 'formula' ? (
                <Tooltip title={item.amountFormula}>{item.amountText ?? kind('formula')}</Tooltip>
              ) : (
                kind('service')
              ),
          },
          {
            title: t('policies.staff.item.mode'),
            dataIndex: 'mode',
            width: 130,
            render: (value: string) => mode(value),
          },
          {
            title: t('policies.fields.department'),
            dataIndex: 'departmentName',
            width: 200,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('policies.staff.items.conditions'),
            key: 'conditions',
            width: 90,
            align: 'right',
            render: (_: unknown, item) => item.conditions.length,
          },
          {
            title: t('policies.staff.items.ruleVersion'),
            dataIndex: 'ruleVersion',
            width: 100,
            align: 'right',
            render: (v: number | null) => (v ? `v${v}` : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, item) => (
              <Button
                size="small"
                icon={canEdit ? <EditOutlined aria-hidden="true" /> : <EyeOutlined aria-hidden="true" />}
                onClick={() => onOpen(item.id)}
                aria-label={`${canEdit ? t('common.edit') : t('policies.staff.items.view')} ${item.code}`}
              >
                {canEdit ? t('common.edit') : t('policies.staff.items.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  )
}
