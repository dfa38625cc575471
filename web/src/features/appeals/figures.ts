import { formatPercent } from '../../ui/format'
import type { FiguresRow } from './appeals.api'

export { formatPercent }
export { ratingShares, ratingTotal } from '../../ui/ratings'

/** The rates of a figures row, in the order the tables show them (docs/METRICS.md). */
export const RATE_KEYS = [
  'response',
  'resolution',
  'satisfaction',
  'ratingCoverage',
  'reopen',
  'bounce',
  'onTime',
  'coHandling',
] as const
export type RateKey = (typeof RATE_KEYS)[number]
export type Rate = FiguresRow[RateKey]

/** "87.5% (7/8)": the share and the raw numbers behind it; "—" when nothing was counted. */
export function formatRate(rate: Rate): string {
  if (rate.value === null || rate.denominator === 0) return `— (${rate.numerator}/${rate.denominator})`
  return `${formatPercent(rate.value)} (${rate.numerator}/${rate.denominator})`
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : (Math.round(score * 10) / 10).toFixed(1)
}

/** This month, first to last day (both shown and picked inclusive), as the figures page opens with. */
export function thisMonth(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` }
}

/**
 * The API's `to` is exclusive (docs/METRICS.md: from inclusive, to exclusive); people pick the last
 * day they mean. This is the day after.
 */
export function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}

export function monthOf(date: string): string {
  return date.slice(0, 7)
}
