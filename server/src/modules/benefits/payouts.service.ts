import { cityToday } from '../../kernel/calendar/city-today'
import { type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { localDate } from '../../kernel/calendar/zoned-time'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { findInForceItem } from '../matching'
import {
  accountOrRefusal,
  findAccountStandings,
  presentAccount,
  type AccountStanding,
} from '../settlement-accounts'
import { maskAccountNumber } from '../../shared/settlement-account'
import type { CompiledItem, Explanation } from '../policies'
import { departmentsOf, requireDepartmentStaff, type StaffViewer } from './benefits-access'
import { budgetCapOf, eligibilityOfMany, expectedAmountOf, reasonsOf } from './benefits-eligibility.service'
import type { PayoutBatchInput } from './benefits.schema'
import * as q from './benefits.queries'
import type { ClaimRow } from './benefits.queries'
import { commitMove, notifyEnterprise, runClaimAction, snapshotOf } from './claim-action'
import { move } from './claim-states'
import { budgetRemaining, checkBudget, sumYuan } from './payout-rules'
import './benefits.messages'

/**
 * Payouts (兑现). A no-application item's consents are paid from a payout list the department
 * reviews: each consent re-checked for eligibility now, with its amount, the total and the budget.
 * The department head confirms the list with exclusions (a reason each) and the date paid; an
 * approved application's payout is recorded by the department's handler or head. Nothing is paid
 * over the item's budget cap (everything paid so far plus this payout), nothing is paid to anything
 * but the enterprise's settlement account (its name the registered name; a copy of it is kept with
 * the payout), and nothing is half-written.
 */

const money = (amount: number) => amount.toFixed(2)

/** The in-force item of a department the caller works in. Refuses: NOT_FOUND (no such item, or another department's). */
async function departmentItem(deps: AppDeps, db: Executor, viewer: StaffViewer, itemId: string) {
  const item = await findInForceItem(deps, db, itemId)
  if (!item || !departmentsOf(viewer).includes(item.departmentId)) throw notFound()
  return item
}

type Checked = {
  claim: ClaimRow
  explanation: Explanation | undefined
  isEligible: boolean
  amount: number
}

/** Each consent against the enterprise's facts today: eligible or flagged, with what it would be paid now. */
async function recheck(
  deps: AppDeps,
  db: Executor,
  item: CompiledItem,
  claims: ClaimRow[],
): Promise<Checked[]> {
  const explanations = await eligibilityOfMany(
    deps,
    db,
    claims.map((c) => c.enterprise_id),
    item.id,
  )
  return claims.map((claim) => {
    const explanation = explanations.get(claim.enterprise_id)
    const now = explanation ? expectedAmountOf(explanation) : null
    return {
      claim,
      explanation,
      isEligible: explanation?.outcome === 'eligible',
      amount: now ?? claim.expected_amount ?? 0,
    }
  })
}

/**
 * The payout list of a no-application item for its department's staff.
 * Refuses: FORBIDDEN (not department staff), NOT_FOUND (another department's item), BENEFIT_WRONG_MODE.
 */
export async function getPayoutList(deps: AppDeps, actor: Actor, itemId: string) {
  const viewer = await requireDepartmentStaff(deps.db, actor)
  const item = await departmentItem(deps, deps.db, viewer, itemId)
  if (item.mode !== 'no_application') throw new AppError('BENEFIT_WRONG_MODE')
  const claims = await q.findConsentedClaims(deps.db, itemId, departmentsOf(viewer))
  const [checked, standings] = await Promise.all([
    recheck(deps, deps.db, item, claims),
    findAccountStandings(
      deps.db,
      claims.map((c) => c.enterprise_id),
    ),
  ])
  const used = await q.sumPayouts(deps.db, itemId)
  const eligible = checked.filter((c) => c.isEligible)
  const eligibleAmount = sumYuan(eligible.map((c) => c.amount))
  return {
    item: {
      id: item.id,
      code: item.code,
      title: item.title,
      policyTitle: item.policyTitle,
      mode: item.mode,
      departmentId: item.departmentId,
    },
    claims: checked.map((c) => ({
      claimId: c.claim.id,
      number: c.claim.number,
      enterpriseId: c.claim.enterprise_id,
      enterpriseName: c.claim.enterprise_name,
      uscc: c.claim.enterprise_uscc,
      consentedAt: c.claim.created_at.toISOString(),
      expectedAmount: c.claim.expected_amount,
      amount: c.amount,
      outcome: c.explanation?.outcome ?? null,
      isEligible: c.isEligible,
      reasons: reasonsOf(c.explanation),
      failedConditions: (c.explanation?.conditions ?? [])
        .filter((x) => x.result === 'fail')
        .map((x) => ({ id: x.id, clause: x.clause, text: x.text })),
      ...accountOf(standings.get(c.claim.enterprise_id)),
    })),
    totals: {
      claims: checked.length,
      eligible: eligible.length,
      flagged: checked.length - eligible.length,
      eligibleAmount,
    },
    budget: {
      cap: item.budgetCap,
      used,
      remaining: budgetRemaining(item.budgetCap, used),
      eligibleFits: checkBudget(item.budgetCap, used, eligibleAmount).ok,
    },
  }
}

function accountOf(standing: AccountStanding | undefined) {
  return {
    account: standing?.account ? presentAccount(standing.account) : null,
    accountProblem: standing ? standing.problem : 'missing',
  }
}

type PayableAccount = ReturnType<typeof accountOrRefusal>

/** What a payout keeps of the account it went to: which one, and its name, bank and whole number. */
function snapshotOfAccount(account: PayableAccount) {
  return {
    id: account.id,
    version: account.version,
    accountName: account.account_name,
    bankName: account.bank_name,
    accountNumber: account.account_number,
  }
}

/** What the enterprise's timeline says of where the money went (never the whole number). */
function payoutEventAccount(account: PayableAccount) {
  return { bankName: account.bank_name, accountNumberMasked: maskAccountNumber(account.account_number) }
}

/**
 * Each claim to pay has a settlement account that may be paid to, and the one the head saw.
 * Refuses: SETTLEMENT_ACCOUNT_REQUIRED (none, or its name no longer the registered name; each claim
 * named), SETTLEMENT_ACCOUNT_CHANGED (changed since the list was read).
 */
async function payableAccounts(
  tx: Tx,
  claims: ClaimRow[],
  paidIds: string[],
  seen: Map<string, string>,
): Promise<Map<string, PayableAccount>> {
  const standings = await findAccountStandings(
    tx,
    claims.map((c) => c.enterprise_id),
  )
  const missing: FieldErrors = {}
  const changed: FieldErrors = {}
  const accounts = new Map<string, PayableAccount>()
  for (const claim of claims) {
    const field = `claimIds.${paidIds.indexOf(claim.id)}`
    const standing = standings.get(claim.enterprise_id)
    if (!standing?.account) missing[field] = translate('benefits.batch.noAccount', { number: claim.number })
    else if (standing.problem === 'name_mismatch')
      missing[field] = translate('benefits.batch.accountNameMismatch', {
        number: claim.number,
        accountName: standing.account.account_name,
        registeredName: standing.registeredName,
      })
    else if (seen.has(claim.id) && seen.get(claim.id) !== standing.account.id)
      changed[field] = translate('benefits.batch.accountChanged', {
        number: claim.number,
        bank: standing.account.bank_name,
        number4: standing.account.account_number.slice(-4),
      })
    else accounts.set(claim.id, standing.account)
  }
  if (Object.keys(missing).length)
    throw new AppError('SETTLEMENT_ACCOUNT_REQUIRED', { fields: { ...missing, ...changed } })
  if (Object.keys(changed).length) throw new AppError('SETTLEMENT_ACCOUNT_CHANGED', { fields: changed })
  return accounts
}

function assertPaidOn(deps: AppDeps, paidOn: string, notBefore: string[]): void {
  const today = cityToday(deps)
  if (paidOn > today)
    throw new AppError('VALIDATION_FAILED', { fields: { paidOn: translate('benefits.paidOnFuture') } })
  const earliest = notBefore.reduce((max, d) => (d > max ? d : max), '0000-00-00')
  if (paidOn < earliest)
    throw new AppError('VALIDATION_FAILED', {
      fields: { paidOn: translate('benefits.paidOnTooEarly', { date: earliest }) },
    })
}

/** Locks the item's budget and refuses a payout that would go over its cap. Refuses: BUDGET_EXCEEDED. */
async function assertWithinBudget(tx: Tx, itemId: string, cap: number | null, adding: number) {
  await q.lockBudget(tx, itemId)
  const used = await q.sumPayouts(tx, itemId)
  const check = checkBudget(cap, used, adding)
  if (!check.ok)
    throw new AppError('BUDGET_EXCEEDED', {
      params: {
        cap: money(check.cap),
        used: money(check.used),
        adding: money(check.adding),
        over: money(check.over),
      },
    })
  return { cap, used: sumYuan([used, adding]), remaining: check.remainingAfter }
}

/**
 * The department head confirms a payout list: every listed consent paid on the date, with its amount
 * as re-checked now; every excluded one closed with its reason. All or nothing.
 * Refuses: FORBIDDEN (not the item department's head), NOT_FOUND, BENEFIT_WRONG_MODE, VALIDATION_FAILED
 * (nothing chosen, a claim both paid and excluded, a claim not waiting on this list, the date),
 * CLAIM_NOT_PAYABLE, BENEFIT_NOT_ELIGIBLE (a listed consent is no longer eligible: exclude it),
 * SETTLEMENT_ACCOUNT_REQUIRED (an enterprise without a payable account: exclude it or wait),
 * SETTLEMENT_ACCOUNT_CHANGED (an account changed since the list was read), BUDGET_EXCEEDED.
 */
export async function confirmPayoutBatch(
  deps: AppDeps,
  actor: Actor,
  itemId: string,
  input: PayoutBatchInput,
) {
  const viewer = await requireDepartmentStaff(deps.db, actor)
  if (viewer.headScope.length === 0) throw new AppError('FORBIDDEN')
  return deps.db.transaction().execute(async (tx) => {
    const item = await departmentItem(deps, tx, viewer, itemId)
    if (!viewer.headScope.includes(item.departmentId)) throw new AppError('FORBIDDEN')
    if (item.mode !== 'no_application') throw new AppError('BENEFIT_WRONG_MODE')
    const paidIds = [...new Set(input.claimIds)]
    const excluded = new Map(input.exclusions.map((x) => [x.claimId, x.reason]))
    const fields: FieldErrors = {}
    if (paidIds.length === 0 && excluded.size === 0) fields.claimIds = translate('benefits.batch.empty')
    input.exclusions.forEach((x, i) => {
      if (paidIds.includes(x.claimId)) fields[`exclusions.${i}.claimId`] = translate('benefits.batch.both')
    })
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })

    const locked = new Map(
      (await q.lockClaimsOfItem(tx, [...paidIds, ...excluded.keys()], itemId, departmentsOf(viewer))).map(
        (c) => [c.id, c],
      ),
    )
    paidIds.forEach((id, i) => {
      if (!locked.has(id)) fields[`claimIds.${i}`] = translate('benefits.batch.notListed')
    })
    input.exclusions.forEach((x, i) => {
      if (!locked.has(x.claimId)) fields[`exclusions.${i}.claimId`] = translate('benefits.batch.notListed')
    })
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
    // Each chosen claim must still be a consent waiting for payment (not paid, withdrawn or excluded meanwhile).
    const refusals: FieldErrors = {}
    const refuse = (field: string, id: string, action: 'pay' | 'exclude') => {
      const claim = locked.get(id)!
      if (!move(claim.status, claim.mode, action).ok) refusals[field] = claim.number
    }
    paidIds.forEach((id, i) => refuse(`claimIds.${i}`, id, 'pay'))
    input.exclusions.forEach((x, i) => refuse(`exclusions.${i}.claimId`, x.claimId, 'exclude'))
    if (Object.keys(refusals).length) throw new AppError('CLAIM_NOT_PAYABLE', { fields: refusals })

    const toPay = await recheck(
      deps,
      tx,
      item,
      paidIds.map((id) => locked.get(id)!),
    )
    const flagged = toPay.filter((c) => !c.isEligible)
    if (flagged.length)
      throw new AppError('BENEFIT_NOT_ELIGIBLE', {
        params: {
          reasons: translate('benefits.batch.claims', {
            count: flagged.length,
            numbers: flagged.map((c) => c.claim.number).join(', '),
          }),
        },
        fields: Object.fromEntries(
          flagged.map((c) => [
            `claimIds.${paidIds.indexOf(c.claim.id)}`,
            translate('benefits.batch.notEligible', {
              number: c.claim.number,
              reasons: reasonsOf(c.explanation).join(translate('benefits.reasons.separator')),
            }),
          ]),
        ),
      })
    const accounts = await payableAccounts(
      tx,
      toPay.map((c) => c.claim),
      paidIds,
      new Map(input.accounts.map((a) => [a.claimId, a.accountId])),
    )
    assertPaidOn(
      deps,
      input.paidOn,
      toPay.map((c) => localDate(c.claim.created_at, deps.config.timeZone)),
    )
    const total = sumYuan(toPay.map((c) => c.amount))
    const budget = await assertWithinBudget(tx, itemId, item.budgetCap, total)

    const batch = await q.insertBatch(tx, {
      itemId,
      departmentId: item.departmentId,
      paidOn: input.paidOn,
      paidCount: toPay.length,
      excludedCount: excluded.size,
      total,
      note: input.note ?? null,
      by: viewer.user.userId,
    })
    for (const c of toPay) {
      const account = accounts.get(c.claim.id)!
      await q.insertPayout(tx, {
        claimId: c.claim.id,
        itemId,
        enterpriseId: c.claim.enterprise_id,
        batchId: batch.id,
        amount: c.amount,
        paidOn: input.paidOn,
        by: viewer.user.userId,
        account: snapshotOfAccount(account),
      })
      await notifyEnterprise(deps, tx, c.claim, 'benefits.claim_paid', {
        amount: money(c.amount),
        paidOn: input.paidOn,
      })
      await commitMove({ tx, user: viewer.user, claim: c.claim }, 'pay', 'paid', {
        changes: { closed_at: new Date() },
        event: {
          data: { amount: c.amount, paidOn: input.paidOn, batchId: batch.id, ...payoutEventAccount(account) },
          audience: 'enterprise',
        },
        audit: {
          amount: c.amount,
          paidOn: input.paidOn,
          batchId: batch.id,
          accountId: account.id,
          accountVersion: account.version,
        },
      })
    }
    for (const [id, reason] of excluded) {
      const claim = locked.get(id)!
      await notifyEnterprise(deps, tx, claim, 'benefits.claim_excluded', { reason })
      await commitMove({ tx, user: viewer.user, claim }, 'exclude', 'excluded', {
        changes: { status_reason: reason, closed_at: new Date() },
        // Left out of the list: the enterprise that consented is told why (the dialog says so).
        event: {
          note: reason,
          data: { batchId: batch.id },
          noteAudience: 'enterprise',
          audience: 'enterprise',
        },
        audit: { reason, batchId: batch.id },
      })
    }
    await writeAudit(tx, viewer.user, {
      action: 'benefit_payout_batch.confirm',
      entityType: 'benefit_payout_batch',
      entityId: batch.id,
      after: {
        itemId,
        paidOn: input.paidOn,
        paid: toPay.map((c) => c.claim.id),
        excluded: [...excluded.keys()],
        total,
      },
    })
    return {
      batchId: batch.id,
      itemId,
      paidOn: input.paidOn,
      paidCount: toPay.length,
      excludedCount: excluded.size,
      total,
      budget,
    }
  })
}

/**
 * The payout of an approved application, recorded by the department's handler or head: the approved
 * amount, on the date paid, to the enterprise's settlement account (a copy kept with the payout).
 * Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_PAYABLE, VALIDATION_FAILED (the date), SETTLEMENT_ACCOUNT_REQUIRED,
 * SETTLEMENT_ACCOUNT_NAME_MISMATCH, SETTLEMENT_ACCOUNT_CHANGED (not the account the payer saw), BUDGET_EXCEEDED.
 */
export async function recordPayout(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  input: { paidOn: string; accountId?: string | undefined },
) {
  const viewer = await requireDepartmentStaff(deps.db, actor)
  return runClaimAction(deps, { kind: 'staff', viewer }, claimId, 'pay', async (ctx) => {
    const standing = (await findAccountStandings(ctx.tx, [ctx.claim.enterprise_id])).get(
      ctx.claim.enterprise_id,
    )
    if (!standing) throw notFound()
    const account = accountOrRefusal(standing)
    if (input.accountId && input.accountId !== account.id) throw new AppError('SETTLEMENT_ACCOUNT_CHANGED')
    assertPaidOn(deps, input.paidOn, [localDate(ctx.claim.decided_at!, deps.config.timeZone)])
    const amount = ctx.claim.approved_amount ?? 0
    const cap = await budgetCapOf(deps, ctx.tx, ctx.claim)
    await assertWithinBudget(ctx.tx, ctx.claim.item_id, cap, amount)
    await q.insertPayout(ctx.tx, {
      claimId: ctx.claim.id,
      itemId: ctx.claim.item_id,
      enterpriseId: ctx.claim.enterprise_id,
      batchId: null,
      amount,
      paidOn: input.paidOn,
      by: ctx.user.userId,
      account: snapshotOfAccount(account),
    })
    await notifyEnterprise(deps, ctx.tx, ctx.claim, 'benefits.claim_paid', {
      amount: money(amount),
      paidOn: input.paidOn,
    })
    return {
      changes: { closed_at: ctx.now },
      event: {
        data: {
          amount,
          paidOn: input.paidOn,
          title: snapshotOf(ctx.claim).title,
          ...payoutEventAccount(account),
        },
        audience: 'enterprise',
      },
      audit: { amount, paidOn: input.paidOn, accountId: account.id, accountVersion: account.version },
    }
  })
}
