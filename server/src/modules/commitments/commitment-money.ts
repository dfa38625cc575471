import { addDays, daysBetween } from '../../kernel/calendar/zoned-time'

/**
 * The money of the government's word (保障中小企业款项支付条例, 2025): payment terms, the undisputed
 * part, overdue interest accrued day by day, partial payments. Pure: no clock, no database.
 *
 * Amounts are integer fen (bigint-safe arithmetic through BigInt: fen × rate × days overflows 2^53 for
 * large contracts). Rates are annual basis points, so one denominator serves every rate: interest for
 * `days` days on `fen` at `bp` a year is fen × bp × days / (10000 × 365). The statutory default of
 * 0.05 % a day is exactly 1825 bp a year (0.0005 × 365 × 10000), so it needs no second formula.
 * The sweep's SQL (commitments.queries.ts) uses the same formula; a test holds them together.
 */

/** 30 days from delivery/acceptance, unless agreed otherwise (Art. 9). */
export const DEFAULT_PAYMENT_TERM_DAYS = 30
/** A large buyer may agree up to 60 days; nobody may agree more (Art. 9). */
export const LARGE_BUYER_MAX_TERM_DAYS = 60
/** 0.05 % a day when no rate was agreed (Art. 15), as annual basis points. */
export const STATUTORY_RATE_BP = 1825
/** fen × bp × days over this gives fen: 10000 bp × 365 days. */
export const INTEREST_DENOMINATOR = 3_650_000n

export type TermRefusal = 'PAYMENT_TERM_OVER_MAXIMUM'
export type RateRefusal = 'INTEREST_BELOW_FLOOR'

/** The longest term a buyer may agree: 60 days for a large buyer, 30 for everyone else. */
export function maxPaymentTermDays(isLargeBuyer: boolean): number {
  return isLargeBuyer ? LARGE_BUYER_MAX_TERM_DAYS : DEFAULT_PAYMENT_TERM_DAYS
}

/** The term to use: the default when none is agreed, a refusal when it exceeds the legal maximum. */
export function checkPaymentTerm(
  agreedDays: number | null | undefined,
  isLargeBuyer: boolean,
): { ok: true; days: number } | { ok: false; refusal: TermRefusal; maxDays: number } {
  const days = agreedDays ?? DEFAULT_PAYMENT_TERM_DAYS
  const maxDays = maxPaymentTermDays(isLargeBuyer)
  return days > maxDays ? { ok: false, refusal: 'PAYMENT_TERM_OVER_MAXIMUM', maxDays } : { ok: true, days }
}

/**
 * The rate that applies: the agreed rate, which may not be below the agreed floor (the one-year LPR at
 * signing); none agreed: the statutory 0.05 % a day.
 */
export function effectiveRate(
  agreedRateBp: number | null | undefined,
  floorRateBp: number | null | undefined,
): { ok: true; rateBp: number } | { ok: false; refusal: RateRefusal; floorBp: number } {
  if (agreedRateBp === null || agreedRateBp === undefined) return { ok: true, rateBp: STATUTORY_RATE_BP }
  if (floorRateBp !== null && floorRateBp !== undefined && agreedRateBp < floorRateBp)
    return { ok: false, refusal: 'INTEREST_BELOW_FLOOR', floorBp: floorRateBp }
  return { ok: true, rateBp: agreedRateBp }
}

/** The day a payable falls due: the acceptance day plus the term (calendar days, as the statute counts). */
export function payableDueOn(acceptedOn: string, termDays: number): string {
  return addDays(acceptedOn, termDays)
}

/** The part that is due whatever the dispute: the amount less the disputed part (never below 0). */
export function undisputedFen(amountFen: number, disputedFen: number): number {
  return Math.max(0, amountFen - disputedFen)
}

/** Half-up division of a non-negative numerator by the interest denominator, as a number of fen. */
export function toFen(numerator: bigint): number {
  return Number((numerator * 2n + INTEREST_DENOMINATOR) / (2n * INTEREST_DENOMINATOR))
}

/**
 * Where the ledger of one payable stands: its unpaid undisputed principal, the interest numerator
 * accrued so far and the day from which it accrues further. The row keeps exactly these three, so a
 * sweep adds the days since `accrualFrom` without reading the payments again.
 */
export type AccrualState = { outstandingFen: number; interestNumerator: bigint; accrualFrom: string }

/** The state on the due day: everything undisputed outstanding, nothing accrued. */
export function initialAccrual(amountFen: number, disputedFen: number, dueOn: string): AccrualState {
  return { outstandingFen: undisputedFen(amountFen, disputedFen), interestNumerator: 0n, accrualFrom: dueOn }
}

/** The numerator accrued by `asOf`: the state's plus the outstanding's for the days since accrualFrom. */
export function accruedNumerator(state: AccrualState, rateBp: number, asOf: string): bigint {
  const days = Math.max(0, daysBetween(state.accrualFrom, asOf))
  return state.interestNumerator + BigInt(state.outstandingFen) * BigInt(rateBp) * BigInt(days)
}

/** Overdue interest in fen as of a day (the due day itself owes none; each day after owes one day's). */
export function interestAsOf(state: AccrualState, rateBp: number, asOf: string): number {
  return toFen(accruedNumerator(state, rateBp, asOf))
}

/**
 * A payment of principal on a day: accrues up to that day on the old outstanding, then lowers it.
 * Principal goes to the undisputed part first; more than is outstanding is the caller's refusal.
 * A payment before the due day accrues nothing and leaves interest to start from the due day.
 */
export function applyPayment(
  state: AccrualState,
  rateBp: number,
  paidOn: string,
  principalFen: number,
): AccrualState {
  const isLate = daysBetween(state.accrualFrom, paidOn) > 0
  return {
    outstandingFen: Math.max(0, state.outstandingFen - principalFen),
    interestNumerator: isLate ? accruedNumerator(state, rateBp, paidOn) : state.interestNumerator,
    accrualFrom: isLate ? paidOn : state.accrualFrom,
  }
}

/** Replays payments in date order from the due day: the reference the sweep's SQL must agree with. */
export function replayPayments(
  payable: { amountFen: number; disputedFen: number; dueOn: string; rateBp: number },
  payments: readonly { paidOn: string; principalFen: number }[],
): AccrualState {
  const sorted = [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn))
  return sorted.reduce(
    (state, p) => applyPayment(state, payable.rateBp, p.paidOn, p.principalFen),
    initialAccrual(payable.amountFen, payable.disputedFen, payable.dueOn),
  )
}
