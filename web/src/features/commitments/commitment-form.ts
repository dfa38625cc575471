import type { CreateCommitmentInput } from '@server/modules/commitments/commitments.schema'
import { ApiError } from '../../app/api'
import { yuanToFen } from './commitments.api'

/**
 * The pure part of the console's commitment forms: what a typed amount or rate means, the body the
 * API takes (integer fen, annual basis points), the server's field names as the form's, and the sums
 * of a repayment plan. No React, so the unit tests read it directly.
 */

export type CommitmentKind = CreateCommitmentInput['kind']
export type OwnerRole = CreateCommitmentInput['ownerRole']

/** Fen as the plain yuan text a form field holds: 2000000 → "20000.00" (no separators, no unit). */
export function fenToYuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/**
 * An annual rate typed in percent ("3.1", "18.25") as basis points (310, 1825), by integer
 * arithmetic; null when it is not a number with at most two decimals or is over 1000 %.
 */
export function percentToBp(text: string): number | null {
  const m = /^\s*(\d{1,4})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text)
  if (!m) return null
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bp <= 100_000 ? bp : null
}

/** Basis points as a percent for reading: 1825 → "18.25", 310 → "3.1". */
export function bpToPercentText(bp: number): string {
  const cents = String(bp % 100).padStart(2, '0')
  const decimals = cents.replace(/0+$/, '')
  return decimals ? `${Math.trunc(bp / 100)}.${decimals}` : String(Math.trunc(bp / 100))
}

/** What the register form holds, with its dates already as 'YYYY-MM-DD'. */
export type CommitmentFormValues = {
  kind: CommitmentKind
  enterpriseId: string
  departmentId: string
  ownerRole: OwnerRole
  title: string
  obligation: string
  dueOn?: string
  acceptedOn?: string
  amount?: string
  disputed?: string
  paymentTermDays?: number | null
  isLargeBuyer?: boolean
  agreedRate?: string
  floorRate?: string
}

/** The form's fields the API names differently (money in fen, rates in basis points). */
export const API_TO_FORM_FIELD: Readonly<Record<string, string>> = {
  amountFen: 'amount',
  disputedFen: 'disputed',
  agreedRateBp: 'agreedRate',
  floorRateBp: 'floorRate',
}

const isBlank = (text: string | undefined) => text === undefined || text.trim() === ''

/**
 * The body of POST /commitments. A payable sends its money, acceptance day, term and rates; a promise
 * or contract its delivery day only (the API keeps no amount for them). Blank optional fields are
 * left out so the API applies its defaults (30 days; the statutory 0.05 % a day). The caller has
 * checked the amounts and rates parse (see `isYuan`, `isPercent`).
 */
export function toCreateBody(v: CommitmentFormValues): CreateCommitmentInput {
  const common = {
    kind: v.kind,
    enterpriseId: v.enterpriseId,
    departmentId: v.departmentId,
    ownerRole: v.ownerRole,
    title: v.title.trim(),
    obligation: v.obligation.trim(),
  }
  if (v.kind !== 'payable') return { ...common, ...(v.dueOn ? { dueOn: v.dueOn } : {}) }
  const body: CreateCommitmentInput = { ...common }
  const amountFen = isBlank(v.amount) ? null : yuanToFen(v.amount!)
  if (amountFen !== null) body.amountFen = amountFen
  const disputedFen = isBlank(v.disputed) ? null : yuanToFen(v.disputed!)
  if (disputedFen !== null && disputedFen > 0) body.disputedFen = disputedFen
  if (v.acceptedOn) body.acceptedOn = v.acceptedOn
  if (v.paymentTermDays !== undefined && v.paymentTermDays !== null) body.paymentTermDays = v.paymentTermDays
  if (v.isLargeBuyer) body.isLargeBuyer = true
  const agreedRateBp = isBlank(v.agreedRate) ? null : percentToBp(v.agreedRate!)
  if (agreedRateBp !== null) body.agreedRateBp = agreedRateBp
  const floorRateBp = isBlank(v.floorRate) ? null : percentToBp(v.floorRate!)
  if (floorRateBp !== null) body.floorRateBp = floorRateBp
  return body
}

/** Blank, or yuan with at most two decimals. */
export const isYuan = (text: string | undefined) => isBlank(text) || yuanToFen(text!) !== null
/** Blank, or an annual percent with at most two decimals. */
export const isPercent = (text: string | undefined) => isBlank(text) || percentToBp(text!) !== null

/**
 * The same API error with its field names as the form's: each segment of a path named in `names` is
 * renamed (`amountFen` → `amount`, `instalments.1.amountFen` → `instalments.1.amount`); a whole path
 * mapped to null is dropped (its message stays in the error's own text, shown above the form).
 */
export function renameApiFields(error: unknown, names: Readonly<Record<string, string | null>>): unknown {
  if (!(error instanceof ApiError)) return error
  const fields: Record<string, string> = {}
  for (const [path, message] of Object.entries(error.fields)) {
    if (names[path] === null) continue
    const renamed = path.split('.').map((segment) => names[segment] ?? segment)
    fields[renamed.join('.')] = message
  }
  return new ApiError(error.status, error.code, error.message, fields)
}

// ── repayment plans ──────────────────────────────────────────────────────────

/** One instalment as the plan form holds it (the amount still as typed). */
export type InstalmentDraft = { dueOn?: string; amount?: string }

/**
 * Where a plan stands against the principal still owed: the sum of the amounts that parse, what is
 * left to place (negative: too much), and whether it can be sent (every row dated and a valid amount
 * over zero, the sum exactly the principal).
 */
export function planTotals(
  instalments: readonly (InstalmentDraft | undefined)[],
  outstandingFen: number,
): { totalFen: number; remainderFen: number; isComplete: boolean } {
  let totalFen = 0
  let isEveryRowValid = instalments.length > 0
  for (const row of instalments) {
    const fen = row?.amount ? yuanToFen(row.amount) : null
    if (fen === null || fen === 0 || !row?.dueOn) isEveryRowValid = false
    totalFen += fen ?? 0
  }
  const remainderFen = outstandingFen - totalFen
  return { totalFen, remainderFen, isComplete: isEveryRowValid && remainderFen === 0 }
}

/** The principal split into `count` amounts that add up exactly: whole fen, the odd fen on the last. */
export function splitEvenly(totalFen: number, count: number): number[] {
  if (count < 1) return []
  const share = Math.floor(totalFen / count)
  return Array.from({ length: count }, (_, n) => (n === count - 1 ? totalFen - share * (count - 1) : share))
}

/** The day one month after an ISO date, clamped to the month's last day (01-31 → 02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** The body of POST /commitments/{id}/repayment-plan from a complete plan, in date order. */
export function toPlanBody(version: number, instalments: readonly InstalmentDraft[]) {
  return {
    version,
    instalments: instalments
      .map((i) => ({ dueOn: i.dueOn!, amountFen: yuanToFen(i.amount!)! }))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  }
}
