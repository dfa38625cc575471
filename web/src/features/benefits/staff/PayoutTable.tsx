import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons'
import { Button, Input, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link } from 'react-router'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import type { PayoutListClaim } from '../benefits.api'
import { isPayable, REASON_MAX, type Decision, type Decisions } from '../payout-selection'
import { useBenefitText } from '../use-benefit-text'

type Props = {
  claims: PayoutListClaim[]
  decisions: Decisions
  onDecide: (claimId: string, decision: Decision) => void
  /** the server's message for a claim it refused, by claim */
  errors: Record<string, string>
  /** problems found before sending: flagged consents ticked, exclusions without a reason */
  marked: ReadonlySet<string>
  disabled: boolean
}

/**
 * The payout list: a tick pays a consent, "exclude" takes it off with a reason. A consent no longer
 * eligible (re-checked now), or without a settlement account to pay to, cannot be ticked: it says
 * why, and waits to be excluded. Where the money goes is shown as a payer needs it on screen — the
 * bank and the masked number; the whole number is in the payout ledger (bank file).
 */
export function PayoutTable({ claims, decisions, onDecide, errors, marked, disabled }: Props) {
  const text = useBenefitText()
  const { t } = text
  const kindOf = (id: string) => decisions[id]?.kind ?? 'undecided'
  const columns: ColumnsType<PayoutListClaim> = [
    {
      title: t('benefits.fields.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, c) => (
        <Link to={paths.staffClaim(c.claimId)} className="s-mono s-nowrap">
          {number}
        </Link>
      ),
    },
    {
      title: t('settlementAccount.staff.enterpriseColumn'),
      dataIndex: 'enterpriseName',
      width: 300,
      render: (name: string, c) => (
        <>
          <div>{name}</div>
          <div className="s-small s-mono s-muted">{c.uscc}</div>
          <AccountLine claim={c} />
          {errors[c.claimId] ? (
            <div className="s-small s-danger-text" role="alert">
              {errors[c.claimId]}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('benefits.fields.consentedAt'),
      dataIndex: 'consentedAt',
      width: 140,
      render: (at: string) => formatDateTime(at, text.language),
    },
    {
      title: t('benefits.fields.amount'),
      dataIndex: 'amount',
      width: 130,
      align: 'right',
      render: (amount: number, c) => (
        <>
          <strong>{text.money(amount)}</strong>
          {c.expectedAmount !== null && c.expectedAmount !== amount ? (
            <div className="s-small s-muted">
              {t('benefits.payouts.atConsent', { amount: text.money(c.expectedAmount) })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('benefits.payouts.recheck'),
      key: 'recheck',
      width: 280,
      render: (_v, c) =>
        c.isEligible ? (
          <span>
            <CheckCircleFilled className="s-ok-icon" aria-hidden="true" />{' '}
            {t('benefits.payouts.stillEligible')}
          </span>
        ) : (
          <div
            className={
              marked.has(c.claimId) && kindOf(c.claimId) === 'pay' ? 's-flagged is-marked' : 's-flagged'
            }
          >
            <CloseCircleFilled className="s-fail-icon" aria-hidden="true" />{' '}
            <strong>{t('benefits.payouts.flagged')}</strong>
            {/* The failed conditions with their clauses; the server's reasons when none failed (missing facts, item ended). */}
            <ul className="s-small">
              {c.failedConditions.length
                ? c.failedConditions.map((f) => (
                    <li key={f.id}>
                      {f.text}
                      <div className="s-muted">{f.clause}</div>
                    </li>
                  ))
                : c.reasons.map((r) => <li key={r}>{r}</li>)}
            </ul>
          </div>
        ),
    },
    {
      title: t('benefits.payouts.exclusion'),
      key: 'exclusion',
      width: 240,
      render: (_v, c) => {
        const d = decisions[c.claimId]
        if (d?.kind === 'exclude')
          return (
            <div className="s-exclusion">
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 3 }}
                maxLength={REASON_MAX}
                value={d.reason}
                disabled={disabled}
                status={marked.has(c.claimId) && d.reason.trim().length < 2 ? 'error' : undefined}
                aria-label={t('benefits.payouts.reasonFor', { number: c.number })}
                placeholder={t('benefits.payouts.reasonPlaceholder')}
                onChange={(e) => onDecide(c.claimId, { kind: 'exclude', reason: e.target.value })}
              />
              <Typography.Link
                disabled={disabled}
                onClick={() => onDecide(c.claimId, isPayable(c) ? { kind: 'pay' } : { kind: 'undecided' })}
              >
                {t('benefits.payouts.undoExclude')}
              </Typography.Link>
            </div>
          )
        return (
          <Button
            size="small"
            danger
            disabled={disabled}
            aria-label={t('benefits.payouts.excludeNamed', { number: c.number })}
            onClick={() => onDecide(c.claimId, { kind: 'exclude', reason: '' })}
          >
            {t('benefits.payouts.exclude')}
          </Button>
        )
      },
    },
  ]
  return (
    // A wide table scrolls inside its card (antd's own scroll adds an aria-hidden measure row axe refuses);
    // the region takes focus so a keyboard can scroll it even when the list is empty.
    <div className="s-table-scroll" tabIndex={0} role="region" aria-label={t('benefits.payouts.title')}>
      <Table<PayoutListClaim>
        style={{ minWidth: 1190 }}
        rowKey="claimId"
        size="middle"
        columns={columns}
        dataSource={claims}
        pagination={claims.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyText>{t('benefits.payouts.empty')}</EmptyText> }}
        rowClassName={(c) => (kindOf(c.claimId) === 'exclude' ? 's-row-excluded' : '')}
        rowSelection={{
          selectedRowKeys: claims.filter((c) => kindOf(c.claimId) === 'pay').map((c) => c.claimId),
          onChange: (keys) => {
            const picked = new Set(keys.map(String))
            for (const c of claims) {
              if (kindOf(c.claimId) === 'exclude') continue
              if (picked.has(c.claimId) && isPayable(c)) onDecide(c.claimId, { kind: 'pay' })
              else if (!picked.has(c.claimId) && kindOf(c.claimId) === 'pay')
                onDecide(c.claimId, { kind: 'undecided' })
            }
          },
          getCheckboxProps: (c) => ({
            disabled: disabled || !isPayable(c) || kindOf(c.claimId) === 'exclude',
            'aria-label': t('benefits.payouts.payNamed', { number: c.number }),
          }),
        }}
      />
    </div>
  )
}

/** Where the money goes, as a payer needs it on screen: the bank and the masked number, or why it cannot go. */
function AccountLine({ claim: c }: { claim: PayoutListClaim }) {
  const text = useBenefitText()
  const { t } = text
  if (!c.account || c.accountProblem)
    return (
      <div className="s-small s-danger-text">
        <CloseCircleFilled className="s-fail-icon" aria-hidden="true" />{' '}
        {t(
          c.accountProblem === 'name_mismatch'
            ? 'settlementAccount.staff.nameMismatch'
            : 'settlementAccount.staff.missing',
        )}
      </div>
    )
  return (
    <div className="s-payout-account">
      <span className="s-mono">{c.account.accountNumberMasked}</span>
      <span className="s-small s-muted"> {c.account.bankName}</span>
      {c.account.version > 1 ? (
        <div className="s-small s-warning-text">
          {t('settlementAccount.staff.changedOn', {
            version: c.account.version,
            at: formatDateTime(c.account.setAt, text.language),
          })}
        </div>
      ) : null}
    </div>
  )
}
