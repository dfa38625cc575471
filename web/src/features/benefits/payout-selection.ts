import type { PayoutBatchBody, PayoutList } from './benefits.api'

/*
 * The department head's choice on a payout list, as pure data: which consents to pay, which to
 * exclude and why, what that adds to the budget. Sums in fen, like the server (payout-rules.ts),
 * so 0.1 + 0.2 never drifts.
 */

export type Decision = { kind: 'pay' } | { kind: 'exclude'; reason: string } | { kind: 'undecided' }
export type Decisions = Readonly<Record<string, Decision>>
export const REASON_MIN = 2
export const REASON_MAX = 500

const toFen = (yuan: number) => Math.round(yuan * 100)
const toYuan = (fen: number) => fen / 100

type Row = Pick<PayoutList['claims'][number], 'claimId' | 'isEligible' | 'account' | 'accountProblem'>

/** A consent the head may tick: still eligible, and a settlement account to pay to that carries the registered name. */
export function isPayable(c: Pick<Row, 'isEligible' | 'accountProblem'>): boolean {
  return c.isEligible && !c.accountProblem
}

/** The list as it opens: every payable consent ticked, every flagged one waiting for an exclusion. */
export function initialDecisions(list: Pick<PayoutList, 'claims'>): Record<string, Decision> {
  return Object.fromEntries(
    list.claims.map((c) => [c.claimId, isPayable(c) ? { kind: 'pay' } : { kind: 'undecided' }]),
  )
}

export type SelectionSummary = {
  payCount: number
  payAmount: number
  excludeCount: number
  undecidedCount: number
  /** paid so far plus this batch */
  usedAfter: number
  /** null: no cap */
  remainingAfter: number | null
  /** by how much this batch goes over the cap (0 when it fits) */
  over: number
  fits: boolean
}

export function summarize(
  list: Pick<PayoutList, 'claims' | 'budget'>,
  decisions: Decisions,
): SelectionSummary {
  let payFen = 0
  let payCount = 0
  let excludeCount = 0
  let undecidedCount = 0
  for (const c of list.claims) {
    const d = decisions[c.claimId]?.kind ?? 'undecided'
    if (d === 'pay') {
      payCount++
      payFen += toFen(c.amount)
    } else if (d === 'exclude') excludeCount++
    else undecidedCount++
  }
  const usedFen = toFen(list.budget.used) + payFen
  const capFen = list.budget.cap === null ? null : toFen(list.budget.cap)
  const overFen = capFen === null ? 0 : Math.max(0, usedFen - capFen)
  return {
    payCount,
    payAmount: toYuan(payFen),
    excludeCount,
    undecidedCount,
    usedAfter: toYuan(usedFen),
    remainingAfter: capFen === null ? null : toYuan(Math.max(0, capFen - usedFen)),
    over: toYuan(overFen),
    fits: overFen === 0,
  }
}

/** Shares of the cap for the budget bar: paid before, this batch (within the cap), over it. */
export function budgetBar(
  budget: PayoutList['budget'],
  summary: Pick<SelectionSummary, 'payAmount' | 'over'>,
): { used: number; adding: number; over: number } | undefined {
  if (budget.cap === null || budget.cap <= 0) return undefined
  const whole = budget.cap + summary.over
  const used = Math.min(budget.used, budget.cap)
  const adding = Math.max(0, Math.min(summary.payAmount, budget.cap - used))
  return { used: used / whole, adding: adding / whole, over: summary.over / whole }
}

export type SelectionProblem =
  | { kind: 'empty' }
  | { kind: 'flaggedPaid'; claimIds: string[] }
  | { kind: 'accountMissing'; claimIds: string[] }
  | { kind: 'reasonMissing'; claimIds: string[] }

/** What stops the batch before it is sent (the budget is the server's to refuse, with its numbers). */
export function selectionProblems(
  list: Pick<PayoutList, 'claims'>,
  decisions: Decisions,
): SelectionProblem[] {
  const problems: SelectionProblem[] = []
  const chosen = list.claims.filter((c) => (decisions[c.claimId]?.kind ?? 'undecided') !== 'undecided')
  if (chosen.length === 0) problems.push({ kind: 'empty' })
  const flaggedPaid = list.claims
    .filter((c) => !c.isEligible && decisions[c.claimId]?.kind === 'pay')
    .map((c) => c.claimId)
  if (flaggedPaid.length) problems.push({ kind: 'flaggedPaid', claimIds: flaggedPaid })
  const accountMissing = list.claims
    .filter((c) => c.isEligible && c.accountProblem && decisions[c.claimId]?.kind === 'pay')
    .map((c) => c.claimId)
  if (accountMissing.length) problems.push({ kind: 'accountMissing', claimIds: accountMissing })
  const reasonMissing = list.claims
    .filter((c) => {
      const d = decisions[c.claimId]
      return d?.kind === 'exclude' && d.reason.trim().length < REASON_MIN
    })
    .map((c) => c.claimId)
  if (reasonMissing.length) problems.push({ kind: 'reasonMissing', claimIds: reasonMissing })
  return problems
}

/**
 * The body of POST /benefits/items/{itemId}/payout-batches; undecided consents stay on the list. Each
 * paid claim names the account the head saw, so an account changed meanwhile is refused, not paid.
 */
export function batchBody(
  list: Pick<PayoutList, 'claims'>,
  decisions: Decisions,
  paidOn: string,
): PayoutBatchBody {
  const claimIds: string[] = []
  const exclusions: { claimId: string; reason: string }[] = []
  const accounts: { claimId: string; accountId: string }[] = []
  for (const c of list.claims) {
    const d = decisions[c.claimId]
    if (d?.kind === 'pay') {
      claimIds.push(c.claimId)
      if (c.account) accounts.push({ claimId: c.claimId, accountId: c.account.id })
    } else if (d?.kind === 'exclude') exclusions.push({ claimId: c.claimId, reason: d.reason.trim() })
  }
  return { paidOn, claimIds, exclusions, accounts }
}

/**
 * The server names refused claims by position (`claimIds.2`, `exclusions.0.claimId`); this puts each
 * message on the claim it means.
 */
export function fieldErrorsByClaim(
  body: Pick<PayoutBatchBody, 'claimIds' | 'exclusions'>,
  fields: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const paid = /^claimIds\.(\d+)$/.exec(path)
    const excluded = /^exclusions\.(\d+)\.(claimId|reason)$/.exec(path)
    const id = paid
      ? body.claimIds[Number(paid[1])]
      : excluded
        ? body.exclusions[Number(excluded[1])]?.claimId
        : undefined
    if (id) out[id] = out[id] ? `${out[id]} ${message}` : message
  }
  return out
}
