import { Alert, Card, Table, Tag } from 'antd'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { benefitsApi, type EvaluationItem } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'
import '../../../ui/staff/policy-pages.css'
import './benefits-staff.css'

/** Consents still waiting for a payout list: every consent not yet paid, excluded or withdrawn. */
const waitingOf = (i: EvaluationItem) => Math.max(0, i.consented - i.paid - i.excluded - i.withdrawn)

/**
 * `/staff/benefits/payouts`: the no-application items (免申即享) the department pays, each with the
 * consents waiting for its payout list. The figures are the evaluation's, which is scoped the same
 * way (a department sees the items it pays).
 */
export function PayoutsPage() {
  const text = useBenefitText()
  const { t, language } = text
  const navigate = useNavigate()
  const evaluation = useLoad(() => benefitsApi.evaluation({}), [language])
  const items = (evaluation.data?.items ?? [])
    .filter((i) => i.mode === 'no_application')
    .sort((a, b) => waitingOf(b) - waitingOf(a))
  return (
    <>
      <PageHeader title={t('benefits.payouts.title')} subtitle={t('benefits.payouts.subtitle')} />
      {evaluation.error ? (
        <Alert type="error" showIcon title={errorMessage(evaluation.error, t('errors.loadFailed'))} />
      ) : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<EvaluationItem>
          rowKey="itemId"
          size="middle"
          loading={evaluation.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('benefits.payouts.noItems')}</EmptyText> }}
          onRow={(item) => ({
            onClick: () => void navigate(paths.staffPayout(item.itemId)),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('benefits.fields.item'),
              dataIndex: 'title',
              render: (title: string, item) => (
                <>
                  <Link to={paths.staffPayout(item.itemId)} onClick={(e) => e.stopPropagation()}>
                    {title}
                  </Link>
                  <div className="s-small s-muted">
                    {[item.policyTitle, item.documentNumber].filter(Boolean).join(' · ')}
                  </div>
                </>
              ),
            },
            { title: t('benefits.fields.department'), dataIndex: 'departmentName', width: 200 },
            {
              title: t('benefits.payouts.waiting'),
              key: 'waiting',
              width: 120,
              align: 'right',
              render: (_v, item) =>
                waitingOf(item) ? (
                  <Tag color="blue">{waitingOf(item)}</Tag>
                ) : (
                  <span className="s-muted">0</span>
                ),
            },
            { title: t('benefits.evaluation.steps.paid'), dataIndex: 'paid', width: 100, align: 'right' },
            {
              title: t('benefits.evaluation.amountPaid'),
              dataIndex: 'amountPaid',
              width: 150,
              align: 'right',
              render: (v: number) => text.money(v),
            },
            {
              title: t('benefits.staff.budgetCap'),
              dataIndex: 'budgetCap',
              width: 150,
              align: 'right',
              render: (v: number | null) => (v === null ? t('benefits.staff.noCap') : text.money(v)),
            },
          ]}
        />
      </Card>
    </>
  )
}
