import type { IndicatorUnit } from './benchmark-catalogue'
import type { ComputedPart } from './benchmark-registry'

/**
 * The pure arithmetic of benchmarks (docs/METRICS.md "Benchmarks"): a value from its parts, the best
 * benchmark city, our gap to it and the trend. No database, no clock: table-tested.
 */

export type Better = 'higher' | 'lower'

/** A value rounded for display and comparison: two decimals is finer than any source publishes. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100
}

/** numerator ÷ denominator (×100 for a percent), or null when there is nothing to divide by. */
export function valueOf(parts: Pick<ComputedPart, 'numerator' | 'denominator'>[], unit: IndicatorUnit) {
  let numerator = 0
  let denominator = 0
  for (const p of parts) {
    numerator += p.numerator
    denominator += p.denominator
  }
  if (denominator === 0) return null
  return round2(((unit === 'percent' ? 100 : 1) * numerator) / denominator)
}

export type CityValue = { city: string; year: number; value: number }

/**
 * Each city's latest value of a year up to `year` (published figures lag a year or more), then the
 * best of them: the highest or the lowest. Ties go to the more recent year, then the city's name.
 */
export function bestOf<T extends CityValue>(values: T[], year: number, better: Better): T | null {
  const latest = new Map<string, T>()
  for (const v of values) {
    if (v.year > year) continue
    const seen = latest.get(v.city)
    if (!seen || v.year > seen.year) latest.set(v.city, v)
  }
  let best: T | null = null
  for (const v of latest.values()) {
    if (!best) best = v
    else {
      const d = better === 'higher' ? v.value - best.value : best.value - v.value
      if (d > 0 || (d === 0 && (v.year > best.year || (v.year === best.year && v.city < best.city)))) best = v
    }
  }
  return best
}

export type Standing = 'leading' | 'level' | 'behind'
export type Gap = { absolute: number; relative: number | null; standing: Standing }

/**
 * How far we are from the best, counted in the direction that is better: positive = behind by that
 * much, negative = ahead. `relative` is the gap over the best's magnitude (null when the best is 0).
 */
export function gapOf(ours: number | null, best: number | null, better: Better): Gap | null {
  if (ours === null || best === null) return null
  const absolute = round2(better === 'higher' ? best - ours : ours - best)
  const relative = best === 0 ? null : Math.round((absolute / Math.abs(best)) * 10_000) / 10_000
  const standing: Standing = absolute > 0 ? 'behind' : absolute < 0 ? 'leading' : 'level'
  return { absolute, relative, standing }
}

export type Trend = { change: number; direction: 'improving' | 'worsening' | 'flat' }

/** The change from the earlier value to the later one, and whether that is better or worse. */
export function trendOf(earlier: number | null, later: number | null, better: Better): Trend | null {
  if (earlier === null || later === null) return null
  const change = round2(later - earlier)
  if (change === 0) return { change, direction: 'flat' }
  const improving = better === 'higher' ? change > 0 : change < 0
  return { change, direction: improving ? 'improving' : 'worsening' }
}

/** The months of a year, 'YYYY-01' … 'YYYY-12'. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
}
