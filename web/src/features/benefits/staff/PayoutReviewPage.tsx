import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Popconfirm, Result, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { useSession } from '../../../app/session'
import { cityToday } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { benefitsApi, payoutLedgerUrl, type PayoutBatch, type PayoutList } from '../benefits.api'
import {
  batchBody,
  fieldErrorsByClaim,
  initialDecisions,
  selectionProblems,
  summarize,
  type Decision,
} from '../payout-selection'
import { useBenefitText } from '../use-benefit-text'
import { BudgetBar } from './BudgetBar'
import { PayoutTable } from './PayoutTable'
import '../../../ui/staff/policy-pages.css'
import './benefits-staff.css'

/**
 * `/staff/benefits/payouts/:itemId`: the payout list of a no-application item — every consent
 * re-checked now, the budget cap used and left — confirmed by the department head with a date,
 * each exclusion with its reason. All or nothing: over the cap, nothing is paid.
 *
 * After a confirmation the list is read again at once: the page never goes on showing the consents
 * just paid as waiting, or the budget as it was before them (it did, until a button was pressed).
 * While that read is under way the figures are not shown at all.
 */
export function PayoutReviewPage() {
  const { itemId = '' } = useParams()
  const { t, language } = useBenefitText()
  const list = useLoad(() => benefitsApi.payoutList(itemId), [itemId, language])
  const [done, setDone] = useState<PayoutBatch>()
  if (list.error && !list.data)
    return (
      <>
        <PageHeader title={t('benefits.payouts.reviewTitle')} />
        <Result
          status={isApiError(list.error, 'NOT_FOUND') ? '404' : 'error'}
          subTitle={errorMessage(list.error, t('errors.loadFailed'))}
          extra={<BackLink />}
        />
      </>
    )
  if (!list.data)
    return (
      <>
        <PageHeader title={t('benefits.payouts.reviewTitle')} />
        <Card loading />
      </>
    )
  // A list with other consents or another budget (after a batch) starts with fresh choices; the same
  // list read again (another language) keeps the head's.
  return (
    <Review
      key={listIdentity(list.data)}
      list={list.data}
      done={done}
      isRefreshing={!!done && list.isLoading}
      onConfirmed={(batch) => {
        setDone(batch)
        list.reload()
      }}
    />
  )
}

export const listIdentity = (list: PayoutList) =>
  `${list.claims.map((c) => `${c.claimId}:${c.account?.id ?? '-'}`).join(',')}|${list.budget.used}`

function BackLink() {
  const { t } = useBenefitText()
  return (
    <Link to={paths.staffPayouts}>
      <ArrowLeftOutlined aria-hidden="true" /> {t('benefits.payouts.backToItems')}
    </Link>
  )
}

function Review({
  list,
  done,
  isRefreshing,
  onConfirmed,
}: {
  list: PayoutList
  /** the batch this page confirmed last */
  done: PayoutBatch | undefined
  /** the list is being read again after it: its figures are not the new ones yet */
  isRefreshing: boolean
  onConfirmed: (batch: PayoutBatch) => void
}) {
  const text = useBenefitText()
  const { t } = text
  const { message } = App.useApp()
  const { me } = useSession()
  const [decisions, setDecisions] = useState<Record<string, Decision>>(() => initialDecisions(list))
  const [paidOn, setPaidOn] = useState<Dayjs>(() => dayjs(cityToday()))
  const [isSaving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<{ title: string; text: string; isBudget: boolean }>()
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({})
  const [checked, setChecked] = useState(false)
  const [isAsking, setAsking] = useState(false)
  const summary = summarize(list, decisions)
  const problems = useMemo(() => selectionProblems(list, decisions), [list, decisions])
  const marked = new Set(checked ? problems.flatMap((p) => ('claimIds' in p ? p.claimIds : [])) : [])
  const isHead =
    me?.kind === 'staff' &&
    me.roles.some((g) => g.role === 'department_head' && g.departmentId === list.item.departmentId)

  const decide = (claimId: string, decision: Decision) =>
    setDecisions((current) => ({ ...current, [claimId]: decision }))

  const confirm = async () => {
    setChecked(true)
    setRefusal(undefined)
    setRowErrors({})
    if (problems.length) return
    const body = batchBody(list, decisions, paidOn.format('YYYY-MM-DD'))
    setSaving(true)
    try {
      const batch = await benefitsApi.confirmPayouts(list.item.id, body)
      onConfirmed(batch)
      void message.success(t('benefits.payouts.confirmed', { count: batch.paidCount }))
    } catch (error) {
      const isBudget = isApiError(error, 'BUDGET_EXCEEDED')
      setRefusal({
        title: isBudget ? t('benefits.payouts.budgetExceeded') : t('benefits.payouts.refused'),
        text: errorMessage(error, t('errors.generic')),
        isBudget,
      })
      if (isApiError(error)) setRowErrors(fieldErrorsByClaim(body, error.fields))
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <PageHeader
        title={t('benefits.payouts.reviewTitleOf', { title: list.item.title })}
        subtitle={list.item.policyTitle}
        extra={<BackLink />}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {done ? (
          <Result
            status="success"
            title={t('benefits.payouts.doneTitle', { count: done.paidCount, amount: text.money(done.total) })}
            subTitle={t('benefits.payouts.doneText', { excluded: done.excludedCount, paidOn: done.paidOn })}
            extra={
              done.paidCount ? (
                <Button type="primary" href={payoutLedgerUrl({ batchId: done.batchId })} download>
                  {t('settlementAccount.staff.ledger')}
                </Button>
              ) : null
            }
          />
        ) : null}
        <Card loading={isRefreshing} title={<h2 className="s-card-title">{t('benefits.staff.budget')}</h2>}>
          <BudgetBar budget={list.budget} summary={summary} />
          {!list.budget.eligibleFits && list.budget.cap !== null ? (
            <Alert
              type="warning"
              showIcon
              title={t('benefits.payouts.eligibleDoNotFit')}
              style={{ marginTop: 12 }}
            />
          ) : null}
        </Card>
        <Card
          loading={isRefreshing}
          title={
            <h2 className="s-card-title">
              {list.totals.flagged
                ? t('benefits.payouts.listTitle', { total: list.totals.claims, flagged: list.totals.flagged })
                : t('benefits.payouts.listTitleAll', { total: list.totals.claims })}
            </h2>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Typography.Paragraph type="secondary" style={{ margin: '12px 16px' }}>
            {t('benefits.payouts.listHint')}
          </Typography.Paragraph>
          <PayoutTable
            claims={list.claims}
            decisions={decisions}
            onDecide={decide}
            errors={rowErrors}
            marked={marked}
            disabled={isRefreshing || isSaving}
          />
        </Card>
        <Card title={<h2 className="s-card-title">{t('benefits.payouts.confirmTitle')}</h2>}>
          {refusal ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={refusal.title}
              description={refusal.text}
              style={{ marginBottom: 12 }}
              className={refusal.isBudget ? 's-budget-refusal' : undefined}
            />
          ) : null}
          {checked && problems.length ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={t('benefits.payouts.fixFirst')}
              description={
                <ul className="s-error-list">
                  {problems.map((p) => (
                    <li key={p.kind}>{t(`benefits.payouts.problems.${p.kind}`)}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Space wrap size={16} align="center">
            <label className="s-inline-field">
              <span>{t('benefits.staff.form.paidOn')}</span>
              <DatePicker
                value={paidOn}
                allowClear={false}
                disabled={isRefreshing}
                onChange={(v) => v && setPaidOn(v)}
                disabledDate={(d) => d.isAfter(dayjs(cityToday()), 'day')}
                aria-label={t('benefits.staff.form.paidOn')}
              />
            </label>
            <span>
              {t('benefits.payouts.summary', {
                pay: summary.payCount,
                amount: text.money(summary.payAmount),
                exclude: summary.excludeCount,
                undecided: summary.undecidedCount,
              })}
            </span>
            <Popconfirm
              title={t('benefits.payouts.confirmQuestion', {
                count: summary.payCount,
                amount: text.money(summary.payAmount),
              })}
              okText={t('benefits.payouts.confirm')}
              cancelText={t('common.cancel')}
              open={isAsking}
              onOpenChange={(open) => {
                // Problems found here are shown at once; the question is asked only of a sound choice.
                setChecked(true)
                setAsking(open && problems.length === 0)
              }}
              onConfirm={() => void confirm()}
              disabled={!isHead || isRefreshing || list.claims.length === 0}
            >
              <Button
                type="primary"
                loading={isSaving}
                disabled={!isHead || isRefreshing || list.claims.length === 0}
              >
                {t('benefits.payouts.confirm')}
              </Button>
            </Popconfirm>
          </Space>
          {!isHead ? (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {t('benefits.payouts.headOnly')}
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Space>
    </>
  )
}
