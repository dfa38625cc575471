import type { DurationUnit } from './ast'

/**
 * Dates in rules are calendar days ('YYYY-MM-DD'), compared as day numbers so the same rule gives
 * the same answer in any time zone. "One year after 2024-02-29" is 2025-02-28: month arithmetic
 * clamps to the last day of the month, as people count anniversaries.
 */
const DAY_MS = 86_400_000

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const back = new Date(Date.UTC(y, mo - 1, d))
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(value: string): number {
  return Math.round(
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / DAY_MS,
  )
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** day ± a duration, on day numbers. */
export function addDuration(day: number, amount: number, unit: DurationUnit): number {
  if (unit === 'day') return day + amount
  const date = new Date(day * DAY_MS)
  const months = unit === 'year' ? amount * 12 : amount
  const whole = Math.trunc(months)
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth() + whole
  const target = new Date(Date.UTC(y, m, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay))
  return Math.round(target.getTime() / DAY_MS)
}

/** Whole years from `from` to `to`: the most n with from + n years ≤ to (consistent with addDuration). */
export function wholeYearsBetween(from: number, to: number): number {
  let years = new Date(to * DAY_MS).getUTCFullYear() - new Date(from * DAY_MS).getUTCFullYear()
  if (addDuration(from, years, 'year') > to) years--
  return years
}
