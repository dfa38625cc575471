import ExcelJS from 'exceljs'
import { departmentsWhere, hasRole, requireRole, type Actor } from '../../kernel/auth/actor'
import { localDate, zonedInstant } from '../../kernel/calendar/zoned-time'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { departmentScope } from '../departments'
import {
  addMonths,
  deriveRates,
  emptySnapshot,
  formulaOf,
  mergeMonthRows,
  monthsOf,
  OPEN_DATA_COLUMNS,
  openDataRows,
  sumFigures,
  toCsv,
  toFigures,
  type MonthRow,
} from './cockpit-figures'
import { problemClassSource } from './cockpit-hooks'
import * as q from './cockpit.queries'
import type { CaseRow, Scope } from './cockpit.queries'
import {
  FIGURE_KEYS,
  RATE_KEYS,
  type Cockpit,
  type CockpitCase,
  type CockpitCases,
  type CockpitCasesInput,
  type CockpitInput,
  type OpenDataMonth,
  type Snapshot,
} from './cockpit.schema'
import './cockpit.messages'

/**
 * The bureau's cockpit (issue 13 item 8; docs/METRICS.md "Cockpit and open data"): the city's figures
 * per month and unit for the bureau (leader, task force, admin), a department head's own units for
 * the head, and the cases behind every number under the same scope. The open data is the same counts
 * for closed months, per unit, with an allow-list of aggregate columns.
 */

/** 'all' for the bureau; the units a department head leads (and those under them). Refuses: FORBIDDEN. */
async function scopeOf(deps: AppDeps, actor: Actor): Promise<Scope> {
  const user = requireRole(actor, 'bureau_leader', 'dispatcher', 'admin', 'department_head')
  if (hasRole(user, 'bureau_leader') || hasRole(user, 'dispatcher') || hasRole(user, 'admin')) return 'all'
  return departmentScope(deps.db, departmentsWhere(user, 'department_head'))
}

function cityMonth(deps: AppDeps, instant: Date) {
  return localDate(instant, deps.config.timeZone).slice(0, 7)
}

function monthStart(deps: AppDeps, month: string) {
  return zonedInstant(`${month}-01`, 0, deps.config.timeZone)
}

function periodOf(input: CockpitInput): string[] {
  const months = monthsOf(input.from, input.to)
  if (!months) throw new AppError('VALIDATION_FAILED', { fields: { to: translate('cockpit.range') } })
  return months
}

/** The month rows of [first, last] counted live from the cases' own columns. */
async function countLive(deps: AppDeps, first: string, last: string, scope: Scope): Promise<MonthRow[]> {
  const p = {
    from: monthStart(deps, first),
    to: monthStart(deps, addMonths(last, 1)),
    timeZone: deps.config.timeZone,
    scope,
  }
  const read = deps.readDb
  const parts = await Promise.all([
    q.countAppeals(read, p),
    q.countApplications(read, p),
    q.countBenefits(read, p),
    q.countRatings(read, p),
    q.countSupervision(read, p),
  ])
  return mergeMonthRows(
    parts.flat().map(({ month, department_id, ...counts }) => ({
      month,
      departmentId: department_id,
      figures: toFigures(counts),
    })),
  )
}

/** Contiguous runs of months, so each run is one set of range queries. */
function runsOf(months: string[]): [string, string][] {
  const runs: [string, string][] = []
  for (const m of months) {
    const last = runs.at(-1)
    if (last && addMonths(last[1], 1) === m) last[1] = m
    else runs.push([m, m])
  }
  return runs
}

/**
 * The month rows of the period: closed months from the rollup where the job has written them, every
 * other month — the current one always — counted live. The current month is what a leader acts on
 * today: a case dispatched a minute ago is in its count and in the cases behind it alike (a rollup
 * minutes old showed one and not the other).
 */
async function monthRows(deps: AppDeps, months: string[], scope: Scope, now: Date) {
  const current = cityMonth(deps, now)
  const rolled = await q.findRolledUp(
    deps.readDb,
    months.filter((m) => m < current),
    scope,
  )
  const fromRollup: MonthRow[] = rolled.rows.map((r) => ({
    month: r.month,
    departmentId: r.department_id,
    figures: toFigures(typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures),
  }))
  const live = months.filter((m) => !rolled.months.includes(m))
  const counted = (await Promise.all(runsOf(live).map(([a, b]) => countLive(deps, a, b, scope)))).flat()
  return { rows: mergeMonthRows([...fromRollup, ...counted]), rolledUpMonths: rolled.months }
}

async function namesOf(deps: AppDeps, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((d): d is string => !!d))]
  const rows = await q.findDepartments(deps.readDb, unique)
  return new Map(rows.map((d) => [d.id, { code: d.code as string | null, name: d.name }]))
}

/** The cockpit of a period. Refuses: FORBIDDEN (not the bureau, not a head), VALIDATION_FAILED (range). */
export async function readCockpit(deps: AppDeps, actor: Actor, input: CockpitInput): Promise<Cockpit> {
  const scope = await scopeOf(deps, actor)
  const months = periodOf(input)
  const now = new Date()
  const [{ rows, rolledUpMonths }, snapshotRows, problemClasses] = await Promise.all([
    monthRows(deps, months, scope, now),
    q.countSnapshot(deps.readDb, now, scope),
    problemClassSource()?.(deps, { from: monthStart(deps, months[0]!), scope }) ?? Promise.resolve(null),
  ])
  const snapshots = new Map<string | null, Snapshot>(
    snapshotRows.map((s) => [
      s.department_id,
      {
        appealsOverdue: s.appeals_overdue,
        supervisionOpen: s.supervision_open,
        supervisionEscalatedOpen: s.supervision_escalated_open,
      },
    ]),
  )
  const byUnit = new Map<string | null, typeof rows>()
  for (const r of rows) byUnit.set(r.departmentId, [...(byUnit.get(r.departmentId) ?? []), r])
  for (const unit of snapshots.keys()) if (!byUnit.has(unit)) byUnit.set(unit, [])
  const names = await namesOf(deps, [...byUnit.keys()])
  const total = sumFigures(rows.map((r) => r.figures))
  const now_ = [...snapshots.values()].reduce(
    (a, b) => ({
      appealsOverdue: a.appealsOverdue + b.appealsOverdue,
      supervisionOpen: a.supervisionOpen + b.supervisionOpen,
      supervisionEscalatedOpen: a.supervisionEscalatedOpen + b.supervisionEscalatedOpen,
    }),
    emptySnapshot(),
  )
  const departments = [...byUnit.entries()].map(([id, list]) => {
    const figures = sumFigures(list.map((r) => r.figures))
    return {
      departmentId: id,
      departmentName: id ? (names.get(id)?.name ?? null) : null,
      figures,
      rates: deriveRates(figures),
      now: snapshots.get(id) ?? emptySnapshot(),
    }
  })
  departments.sort(
    (a, b) =>
      b.figures.appealsDispatched +
        b.figures.applicationsReceived -
        (a.figures.appealsDispatched + a.figures.applicationsReceived) ||
      (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh-CN'),
  )
  return {
    from: input.from,
    to: input.to,
    scope: scope === 'all' ? 'city' : 'departments',
    months,
    total: { figures: total, rates: deriveRates(total), now: now_ },
    trend: months.map((month) => {
      const figures = sumFigures(rows.filter((r) => r.month === month).map((r) => r.figures))
      return { month, figures, rates: deriveRates(figures) }
    }),
    departments,
    problemClasses,
    rolledUpMonths,
  }
}

const presentCase: (row: CaseRow) => CockpitCase = definePresenter({
  kind: 'kind',
  id: 'id',
  number: 'number',
  title: 'title',
  status: 'status',
  departmentId: 'department_id',
  departmentName: 'department_name',
  at: 'at',
  level: 'level',
})

const SNAPSHOT_METRICS = new Set(['appealsOverdue', 'supervisionOpen'])

/**
 * The cases behind one number ("why"): the same cohort and unit rules as the figure, under the
 * reader's scope — a department head lists only their units' cases.
 * Refuses: FORBIDDEN, VALIDATION_FAILED (a month figure without its month).
 */
export async function listCockpitCases(
  deps: AppDeps,
  actor: Actor,
  input: CockpitCasesInput,
): Promise<CockpitCases> {
  const scope = await scopeOf(deps, actor)
  const isSnapshot = SNAPSHOT_METRICS.has(input.metric)
  const first = input.month ?? input.from
  const last = input.month ?? input.to ?? input.from
  if (!isSnapshot && !(first && last))
    throw new AppError('VALIDATION_FAILED', { fields: { month: translate('cockpit.monthRequired') } })
  if (!isSnapshot && first && last && !monthsOf(first, last))
    throw new AppError('VALIDATION_FAILED', { fields: { to: translate('cockpit.range') } })
  const from = !isSnapshot && first ? monthStart(deps, first) : null
  const to = !isSnapshot && last ? monthStart(deps, addMonths(last, 1)) : null
  const page = await q.findDrillCases(
    deps.readDb,
    { metric: input.metric, from, to, now: new Date(), unit: input.departmentId ?? 'any' },
    scope,
    { limit: input.limit, offset: input.offset },
  )
  return { metric: input.metric, total: page.total, items: page.rows.map(presentCase) }
}

/** The cockpit of a period as an xlsx workbook: the trend, the units with raw numbers, the formulas. */
export async function cockpitWorkbook(deps: AppDeps, actor: Actor, input: CockpitInput): Promise<Uint8Array> {
  const cockpit = await readCockpit(deps, actor, input)
  const book = new ExcelJS.Workbook()
  const t = (key: string) => translate(`cockpit.figure.${key}`)
  const trend = book.addWorksheet(translate('cockpit.sheetTrend'))
  trend.addRow([translate('cockpit.month'), ...FIGURE_KEYS.map(t)])
  for (const m of cockpit.trend) trend.addRow([m.month, ...FIGURE_KEYS.map((k) => m.figures[k])])
  const units = book.addWorksheet(translate('cockpit.sheetDepartments'))
  units.addRow([
    translate('cockpit.department'),
    ...FIGURE_KEYS.map(t),
    ...RATE_KEYS.map((k) => translate(`cockpit.rate.${k}`)),
    translate('cockpit.figure.appealsOverdue'),
    translate('cockpit.figure.supervisionOpen'),
  ])
  for (const d of cockpit.departments)
    units.addRow([
      d.departmentName ?? translate('cockpit.noDepartment'),
      ...FIGURE_KEYS.map((k) => d.figures[k]),
      ...RATE_KEYS.map((k) => d.rates[k].value),
      d.now.appealsOverdue,
      d.now.supervisionOpen,
    ])
  const formulas = book.addWorksheet(translate('cockpit.sheetFormulas'))
  formulas.addRow([
    translate('cockpit.rateName'),
    translate('cockpit.numerator'),
    translate('cockpit.denominator'),
  ])
  for (const k of RATE_KEYS)
    formulas.addRow([
      translate(`cockpit.rate.${k}`),
      ...formulaOf(k).map((key) => translate(`cockpit.figure.${key}`)),
    ])
  for (const sheet of [trend, units, formulas]) sheet.getRow(1).font = { bold: true }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

// ── open data ────────────────────────────────────────────────────────────────────────────────────

/** The published months: every closed city month from the first with activity, newest first (at most 120). */
export async function openDataIndex(deps: AppDeps) {
  const first = await q.findFirstActivity(deps.readDb)
  const current = cityMonth(deps, new Date())
  const months: string[] = []
  if (first) {
    const start = cityMonth(deps, first)
    for (let m = addMonths(current, -1); m >= start && months.length < 120; m = addMonths(m, -1))
      months.push(m)
  }
  return {
    months: months.map((month) => ({
      month,
      json: `/api/v1/open-data/monthly/${month}.json`,
      csv: `/api/v1/open-data/monthly/${month}.csv`,
    })),
    dictionary: '/open-data',
    licence: translate('cockpit.licence'),
  }
}

/**
 * One closed month of open data: a row per unit with the aggregate columns of the allow-list.
 * Refuses: NOT_FOUND (the current month or a month to come: only closed months are published).
 */
export async function openDataMonth(deps: AppDeps, month: string): Promise<OpenDataMonth> {
  if (month >= cityMonth(deps, new Date())) throw new AppError('NOT_FOUND')
  const { rows } = await monthRows(deps, [month], 'all', new Date())
  const names = await namesOf(
    deps,
    rows.map((r) => r.departmentId),
  )
  return { month, columns: [...OPEN_DATA_COLUMNS], rows: openDataRows(rows, names) }
}

export async function openDataCsv(deps: AppDeps, month: string): Promise<string> {
  const data = await openDataMonth(deps, month)
  return toCsv(OPEN_DATA_COLUMNS, data.rows)
}

// ── the rollup job ───────────────────────────────────────────────────────────────────────────────

/**
 * Writes the rollup of closed months: the last two every run (`recent`: late ratings and replies still
 * change them), and any older month of the last two years not rolled up yet. Never the current month,
 * which is always counted live; a month just closed is counted live until the next run writes it.
 */
export async function refreshRollups(deps: AppDeps, options: { recent?: number } = {}) {
  const now = new Date()
  const current = cityMonth(deps, now)
  const candidates = Array.from({ length: 24 }, (_, i) => addMonths(current, -(i + 1)))
  const done = await q.findRolledUp(deps.db, candidates, 'all')
  const recent = options.recent ?? 2
  const months = candidates.filter((m, i) => i < recent || !done.months.includes(m))
  for (const month of months) {
    const rows = await countLive(deps, month, month, 'all')
    await deps.db.transaction().execute((tx) =>
      q.replaceRollup(
        tx,
        month,
        now,
        rows.map((r) => ({ departmentId: r.departmentId, figures: r.figures })),
      ),
    )
  }
  return { refreshed: months }
}
