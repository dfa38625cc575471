/**
 * The pure arithmetic of a policy's effect: medians, rating distributions, and adding items up to
 * their policy. The service reads the counts; these turn them into figures.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return Math.round(value * 10) / 10
}

export type RatingDistribution = { '1': number; '2': number; '3': number; '4': number; '5': number }

export function ratingDistribution(levels: readonly number[]): RatingDistribution {
  const d: RatingDistribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }
  for (const level of levels) {
    const key = String(level) as keyof RatingDistribution
    if (key in d) d[key]++
  }
  return d
}

/** The share of ratings at fairly satisfied (3) or better, as the appeals' satisfaction rate counts it. */
export function satisfactionOf(d: RatingDistribution): number | null {
  const total = d['1'] + d['2'] + d['3'] + d['4'] + d['5']
  return total === 0 ? null : Math.round(((d['3'] + d['4'] + d['5']) / total) * 1000) / 1000
}

export type FunnelCounts = {
  matched: number
  pushed: number
  viewed: number
  consented: number
  applied: number
  approved: number
  rejected: number
  withdrawn: number
  excluded: number
  paid: number
  amountPaid: number
}

export const EMPTY_FUNNEL: FunnelCounts = {
  matched: 0,
  pushed: 0,
  viewed: 0,
  consented: 0,
  applied: 0,
  approved: 0,
  rejected: 0,
  withdrawn: 0,
  excluded: 0,
  paid: 0,
  amountPaid: 0,
}

export function addFunnels(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  const out = { ...a }
  for (const key of Object.keys(out) as (keyof FunnelCounts)[]) out[key] = a[key] + b[key]
  out.amountPaid = Math.round((a.amountPaid + b.amountPaid) * 100) / 100
  return out
}

export function addDistributions(a: RatingDistribution, b: RatingDistribution): RatingDistribution {
  return {
    '1': a['1'] + b['1'],
    '2': a['2'] + b['2'],
    '3': a['3'] + b['3'],
    '4': a['4'] + b['4'],
    '5': a['5'] + b['5'],
  }
}

/** A step of the funnel as a share of the one before (null when there is nothing to divide by). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 1000
}
