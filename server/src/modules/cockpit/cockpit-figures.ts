import {
  FIGURE_KEYS,
  RATE_KEYS,
  type RateKey,
  type FigureKey,
  type Figures,
  type Rate,
  type Rates,
  type Snapshot,
} from './cockpit.schema'

/**
 * The cockpit's pure arithmetic (docs/METRICS.md "Cockpit and open data"): sums of monthly counts,
 * rates from two counts, the months of a period and the open data's CSV. No database, no clock.
 */
export const MAX_MONTHS = 24

export function emptyFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures
}

/** Counts from the database (possibly partial, possibly strings from numeric sums) as whole figures. */
export function toFigures(partial: Partial<Record<FigureKey, unknown>>): Figures {
  const out = emptyFigures()
  for (const k of FIGURE_KEYS) {
    const v = Number(partial[k] ?? 0)
    out[k] = Number.isFinite(v) ? v : 0
  }
  return out
}

export function addFigures(a: Figures, b: Figures): Figures {
  const out = emptyFigures()
  for (const k of FIGURE_KEYS) out[k] = round2(a[k] + b[k])
  return out
}

export function sumFigures(list: Figures[]): Figures {
  return list.reduce(addFigures, emptyFigures())
}

function round2(n: number) {
  return Math.round(n * 100) / 100
}

/** numerator ÷ denominator to four decimals; no value (null) when the denominator is 0. */
export function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    value: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
  }
}

/**
 * Each rate of docs/METRICS.md "Cockpit and open data" as the sums of counts above and below the line.
 * The ratings' rates divide by the given ratings (not excluded); default ratings are counted apart.
 */
const FORMULAS: Record<RateKey, [FigureKey[], FigureKey[]]> = {
  responseRate: [['appealsResponseMet'], ['appealsResponseDecided']],
  resolutionRate: [['appealsSolved'], ['appealsRated']],
  satisfactionRate: [['appealsSatisfied'], ['appealsRated']],
  onTimeRate: [['appealsOnTimeMet'], ['appealsOnTimeDecided']],
  reopenRate: [['appealsReopened'], ['appealsAnswered']],
  deemedAcceptedRate: [['applicationsDeemedAccepted'], ['applicationsReceived']],
  instantRate: [['applicationsInstant'], ['applicationsDecided']],
  zeroVisitRate: [['applicationsZeroVisit'], ['applicationsDecided']],
  earlyRate: [['applicationsEarly'], ['applicationsWithClock']],
  viewedShare: [['benefitPushesViewed'], ['benefitPushes']],
  approvedShare: [['benefitClaimsApproved'], ['benefitClaims']],
  ratingSatisfaction: [['ratingsLevel3', 'ratingsLevel4', 'ratingsLevel5'], ['ratingsGiven']],
  badShare: [['ratingsBad'], ['ratingsGiven']],
}

/** The counts a rate divides, for the formulas sheet and the dictionary: [numerator, denominator]. */
export function formulaOf(key: RateKey): [string, string] {
  const [n, d] = FORMULAS[key]
  return [n.join(' + '), d.join(' + ')]
}

export function deriveRates(f: Figures): Rates {
  const sum = (keys: FigureKey[]) => keys.reduce((s, k) => s + f[k], 0)
  return Object.fromEntries(
    RATE_KEYS.map((k) => [k, rate(sum(FORMULAS[k][0]), sum(FORMULAS[k][1]))]),
  ) as Rates
}

export function emptySnapshot(): Snapshot {
  return { appealsOverdue: 0, supervisionOpen: 0, supervisionEscalatedOpen: 0 }
}

/** The months from `from` to `to`, both included; null when `to` is before `from` or over the maximum. */
export function monthsOf(from: string, to: string, max = MAX_MONTHS): string[] | null {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  const count = (ty - fy) * 12 + (tm - fm) + 1
  if (!(count >= 1 && count <= max)) return null
  return Array.from({ length: count }, (_, i) => addMonths(from, i))
}

/** `YYYY-MM` moved by `n` months (negative: back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export type MonthRow = { month: string; departmentId: string | null; figures: Figures }

/** Merges partial rows (one per domain query) into one row per month and unit, months in order. */
export function mergeMonthRows(parts: MonthRow[]): MonthRow[] {
  const byKey = new Map<string, MonthRow>()
  for (const p of parts) {
    const key = `${p.month}|${p.departmentId ?? ''}`
    const seen = byKey.get(key)
    byKey.set(key, seen ? { ...seen, figures: addFigures(seen.figures, p.figures) } : p)
  }
  return [...byKey.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || (a.departmentId ?? '').localeCompare(b.departmentId ?? ''),
  )
}

// ── open data ────────────────────────────────────────────────────────────────────────────────────

/** `appealsOnTimeMet` → `appeals_on_time_met`: the open data's column names. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z0-9]/g, (c, i: number) => (i > 0 ? '_' : '') + c.toLowerCase())
}

/**
 * The open data's columns: an allow-list, and the only thing the rows are built from. A unit is an
 * organisation, never a person; every other column is a count or a sum.
 */
export const OPEN_DATA_COLUMNS: readonly string[] = [
  'month',
  'department_code',
  'department_name',
  ...FIGURE_KEYS.map(snakeCase),
]

export type OpenDataRow = Record<string, string | number | null>

export function openDataRows(
  rows: MonthRow[],
  departments: Map<string, { code: string | null; name: string }>,
): OpenDataRow[] {
  return rows.map((r) => {
    const unit = r.departmentId ? departments.get(r.departmentId) : undefined
    const out: OpenDataRow = {
      month: r.month,
      department_code: unit?.code ?? null,
      department_name: unit?.name ?? null,
    }
    for (const k of FIGURE_KEYS) out[snakeCase(k)] = r.figures[k]
    return Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c, out[c] ?? null]))
  })
}

/** RFC 4180 CSV with a UTF-8 BOM (Excel reads Chinese right); a text cell cannot start a formula. */
export function toCsv(columns: readonly string[], rows: OpenDataRow[]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return ''
    if (typeof v === 'number') return String(v)
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
