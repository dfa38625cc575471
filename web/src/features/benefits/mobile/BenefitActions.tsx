import { Button, Dialog } from 'antd-mobile'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { useLoad } from '../../../ui/use-load'
import { newIdempotencyKey } from '../../../ui/idempotency'
import type { MatchView } from '../../../app/shared-api/policies'
import { settlementAccountsApi } from '../../../app/shared-api/settlement-accounts'
import { benefitsApi, type ClaimDetail, type ClaimSummary } from '../benefits.api'
import { itemActionFor } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { ClaimStatusTag } from '../../../ui/mobile/ClaimStatusTag'
import '../../../ui/mobile/policy-pages.css'
import './benefits-mobile.css'
import { Slot } from '../../../app/slots'

/** Enough for every claim an enterprise has on one item (one active at a time, a few closed before it). */
const CLAIMS_PAGE = 100

/**
 * The slot under "how to get it" on an item's page: the enterprise's claim on this item with its
 * status, or the one action its mode takes — consent in one tap (免申即享), or the application form
 * (快申快享 / 标准申报). Either leads to money, so above it stands where the money will go: the
 * settlement account, or the form to give it first.
 */
export function BenefitActions({ enterpriseId, match }: { enterpriseId: string; match: MatchView }) {
  const { t, language } = useBenefitText()
  const claims = useLoad(
    () => benefitsApi.myClaims(enterpriseId, { limit: CLAIMS_PAGE, offset: 0, itemId: match.item.id }),
    [enterpriseId, match.item.id, language],
  )
  const account = useLoad(() => settlementAccountsApi.get(enterpriseId), [enterpriseId, language])
  const [receipt, setReceipt] = useState<string>()

  const failed = claims.error ?? account.error
  if (failed) return <Banner tone="error" text={errorMessage(failed, t('errors.loadFailed'))} />
  if (!claims.data || !account.data) return null
  const ofItem = claims.data.items.filter((c) => c.itemId === match.item.id)
  const action = itemActionFor(match.item.mode, match.explanation.outcome, ofItem)
  const isPayable = account.data.problem === null
  const accountBlock = (
    <Slot name="payoutAccount" enterpriseId={enterpriseId} state={account.data} onChange={account.setData} />
  )

  return (
    <div className="m-benefit-actions" data-slot="benefit-actions">
      <Banner tone="info" text={receipt} />
      {action.kind === 'claimed' ? (
        <ClaimBox enterpriseId={enterpriseId} claim={action.claim} />
      ) : (
        <>
          {action.previous ? <PreviousClaim enterpriseId={enterpriseId} claim={action.previous} /> : null}
          {action.kind === 'consent' ? (
            <>
              {accountBlock}
              {isPayable ? (
                <ConsentButton
                  enterpriseId={enterpriseId}
                  match={match}
                  onDone={(claim, text) => {
                    claims.setData((page) => ({
                      items: [claim, ...(page?.items ?? [])],
                      total: (page?.total ?? 0) + 1,
                    }))
                    setReceipt(text)
                  }}
                  onAccountRefused={account.reload}
                  payTo={
                    account.data.current
                      ? t('settlementAccount.paidTo', {
                          bank: account.data.current.bankName,
                          number: account.data.current.accountNumberMasked,
                        })
                      : undefined
                  }
                />
              ) : null}
            </>
          ) : action.kind === 'apply' ? (
            <>
              {accountBlock}
              {isPayable ? <ApplyButton enterpriseId={enterpriseId} match={match} /> : null}
            </>
          ) : (
            <p className="m-muted m-benefit-hint">
              {t(
                action.mode === 'no_application' ? 'benefits.item.consentLater' : 'benefits.item.applyLater',
              )}
            </p>
          )}
        </>
      )}
    </div>
  )
}

function ClaimBox({ enterpriseId, claim }: { enterpriseId: string; claim: ClaimSummary }) {
  const text = useBenefitText()
  const { t } = text
  const navigate = useNavigate()
  return (
    <div className="m-claim-box">
      <div className="m-claim-box-head">
        <ClaimStatusTag status={claim.status} />
        <span className="m-muted m-claim-number">{claim.number}</span>
      </div>
      <p className="m-claim-box-text">{text.tx(`benefits.statusHint.${claim.status}`)}</p>
      {claim.dueAt ? (
        <p className="m-muted m-claim-box-text">
          {t('benefits.detail.dueBy', { due: formatDateTime(claim.dueAt, text.language) })}
        </p>
      ) : null}
      {claim.payout ? (
        <p className="m-claim-box-text">
          {t('benefits.detail.paidLine', {
            amount: text.money(claim.payout.amount),
            paidOn: claim.payout.paidOn,
          })}
        </p>
      ) : null}
      <Button
        block
        size="large"
        color="primary"
        fill="outline"
        onClick={() => void navigate(paths.enterpriseClaim(enterpriseId, claim.id))}
      >
        {t('benefits.item.openClaim')}
      </Button>
    </div>
  )
}

function PreviousClaim({ enterpriseId, claim }: { enterpriseId: string; claim: ClaimSummary }) {
  const { t, status } = useBenefitText()
  return (
    <p className="m-muted m-benefit-hint">
      {t('benefits.item.previous', { status: status(claim.status) })}{' '}
      <Link to={paths.enterpriseClaim(enterpriseId, claim.id)} className="m-inline-link">
        {claim.number}
      </Link>
    </p>
  )
}

function ConsentButton({
  enterpriseId,
  match,
  onDone,
  onAccountRefused,
  payTo,
}: {
  enterpriseId: string
  match: MatchView
  onDone: (claim: ClaimDetail, receipt: string) => void
  /** the account changed or went away since the page loaded: show it again */
  onAccountRefused: () => void
  /** where the money will go, said once more in the confirmation */
  payTo: string | undefined
}) {
  const text = useBenefitText()
  const { t } = text
  // One key per opening of the page: a double tap or a retry after a lost answer is one consent.
  const [key] = useState(newIdempotencyKey)
  const [isSaving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string>()
  const { explanation, item } = match
  const amount =
    explanation.amount !== null ? text.money(explanation.amount) : (explanation.amountText ?? undefined)

  const consent = async () => {
    const confirmed = await Dialog.confirm({
      'aria-label': t('benefits.consent.confirmTitle'),
      title: t('benefits.consent.confirmTitle'),
      content: (
        <div className="m-consent-dialog">
          <p>{t('benefits.consent.confirmItem', { title: item.title })}</p>
          {amount ? (
            <p className="m-consent-amount">{t('benefits.consent.confirmAmount', { amount })}</p>
          ) : null}
          {payTo ? <p>{payTo}</p> : null}
          <p className="m-muted">{t('benefits.consent.confirmText')}</p>
        </div>
      ),
      confirmText: t('benefits.consent.confirm'),
      cancelText: t('common.cancel'),
    })
    if (!confirmed) return
    setProblem(undefined)
    setSaving(true)
    try {
      const receipt = await benefitsApi.consent(enterpriseId, { itemId: item.id, idempotencyKey: key })
      onDone(receipt, receipt.receipt)
    } catch (error) {
      setProblem(errorMessage(error, t('errors.generic')))
      if (
        isApiError(error, 'SETTLEMENT_ACCOUNT_REQUIRED') ||
        isApiError(error, 'SETTLEMENT_ACCOUNT_NAME_MISMATCH')
      )
        onAccountRefused()
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Banner tone="error" text={problem} />
      <Button block color="primary" size="large" loading={isSaving} onClick={() => void consent()}>
        {amount ? t('benefits.consent.buttonAmount', { amount }) : t('benefits.consent.button')}
      </Button>
    </>
  )
}

function ApplyButton({ enterpriseId, match }: { enterpriseId: string; match: MatchView }) {
  const { t } = useBenefitText()
  const navigate = useNavigate()
  return (
    <>
      <p className="m-muted m-benefit-hint">
        {match.explanation.outcome === 'eligible'
          ? t('benefits.item.applyIntro')
          : t('benefits.item.applyUndetermined')}
      </p>
      <Button
        block
        color="primary"
        size="large"
        onClick={() => void navigate(paths.enterpriseApply(enterpriseId, match.item.id))}
      >
        {t('benefits.item.apply')}
      </Button>
    </>
  )
}
