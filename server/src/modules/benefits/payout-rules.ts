/**
 * Money and the budget cap, in whole fen so that sums of amounts like 0.1 + 0.2 never drift.
 * Pure: the service passes what is already paid (read under the item's lock) and what it would add.
 */
export const toFen = (yuan: number): number => Math.round(yuan * 100)
export const toYuan = (fen: number): number => fen / 100

export function sumYuan(amounts: readonly number[]): number {
  return toYuan(amounts.reduce((sum, a) => sum + toFen(a), 0))
}

export type BudgetCheck =
  | { ok: true; cap: number | null; used: number; adding: number; remainingAfter: number | null }
  | { ok: false; cap: number; used: number; adding: number; over: number }

/** Whether paying `adding` on top of `used` stays within the item's cap (no cap: always). */
export function checkBudget(cap: number | null, used: number, adding: number): BudgetCheck {
  if (cap === null) return { ok: true, cap, used, adding, remainingAfter: null }
  const after = toFen(used) + toFen(adding)
  if (after > toFen(cap)) return { ok: false, cap, used, adding, over: toYuan(after - toFen(cap)) }
  return { ok: true, cap, used, adding, remainingAfter: toYuan(toFen(cap) - after) }
}

/** What is left of a cap after what is paid (null: no cap). Never below zero. */
export function budgetRemaining(cap: number | null, used: number): number | null {
  return cap === null ? null : toYuan(Math.max(0, toFen(cap) - toFen(used)))
}
