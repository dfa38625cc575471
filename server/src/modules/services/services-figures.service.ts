import { departmentsWhere, hasRole, requireRole, type Actor } from '../../kernel/auth/actor'
import { zonedInstant } from '../../kernel/calendar/zoned-time'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentScope } from '../departments'
import { computeServicesFigures } from './services-figures'
import * as fq from './services-figures.queries'
import type { ServicesFigures, ServicesFiguresInput, ServicesStatistics } from './services-figures.schema'
import './services.messages'

/**
 * The services figures (issue 12, item 8; docs/METRICS.md "Online services"): per month and matter,
 * department or city, from the applications' stored columns — the clock's instants, never the wall's.
 * The bureau (dispatcher, bureau leader, admin) sees every department; a department head their own
 * department and those under it. The public statistics are the same rows for the whole city.
 */
const MAX_MONTHS = 24

/** The months as instants: [first day of `from`, first day after `to`) in the city's time zone. */
function periodOf(deps: AppDeps, input: { from: string; to: string }) {
  const [fy, fm] = input.from.split('-').map(Number) as [number, number]
  const [ty, tm] = input.to.split('-').map(Number) as [number, number]
  const months = (ty - fy) * 12 + (tm - fm) + 1
  if (!(months >= 1 && months <= MAX_MONTHS))
    throw new AppError('VALIDATION_FAILED', { fields: { to: translate('services.figuresRange') } })
  const next = tm === 12 ? `${ty + 1}-01` : `${ty}-${String(tm + 1).padStart(2, '0')}`
  return {
    fromInstant: zonedInstant(`${input.from}-01`, 0, deps.config.timeZone),
    toInstant: zonedInstant(`${next}-01`, 0, deps.config.timeZone),
  }
}

async function scopeOf(deps: AppDeps, actor: Actor): Promise<string[] | 'all'> {
  const user = requireRole(actor, 'dispatcher', 'bureau_leader', 'admin', 'department_head')
  if (hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader') || hasRole(user, 'admin')) return 'all'
  return departmentScope(deps.db, departmentsWhere(user, 'department_head'))
}

async function rowsOf(deps: AppDeps, input: ServicesFiguresInput, scope: string[] | 'all') {
  const { fromInstant, toInstant } = periodOf(deps, input)
  // Figures of past months tolerate a replica a moment behind (decision 0030).
  const read = deps.readDb
  const [received, decided, calendar] = await Promise.all([
    fq.findReceivedApplications(read, fromInstant, toInstant, scope),
    fq.findDecidedApplications(read, fromInstant, toInstant, scope),
    deps.calendar.calendar(read),
  ])
  const rows = computeServicesFigures({
    received,
    decided: decided.map((r) => ({ ...r, materials: r.materials ?? null })),
    by: input.by,
    timeZone: deps.config.timeZone,
    meter: calendar,
  })
  const names = await fq.findNames(
    read,
    [...new Set(rows.map((r) => r.departmentId).filter((d): d is string => !!d))],
    [...new Set(rows.map((r) => r.matterId).filter((m): m is string => !!m))],
  )
  return {
    received,
    rows: rows.map((r) => ({
      ...r,
      departmentName: r.departmentId ? (names.departments.get(r.departmentId) ?? null) : null,
      matterName: r.matterId ? (names.matters.get(r.matterId) ?? null) : null,
    })),
  }
}

/**
 * Staff figures, with the applications whose completeness check came late listed to follow up.
 * Refuses: FORBIDDEN (roles without figures), VALIDATION_FAILED (over 24 months, or `to` before `from`).
 */
export async function computeFigures(
  deps: AppDeps,
  actor: Actor,
  input: ServicesFiguresInput,
): Promise<ServicesFigures> {
  const scope = await scopeOf(deps, actor)
  const { rows, received } = await rowsOf(deps, input, scope)
  const late = received
    .filter((r) => r.deemed_accepted && r.received_at)
    .sort((a, b) => b.received_at!.getTime() - a.received_at!.getTime())
    .slice(0, 100)
  const lateNames = await fq.findNames(
    deps.readDb,
    [...new Set(late.map((r) => r.department_id).filter((d): d is string => !!d))],
    [...new Set(late.map((r) => r.matter_id).filter((m): m is string => !!m))],
  )
  return {
    from: input.from,
    to: input.to,
    by: input.by,
    rows,
    deemedAcceptedApplications: late.map((r) => ({
      id: r.id,
      title: r.title,
      departmentName: r.department_id ? (lateNames.departments.get(r.department_id) ?? null) : null,
      matterName: r.matter_id ? (lateNames.matters.get(r.matter_id) ?? null) : null,
      receivedAt: r.received_at!.toISOString(),
      completenessDueAt: r.completeness_due_at?.toISOString() ?? null,
      acceptedAt: r.accepted_at?.toISOString() ?? null,
    })),
  }
}

/** The public statistics: aggregates only, every department, no application named. Refuses: VALIDATION_FAILED. */
export async function computeStatistics(
  deps: AppDeps,
  input: ServicesFiguresInput,
): Promise<ServicesStatistics> {
  const { rows } = await rowsOf(deps, input, 'all')
  return { from: input.from, to: input.to, by: input.by, rows }
}
