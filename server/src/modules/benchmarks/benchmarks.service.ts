import { writeAudit } from '../../kernel/audit/audit'
import { hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { cityToday } from '../../kernel/calendar/city-today'
import { zonedInstant } from '../../kernel/calendar/zoned-time'
import { cityProfile } from '../../kernel/city'
import { currentLocale } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { definePresenter } from '../../kernel/present'
import { INDICATORS, indicatorOf, NATIONAL_INDICATORS, type IndicatorDefinition } from './benchmark-catalogue'
import { bestOf, gapOf, monthsOfYear, round2, trendOf, valueOf } from './benchmark-gaps'
import { formulaOf, type ComputedPart } from './benchmark-registry'
import * as q from './benchmarks.queries'
import type {
  Benchmarks,
  BenchmarksInput,
  CityValue,
  EnterOurValueInput,
  IndicatorRow,
  OurEntry,
  SaveCityValueInput,
} from './benchmarks.schema'
import './benchmarks.messages'

/**
 * Benchmarks (对标; issue 14 item 7; docs/METRICS.md "Benchmarks"): per indicator our value of a year
 * — computed from the platform's cases, or entered by the bureau with its source — beside the
 * benchmark cities' values, the best of them, our gap and the trend. The bureau leader and the admin
 * enter values; the task force and department heads read; enterprises see nothing.
 */

const READERS = ['bureau_leader', 'admin', 'dispatcher', 'department_head'] as const
const EDITORS = ['bureau_leader', 'admin'] as const

const presentSource = (row: q.EntryRow | q.CityValueRow) => ({
  organisation: row.source_organisation,
  document: row.source_document,
  date: row.source_date,
  note: row.note,
  enteredAt: row.entered_at.toISOString(),
})
const presentCityFields = definePresenter({
  id: 'id',
  city: 'city',
  year: 'year',
  value: 'value',
  isDemo: 'is_demo',
})
const presentEntryFields = definePresenter({ id: 'id', year: 'year', month: 'month', value: 'value' })

function presentCityValue(row: q.CityValueRow): CityValue {
  return { ...presentCityFields(row), source: presentSource(row) }
}
function presentEntry(row: q.EntryRow): OurEntry {
  return { ...presentEntryFields(row), source: presentSource(row) }
}

function monthStart(deps: AppDeps, month: string): Date {
  return zonedInstant(`${month}-01`, 0, deps.config.timeZone)
}

/** Refuses a year after the city's current year (VALIDATION_FAILED on `year`). */
function checkYear(year: number, today: string) {
  if (year > Number(today.slice(0, 4)))
    throw new AppError('VALIDATION_FAILED', { fields: { year: translate('benchmarks.futureYear') } })
}

/** The catalogued indicator of an entry, its value in range, its source not dated in the future. */
function checkEntry(
  input: { indicatorKey: string; year: number; value: number; sourceDate: string; month?: number | null },
  today: string,
): IndicatorDefinition {
  const indicator = indicatorOf(input.indicatorKey)
  if (!indicator)
    throw new AppError('BENCHMARK_INDICATOR_UNKNOWN', {
      fields: { indicatorKey: translate('benchmarks.unknownIndicator') },
    })
  checkYear(input.year, today)
  const fields: Record<string, string> = {}
  const [min, max] = indicator.range
  if (input.value < min || input.value > max)
    throw new AppError('BENCHMARK_VALUE_OUT_OF_RANGE', {
      fields: {
        value: translate('benchmarks.range', {
          min,
          max,
          unit: translate(`benchmarks.unit.${indicator.unit}`),
        }),
      },
    })
  if (input.month && `${input.year}-${String(input.month).padStart(2, '0')}` > today.slice(0, 7))
    fields.month = translate('benchmarks.futureMonth')
  if (input.sourceDate > today) fields.sourceDate = translate('benchmarks.futureSourceDate')
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  return indicator
}

/** Computed parts per month of [Jan of year − 1, the end of the year or of this month if sooner). */
async function computedParts(deps: AppDeps, year: number, now: Date) {
  const today = cityToday(deps, now)
  const from = monthStart(deps, `${year - 1}-01`)
  const thisMonthEnd = monthStart(deps, addMonth(today.slice(0, 7)))
  const yearEnd = monthStart(deps, `${year + 1}-01`)
  const to = thisMonthEnd < yearEnd ? thisMonthEnd : yearEnd
  const period = { from, to, timeZone: deps.config.timeZone }
  const computed = new Map<string, ComputedPart[]>()
  await Promise.all(
    INDICATORS.map(async (i) => {
      const formula = formulaOf(i.key)
      if (formula) computed.set(i.key, from < to ? await formula(deps, period) : [])
    }),
  )
  return computed
}

function addMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

function rowOf(
  indicator: IndicatorDefinition,
  year: number,
  parts: ComputedPart[] | undefined,
  entries: q.EntryRow[],
  cityRows: q.CityValueRow[],
): IndicatorRow {
  const key = indicator.key
  const months = monthsOfYear(year)
  let ours: number | null
  let previousYear: number | null
  let oursEntry: OurEntry | null = null
  let oursParts: IndicatorRow['oursParts'] = null
  let series: IndicatorRow['months']
  if (parts) {
    const ofYear = parts.filter((p) => p.month.startsWith(`${year}-`))
    ours = valueOf(ofYear, indicator.unit)
    previousYear = valueOf(
      parts.filter((p) => p.month.startsWith(`${year - 1}-`)),
      indicator.unit,
    )
    oursParts = {
      numerator: round2(ofYear.reduce((s, p) => s + p.numerator, 0)),
      denominator: round2(ofYear.reduce((s, p) => s + p.denominator, 0)),
    }
    series = months.map((month) => ({
      month,
      value: valueOf(
        ofYear.filter((p) => p.month === month),
        indicator.unit,
      ),
    }))
  } else {
    // like a benchmark city's, our entered value is the latest published up to the year (evaluations lag)
    const mine = entries.filter((e) => e.indicator_key === key)
    const yearEntry = mine
      .filter((e) => e.month === null && e.year <= year)
      .reduce<q.EntryRow | null>((latest, e) => (!latest || e.year > latest.year ? e : latest), null)
    oursEntry = yearEntry ? presentEntry(yearEntry) : null
    ours = yearEntry?.value ?? null
    previousYear = yearEntry
      ? (mine.find((e) => e.year === yearEntry.year - 1 && e.month === null)?.value ?? null)
      : null
    series = months.map((month, i) => ({
      month,
      value: mine.find((e) => e.year === year && e.month === i + 1)?.value ?? null,
    }))
  }
  const cities = cityRows.filter((c) => c.indicator_key === key)
  const latest = new Map<string, q.CityValueRow>()
  for (const c of cities) if (!latest.has(c.city)) latest.set(c.city, c) // newest first per city
  const best = bestOf(cities, year, indicator.better)
  return {
    key,
    name: translate(`benchmarks.indicator.${key}`),
    formula: translate(`benchmarks.formula.${key}`),
    national: { key: indicator.national, name: translate(`benchmarks.national.${indicator.national}`) },
    bready: indicator.bready && {
      topic: indicator.bready.topic,
      topicName: translate(`benchmarks.bready.topic.${indicator.bready.topic}`),
      pillar: indicator.bready.pillar,
      pillarName: translate(`benchmarks.bready.pillar.${indicator.bready.pillar}`),
    },
    unit: indicator.unit,
    better: indicator.better,
    range: [indicator.range[0], indicator.range[1]],
    kind: parts ? 'computed' : 'entered',
    note: parts ? '' : translate(`benchmarks.source.${key}`),
    ours,
    oursEntry,
    oursParts,
    previousYear,
    trend: trendOf(previousYear, ours, indicator.better),
    months: series,
    cities: [...latest.values()].map(presentCityValue),
    best: best && presentCityValue(best),
    gap: gapOf(ours, best?.value ?? null, indicator.better),
  }
}

/** The table of a year. Refuses: FORBIDDEN (enterprises, handlers, inspectors), VALIDATION_FAILED (a year to come). */
export async function readBenchmarks(
  deps: AppDeps,
  actor: Actor,
  input: BenchmarksInput,
): Promise<Benchmarks> {
  const user = requireRole(actor, ...READERS)
  const now = new Date()
  checkYear(input.year, cityToday(deps, now))
  const [computed, entries, cityRows] = await Promise.all([
    computedParts(deps, input.year, now),
    q.findEntriesUpTo(deps.readDb, input.year),
    q.findCityValuesUpTo(deps.readDb, input.year),
  ])
  const indicators = INDICATORS.map((i) => rowOf(i, input.year, computed.get(i.key), entries, cityRows))
  const profile = cityProfile(deps.config.city)
  return {
    year: input.year,
    city: currentLocale() === 'en' ? profile.nameEn : profile.nameZh,
    canEdit: EDITORS.some((role) => hasRole(user, role)),
    indicators,
    national: NATIONAL_INDICATORS.map((key) => ({
      key,
      name: translate(`benchmarks.national.${key}`),
      indicators: INDICATORS.filter((i) => i.national === key).length,
    })),
    summary: {
      compared: indicators.filter((i) => i.gap).length,
      leading: indicators.filter((i) => i.gap && i.gap.standing !== 'behind').length,
      behind: indicators.filter((i) => i.gap?.standing === 'behind').length,
      improving: indicators.filter((i) => i.trend?.direction === 'improving').length,
      worsening: indicators.filter((i) => i.trend?.direction === 'worsening').length,
    },
  }
}

const sourceColumns = (input: {
  sourceOrganisation: string
  sourceDocument: string
  sourceDate: string
  note: string
}) => ({
  source_organisation: input.sourceOrganisation,
  source_document: input.sourceDocument,
  source_date: input.sourceDate,
  note: input.note,
})

/**
 * Enters (or replaces) our value of an entered indicator for a year or a month, with its source.
 * Refuses: FORBIDDEN (not the bureau leader or admin), BENCHMARK_INDICATOR_UNKNOWN,
 * BENCHMARK_INDICATOR_COMPUTED (the platform computes it), BENCHMARK_VALUE_OUT_OF_RANGE,
 * VALIDATION_FAILED (a year or month to come, a source dated in the future).
 */
export async function enterOurValue(
  deps: AppDeps,
  actor: Actor,
  input: EnterOurValueInput,
): Promise<OurEntry> {
  const user = requireRole(actor, ...EDITORS)
  const now = new Date()
  const indicator = checkEntry(input, cityToday(deps, now))
  if (formulaOf(indicator.key))
    throw new AppError('BENCHMARK_INDICATOR_COMPUTED', {
      fields: { indicatorKey: translate('benchmarks.computedIndicator') },
    })
  return deps.db.transaction().execute(async (tx) => {
    const key = { indicatorKey: indicator.key, year: input.year, month: input.month }
    const existing = await q.findEntry(tx, key)
    const values = { value: input.value, ...sourceColumns(input), entered_by: user.userId, entered_at: now }
    const row = existing
      ? await q.replaceEntry(tx, existing.id, values)
      : await q.insertEntry(tx, {
          indicator_key: indicator.key,
          year: input.year,
          month: input.month,
          ...values,
        })
    await writeAudit(tx, user, {
      action: existing ? 'benchmark_entry.replace' : 'benchmark_entry.enter',
      entityType: 'benchmark_entry',
      entityId: row.id,
      ...(existing ? { before: auditedEntry(existing) } : {}),
      after: auditedEntry(row),
    })
    return presentEntry(row)
  })
}

const auditedEntry = (row: q.EntryRow | q.CityValueRow) => ({
  indicatorKey: row.indicator_key,
  year: row.year,
  value: row.value,
  source: [row.source_organisation, row.source_document, row.source_date],
  ...('month' in row ? { month: row.month } : { city: row.city, isDemo: row.is_demo }),
})

/**
 * Saves a benchmark city's value of an indicator for a year (replacing that city's value of the year).
 * Refuses: FORBIDDEN, BENCHMARK_INDICATOR_UNKNOWN, BENCHMARK_VALUE_OUT_OF_RANGE, VALIDATION_FAILED.
 */
export async function saveCityValue(
  deps: AppDeps,
  actor: Actor,
  input: SaveCityValueInput,
): Promise<CityValue> {
  const user = requireRole(actor, ...EDITORS)
  const now = new Date()
  const indicator = checkEntry(input, cityToday(deps, now))
  return deps.db.transaction().execute(async (tx) => {
    const existing = await q.findCityValue(tx, {
      indicatorKey: indicator.key,
      city: input.city,
      year: input.year,
    })
    const values = {
      value: input.value,
      is_demo: input.isDemo,
      ...sourceColumns(input),
      entered_by: user.userId,
      entered_at: now,
    }
    const row = existing
      ? await q.replaceCityValue(tx, existing.id, values)
      : await q.insertCityValue(tx, {
          indicator_key: indicator.key,
          city: input.city,
          year: input.year,
          ...values,
        })
    await writeAudit(tx, user, {
      action: existing ? 'benchmark_city_value.replace' : 'benchmark_city_value.enter',
      entityType: 'benchmark_city_value',
      entityId: row.id,
      ...(existing ? { before: auditedEntry(existing) } : {}),
      after: auditedEntry(row),
    })
    return presentCityValue(row)
  })
}

/** Removes a benchmark city's value (a mistaken entry). Refuses: FORBIDDEN, NOT_FOUND. */
export async function deleteCityValue(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const user: UserActor = requireRole(actor, ...EDITORS)
  await deps.db.transaction().execute(async (tx) => {
    const existing = await q.findCityValueById(tx, id)
    if (!existing) throw notFound()
    await q.deleteCityValue(tx, id)
    await writeAudit(tx, user, {
      action: 'benchmark_city_value.delete',
      entityType: 'benchmark_city_value',
      entityId: id,
      before: auditedEntry(existing),
    })
  })
}
