import type { IndicatorRow } from './benchmarks.api'

/**
 * How a benchmark value reads: the number with at most two decimals and its unit ("95%", "1.5 个工作日").
 * `unitText` is the unit's word in the reader's language (messages: benchmarks.unit.*).
 */
export function formatValue(value: number | null, unit: IndicatorRow['unit'], unitText: string): string {
  if (value === null) return '—'
  const number = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
  return unit === 'percent' ? `${number}%` : `${number} ${unitText}`
}

/** A signed change: "+2.5" or "−0.8" (a real minus sign), "0" when flat. */
export function formatChange(change: number): string {
  if (change === 0) return '0'
  const magnitude = String(Math.round(Math.abs(change) * 100) / 100)
  return change > 0 ? `+${magnitude}` : `−${magnitude}`
}

/** The relative gap as a percentage of the best: "behind by 47.4%" reads from 0.4737. */
export function formatRelative(relative: number | null): string {
  if (relative === null) return '—'
  const percent = Math.round(Math.abs(relative) * 1000) / 10
  return `${percent}%`
}

/** The indicators furthest behind the best, relatively: what the cockpit card lists first. */
export function furthestBehind(rows: IndicatorRow[], count: number): IndicatorRow[] {
  return rows
    .filter((r) => r.gap?.standing === 'behind' && r.gap.relative !== null)
    .sort((a, b) => (b.gap!.relative ?? 0) - (a.gap!.relative ?? 0))
    .slice(0, count)
}
