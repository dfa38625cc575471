import ExcelJS from 'exceljs'
import { departmentsWhere, hasRole, requireRole, type Actor } from '../../kernel/auth/actor'
import { daysBetween, zonedInstant } from '../../kernel/calendar/zoned-time'
import { currentLocale } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentScope } from '../departments'
import { loadAppealSettings } from './appeal-settings.service'
import * as fq from './appeals-figures.queries'
import type { FiguresRow } from './appeals.schema'
import { addCounts, EMPTY_COUNTS, figuresOf, rankRows, type FigureCounts } from './figures'
import { findDepartmentNames } from './appeals-departments.queries'

/**
 * The figures of docs/METRICS.md for a period. The bureau and the task force see every department; a
 * department head sees the city row and their own department.
 */
function toCounts(
  row: fq.DepartmentCountsRow | undefined,
  returns: { dispatched: number; returned: number } | undefined,
  co: fq.CoPartCountsRow | undefined,
): FigureCounts {
  if (!row && !returns && !co) return EMPTY_COUNTS
  return {
    dispatched: row?.dispatched ?? 0,
    withdrawn: row?.withdrawn ?? 0,
    answered: row?.answered ?? 0,
    reopened: row?.reopened ?? 0,
    rated: row?.rated ?? 0,
    resolved: row?.resolved ?? 0,
    ratedWithLevel: row?.rated_with_level ?? 0,
    satisfied: row?.satisfied ?? 0,
    levels: [row?.level1 ?? 0, row?.level2 ?? 0, row?.level3 ?? 0, row?.level4 ?? 0, row?.level5 ?? 0],
    responseMet: row?.response_met ?? 0,
    responseMissed: row?.response_missed ?? 0,
    onTimeMet: row?.on_time_met ?? 0,
    onTimeMissed: row?.on_time_missed ?? 0,
    assignmentsReturned: Number(returns?.returned ?? 0),
    assignmentsDispatched: Number(returns?.dispatched ?? 0),
    coHandled: co?.co_handled ?? 0,
    coPartsMet: co?.parts_met ?? 0,
    coPartsMissed: co?.parts_missed ?? 0,
    coPartsVoid: co?.parts_void ?? 0,
  }
}

async function scopeOf(deps: AppDeps, actor: Actor): Promise<string[] | 'all'> {
  const user = requireRole(actor, 'dispatcher', 'bureau_leader', 'admin', 'department_head')
  if (hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader') || hasRole(user, 'admin')) return 'all'
  return departmentScope(deps.db, departmentsWhere(user, 'department_head'))
}

function periodInstants(deps: AppDeps, from: string, to: string) {
  const span = daysBetween(from, to)
  // Written as what must hold, so a span that is not a number (a date the schema let through) fails too.
  if (!(span >= 1 && span <= 366))
    throw new AppError('VALIDATION_FAILED', { fields: { to: translate('appeals.rangeTooLong') } })
  return {
    fromInstant: zonedInstant(from, 0, deps.config.timeZone),
    toInstant: zonedInstant(to, 0, deps.config.timeZone),
  }
}

/**
 * Reads the dashboard database (`deps.readDb`: the replica in DATABASE_READ_URL, else the primary):
 * figures of a period tolerate a replica a moment behind; who may see them is checked on the primary.
 * Refuses: FORBIDDEN (roles without figures), VALIDATION_FAILED (a period that is empty or over a year).
 */
export async function computeFigures(deps: AppDeps, actor: Actor, input: { from: string; to: string }) {
  const scope = await scopeOf(deps, actor)
  const { fromInstant, toInstant } = periodInstants(deps, input.from, input.to)
  const now = new Date()
  const read = deps.readDb
  const [rows, returns, coParts, { settings }] = await Promise.all([
    fq.countAppealFigures(read, fromInstant, toInstant, now),
    fq.countReturns(read, fromInstant, toInstant),
    fq.countCoParts(read, fromInstant, toInstant, now),
    loadAppealSettings(read),
  ])
  const ids = [
    ...new Set(
      [
        ...rows.map((r) => r.department_id),
        ...returns.map((r) => r.department_id),
        ...coParts.map((r) => r.department_id),
      ].filter((d): d is string => !!d),
    ),
  ]
  const names = await findDepartmentNames(read, ids)
  let city = EMPTY_COUNTS
  const departments: FiguresRow[] = []
  for (const id of [...ids, null]) {
    const counts = toCounts(
      rows.find((r) => r.department_id === id),
      returns.find((r) => r.department_id === id),
      coParts.find((r) => r.department_id === id),
    )
    city = addCounts(city, counts)
    if (id === null) continue
    if (scope !== 'all' && !scope.includes(id)) continue
    departments.push({
      departmentId: id,
      departmentName: names.get(id) ?? '',
      ...figuresOf(counts, settings.weights),
    })
  }
  const cityName = currentLocale() === 'en' ? 'The whole city' : '全市'
  return {
    from: input.from,
    to: input.to,
    weights: settings.weights,
    city: { departmentId: null, departmentName: cityName, ...figuresOf(city, settings.weights) },
    departments: departments.sort((a, b) => b.dispatched - a.dispatched),
  }
}

function monthRange(month: string) {
  const from = `${month}-01`
  const [y, m] = month.split('-').map(Number) as [number, number]
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return { from, to }
}

/** Departments of a month ranked by their score, with the raw numbers. */
export async function monthlyRanking(deps: AppDeps, actor: Actor, month: string) {
  const figures = await computeFigures(deps, actor, monthRange(month))
  return {
    month,
    weights: figures.weights,
    // A department that only co-handled is ranked too: its co-handling is on the row.
    rows: rankRows(figures.departments.filter((d) => d.dispatched > 0 || d.coHandled > 0)),
  }
}

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)

/** The rates in the workbook, in the figures page's order. */
const WORKBOOK_RATES = [
  'response',
  'resolution',
  'satisfaction',
  'ratingCoverage',
  'reopen',
  'bounce',
  'onTime',
  'coHandling',
] as const

/** The ranking as an xlsx workbook: the rows, and the formulas on a second sheet. */
export async function rankingWorkbook(deps: AppDeps, actor: Actor, month: string): Promise<Uint8Array> {
  const ranking = await monthlyRanking(deps, actor, month)
  const book = new ExcelJS.Workbook()
  book.creator = '营商通 Yingshang'
  // The page's own labels, in the caller's language (the figures page reads the same words).
  const label = (key: string) => translate(`appeals.xlsx.${key}`)
  const raw = (rate: string) => translate('appeals.xlsx.raw', { rate: label(`rates.${rate}`) })
  const sheet = book.addWorksheet(translate('appeals.xlsx.sheet', { month }))
  sheet.columns = [
    { header: label('rank'), key: 'rank', width: 6 },
    { header: label('department'), key: 'department', width: 30 },
    { header: label('dispatched'), key: 'dispatched', width: 10 },
    { header: label('score'), key: 'score', width: 10 },
    ...WORKBOOK_RATES.flatMap((rate) => [
      { header: label(`rates.${rate}`), key: rate, width: 12 },
      { header: raw(rate), key: `${rate}Raw`, width: 16 },
    ]),
    { header: label('coHandled'), key: 'coHandled', width: 10 },
    { header: label('coPartsNotSubmitted'), key: 'coPartsNotSubmitted', width: 14 },
    { header: label('withdrawn'), key: 'withdrawn', width: 10 },
    { header: label('ratingsLevels'), key: 'ratings', width: 20 },
  ]
  for (const r of ranking.rows) {
    const rates = Object.fromEntries(
      WORKBOOK_RATES.flatMap((rate) => [
        [rate, pct(r[rate].value)],
        [`${rate}Raw`, `${r[rate].numerator}/${r[rate].denominator}`],
      ]),
    )
    sheet.addRow({
      rank: r.rank,
      department: r.departmentName,
      dispatched: r.dispatched,
      score: r.score ?? '—',
      ...rates,
      coHandled: r.coHandled,
      coPartsNotSubmitted: r.coPartsNotSubmitted,
      withdrawn: r.withdrawn,
      ratings: ['1', '2', '3', '4', '5'].map((k) => r.ratings[k as '1']).join('/'),
    })
  }
  sheet.getRow(1).font = { bold: true }
  const formulas = book.addWorksheet(label('formulas'))
  formulas.columns = [
    { header: label('figure'), key: 'name', width: 14 },
    { header: label('formula'), key: 'formula', width: 100 },
  ]
  const w = ranking.weights
  for (const [name, formula] of [
    ['响应率', '首次联系时限内联系的件数 ÷ 首次联系时限已判定的件数（按时 + 超时，含仍在计时但已超时的）'],
    ['解决率', '最近一次评价为“已解决”且评价不低于“基本满意”的件数 ÷ 有评价的件数'],
    ['满意率', '最近一次评价为非常满意、满意、基本满意的件数 ÷ 有满意度评价的件数'],
    ['评价覆盖率', '有评价的件数 ÷ 已答复的件数'],
    ['重办率', '至少重办一次的件数 ÷ 已答复的件数'],
    ['退回率', '本部门退回的牵头派单数 ÷ 派给本部门的牵头派单数'],
    ['按时办结率', '办结时限内答复的计时数 ÷ 已判定的办结计时数（每一轮重办单独计时）'],
    [
      '协办按时率',
      '协办部门在协办时限内提交协办意见的件数 ÷ 已判定的协办计时数（按时 + 超时，含仍在计时但已超时的；牵头部门说明理由不等待的，未超时部分不计入）',
    ],
    [
      '综合得分',
      `100 × (${w.response}×响应率 + ${w.resolution}×解决率 + ${w.satisfaction}×满意率) ÷ 有值指标的权重之和`,
    ],
    ['统计口径', '按首次派单时间归属月份（重办不改变）；按牵头部门归属；时限按工作日历计算，挂起不计时'],
  ]) {
    formulas.addRow({ name, formula })
  }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** Withdrawn appeals of a period, grouped by the department that held them (forced withdrawals fake figures). */
export async function listWithdrawals(deps: AppDeps, actor: Actor, input: { from: string; to: string }) {
  const scope = await scopeOf(deps, actor)
  const { fromInstant, toInstant } = periodInstants(deps, input.from, input.to)
  // The figures page's list of withdrawals: the dashboard database, like the figures beside it.
  const rows = await fq.findWithdrawals(deps.readDb, fromInstant, toInstant)
  const groups = new Map<
    string,
    {
      departmentId: string | null
      departmentName: string
      appeals: { id: string; number: string; title: string; reason: string | null; at: string }[]
    }
  >()
  for (const r of rows) {
    if (scope !== 'all' && (!r.department_id || !scope.includes(r.department_id))) continue
    const key = r.department_id ?? '-'
    const group = groups.get(key) ?? {
      departmentId: r.department_id,
      departmentName: r.department_name ?? '—',
      appeals: [],
    }
    group.appeals.push({
      id: r.id,
      number: r.number,
      title: r.title,
      reason: r.status_reason,
      at: r.closed_at!.toISOString(),
    })
    groups.set(key, group)
  }
  return [...groups.values()]
    .map((g) => ({ ...g, count: g.appeals.length }))
    .sort((a, b) => b.count - a.count)
}
