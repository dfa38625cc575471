import { formatDateTime } from '../../../ui/format'
import { ModeTag } from '../../../ui/mobile/ModeTag'
import type { ClaimDetail } from '../benefits.api'
import { splitMinutes } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { ClaimStatusTag } from '../../../ui/mobile/ClaimStatusTag'

/** Where the claim stands: its status in words, the money (expected, approved, paid), the clock. */
export function ClaimSummarySection({ claim }: { claim: ClaimDetail }) {
  const text = useBenefitText()
  const { t, tx } = text
  const paused = claim.remainingMinutes !== null ? splitMinutes(claim.remainingMinutes) : undefined
  const reason = claim.status === 'rejected' ? (claim.decision?.reason ?? null) : claim.statusReason

  return (
    <section className={`m-section m-claim-head is-${claim.status}`} aria-labelledby="claim-title">
      <div className="m-appeal-card-head">
        <span className="m-muted m-claim-number">{claim.number}</span>
        <ClaimStatusTag status={claim.status} />
      </div>
      <h2 id="claim-title" className="m-match-title">
        {claim.itemTitle}
      </h2>
      <p className="m-muted" style={{ margin: 0 }}>
        {claim.policyTitle}
      </p>
      <p className="m-claim-hint">{tx(`benefits.statusHint.${claim.status}`)}</p>
      {claim.payout ? (
        <div className="m-amount-box is-paid">
          <span className="m-muted">{t('benefits.detail.paidOn', { paidOn: claim.payout.paidOn })}</span>
          <strong>{text.money(claim.payout.amount)}</strong>
          {claim.payout.account ? (
            <span className="m-muted m-paid-to">
              {t('settlementAccount.paidInto', {
                bank: claim.payout.account.bankName,
                number: claim.payout.account.accountNumberMasked,
              })}
            </span>
          ) : null}
        </div>
      ) : claim.approvedAmount !== null ? (
        <div className="m-amount-box">
          <span className="m-muted">{t('benefits.fields.approvedAmount')}</span>
          <strong>{text.money(claim.approvedAmount)}</strong>
        </div>
      ) : null}
      <dl className="m-kv">
        <dt>{t('benefits.fields.mode')}</dt>
        <dd>
          <ModeTag mode={claim.mode} />
        </dd>
        <dt>{t('benefits.fields.department')}</dt>
        <dd>{claim.departmentName ?? '—'}</dd>
        <dt>
          {t(claim.mode === 'no_application' ? 'benefits.fields.consentedAt' : 'benefits.fields.appliedAt')}
        </dt>
        <dd>{formatDateTime(claim.createdAt, text.language)}</dd>
        {claim.expectedAmount !== null ? (
          <>
            <dt>{t('benefits.fields.expectedAmount')}</dt>
            <dd>{text.money(claim.expectedAmount)}</dd>
          </>
        ) : null}
        {claim.dueAt ? (
          <>
            <dt>{t('benefits.fields.dueAt')}</dt>
            <dd>
              {formatDateTime(claim.dueAt, text.language)}
              {claim.isOverdue ? (
                <>
                  {' '}
                  <strong className="m-overdue">{t('benefits.detail.overdue')}</strong>
                </>
              ) : null}
              <br />
              <span className="m-muted">
                {t('benefits.detail.promised', { count: claim.promisedWorkingDays })}
              </span>
            </dd>
          </>
        ) : null}
        {paused ? (
          <>
            <dt>{t('benefits.fields.dueAt')}</dt>
            <dd>{t('benefits.detail.paused', paused)}</dd>
          </>
        ) : null}
        {reason ? (
          <>
            <dt>{t('benefits.fields.reason')}</dt>
            <dd>{reason}</dd>
          </>
        ) : null}
        {claim.rating ? (
          <>
            <dt>{t('benefits.fields.myRating')}</dt>
            <dd>{text.level(claim.rating.level)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}
