import { localDate } from '../../kernel/calendar/zoned-time'
import type { CapExemption, InspectionKind } from '../inspections'
import type { CapSettings, CapTier } from './inspection-caps.schema'

/**
 * The cap arithmetic, pure: which inspections count, which cap a plan would break, which enterprises
 * are inspected too often. The queries count; this decides (decision 0060).
 */

/**
 * Defaults (every number is a setting): A ≤ 1 per body, ≤ 2 in all; B ≤ 2 per body (咸宁) and ≤ 4;
 * C ≤ 3 and ≤ 6; D ≤ 6 and ≤ 12 — a high-risk enterprise is inspected more, yet not without limit.
 * An enterprise with no tier is not presumed risky nor trusted: it gets B's caps.
 */
export const DEFAULT_CAP_SETTINGS: CapSettings = {
  tiers: {
    A: { perBody: 1, total: 2 },
    B: { perBody: 2, total: 4 },
    C: { perBody: 3, total: 6 },
    D: { perBody: 6, total: 12 },
    unknown: { perBody: 2, total: 4 },
  },
  itemCaps: [],
  serviceVisitsPerQuarter: 2,
  jointWindowDays: 15,
  highFrequency: { shareOfCap: 0.8, count: 6 },
}

/** The documented exemptions: such an inspection is neither capped nor counted. */
export const DOCUMENTED_EXEMPTIONS: readonly CapExemption[] = [
  'complaint', // 投诉举报引发
  'assigned', // 上级交办
  'recheck', // 复查
  'own_request', // 企业自己申请
  'emergency', // 突发事件、重大风险
]

/** Neither capped nor counted: a re-check, or an inspection with a documented exemption. */
export function isCapExempt(kind: InspectionKind, exemption: CapExemption | null): boolean {
  return kind === 'recheck' || (exemption !== null && DOCUMENTED_EXEMPTIONS.includes(exemption))
}

/** The tier a fact's value gives; anything else (no fact, a withdrawn value) is 'unknown'. */
export function tierOf(value: string | null | undefined): CapTier {
  return value === 'A' || value === 'B' || value === 'C' || value === 'D' ? value : 'unknown'
}

/** The calendar year of a city date: [1 January, next 1 January). */
export function yearRange(cityDate: string): { from: string; to: string } {
  const year = Number(cityDate.slice(0, 4))
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` }
}

/** The calendar quarter of a city date: [its first day, the next quarter's first day). */
export function quarterRange(cityDate: string): { from: string; to: string } {
  const year = Number(cityDate.slice(0, 4))
  const first = Math.floor((Number(cityDate.slice(5, 7)) - 1) / 3) * 3 + 1
  const next = first + 3
  const pad = (m: number) => String(m).padStart(2, '0')
  return {
    from: `${year}-${pad(first)}-01`,
    to: next > 12 ? `${year + 1}-01-01` : `${year}-${pad(next)}-01`,
  }
}

/** The cap year of an instant is the city's year: 31 Dec 23:30 in Beijing is still that year. */
export function capYearOf(instant: Date, timeZone: string): number {
  return Number(localDate(instant, timeZone).slice(0, 4))
}

/** What is already on the enterprise's record for the plan's year (or quarter, for visits). */
export type CapCounts = {
  /** counted inspections by the plan's body this year */
  body: number
  /** counted inspections by all bodies this year, a joint visit once */
  total: number
  /** counted inspections under each of the plan's capped items this year */
  items: ReadonlyMap<string, number>
  /** service visits this quarter (not exempt) */
  serviceVisits: number
}

export type CapKind = 'per_body' | 'total' | 'item' | 'service_visit'
export type CapBreach = { cap: CapKind; count: number; limit: number; itemId?: string }

/**
 * The first cap one more inspection would break, or null. A service visit answers only to the
 * contact cap; an inspection to its body's cap, the total cap and each item cap of its items.
 * Exempt plans are never passed here.
 */
export function findCapBreach(input: {
  settings: CapSettings
  tier: CapTier
  kind: InspectionKind
  itemIds: readonly string[]
  counts: CapCounts
}): CapBreach | null {
  const { settings, counts } = input
  if (input.kind === 'service_visit') {
    const limit = settings.serviceVisitsPerQuarter
    return counts.serviceVisits >= limit ? { cap: 'service_visit', count: counts.serviceVisits, limit } : null
  }
  const tier = settings.tiers[input.tier]
  if (counts.body >= tier.perBody) return { cap: 'per_body', count: counts.body, limit: tier.perBody }
  if (counts.total >= tier.total) return { cap: 'total', count: counts.total, limit: tier.total }
  for (const { itemId, perYear } of settings.itemCaps) {
    if (!input.itemIds.includes(itemId)) continue
    const count = counts.items.get(itemId) ?? 0
    if (count >= perYear) return { cap: 'item', count, limit: perYear, itemId }
  }
  return null
}

/** The item caps that concern a plan's items (only those are counted). */
export function cappedItemsOf(settings: CapSettings, itemIds: readonly string[]): string[] {
  return settings.itemCaps.filter((c) => itemIds.includes(c.itemId)).map((c) => c.itemId)
}

export type HighFrequencyReason = 'near_total_cap' | 'over_body_cap' | 'over_total_cap' | 'count'

/**
 * Why an enterprise's year is flagged to the bureau, or [] when it is not: its counted inspections
 * reach the share of its total cap (80 %), a body or the total went over (granted exemptions), or
 * all its inspections, exempt ones too, reach the count — the burden on the enterprise is the same.
 */
export function highFrequencyReasons(input: {
  settings: CapSettings
  tier: CapTier
  counted: number
  all: number
  busiestBodyCount: number
}): HighFrequencyReason[] {
  const tier = input.settings.tiers[input.tier]
  const { shareOfCap, count } = input.settings.highFrequency
  const reasons: HighFrequencyReason[] = []
  if (input.counted > tier.total) reasons.push('over_total_cap')
  else if (input.counted > 0 && input.counted >= shareOfCap * tier.total) reasons.push('near_total_cap')
  if (input.busiestBodyCount > tier.perBody) reasons.push('over_body_cap')
  if (input.all >= count) reasons.push('count')
  return reasons
}
