import { departmentsWhere, hasRole, requireRole, type Actor } from '../../kernel/auth/actor'
import { zonedInstant } from '../../kernel/calendar/zoned-time'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentScope } from '../departments'
import { computeRatingFigures } from './rating-figures'
import * as q from './ratings.queries'
import type { RatingFigures } from './ratings.schema'
import './ratings.messages'

/**
 * The ratings figures (docs/METRICS.md, "Ratings"): per city month, unit and kind of case. The
 * bureau (dispatcher, bureau leader, admin) reads every unit; a department head their department and
 * those under it; the public statistics are the same rows.
 */
const MAX_MONTHS = 24

/** [first instant of `from`, first instant after `to`) in the city's time zone. */
function periodOf(timeZone: string, from: string, to: string) {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  const months = (ty - fy) * 12 + (tm - fm) + 1
  if (!(months >= 1 && months <= MAX_MONTHS))
    throw new AppError('VALIDATION_FAILED', { fields: { to: translate('ratings.figuresRange') } })
  const next = tm === 12 ? `${ty + 1}-01` : `${ty}-${String(tm + 1).padStart(2, '0')}`
  return { from: zonedInstant(`${from}-01`, 0, timeZone), to: zonedInstant(`${next}-01`, 0, timeZone) }
}

/**
 * The figures for the cockpit and the public statistics, no permission check (the caller's):
 * months `from`..`to` (YYYY-MM, both included), every unit or one.
 * Refuses: VALIDATION_FAILED (a range of no month or more than 24).
 */
export async function ratingFigures(
  db: Executor,
  input: { from: string; to: string; departmentId?: string | undefined; timeZone?: string },
  scope: string[] | 'all' = 'all',
): Promise<RatingFigures> {
  const timeZone = input.timeZone ?? 'Asia/Shanghai'
  const period = periodOf(timeZone, input.from, input.to)
  let departmentIds = scope
  if (input.departmentId)
    departmentIds = scope === 'all' || scope.includes(input.departmentId) ? [input.departmentId] : []
  const counts = await q.countRatings(db, { ...period, timeZone, departmentIds })
  const ids = [...new Set(counts.map((c) => c.department_id).filter((d): d is string => !!d))]
  const names = new Map((await q.findDepartmentNames(db, ids)).map((d) => [d.id, d.name]))
  return { rows: computeRatingFigures(counts, names) }
}

/** Staff figures. Refuses: FORBIDDEN (not the bureau or a department head), VALIDATION_FAILED. */
export async function computeStaffFigures(
  deps: AppDeps,
  actor: Actor,
  input: { from: string; to: string; departmentId?: string | undefined },
): Promise<RatingFigures> {
  const user = requireRole(actor, 'dispatcher', 'bureau_leader', 'admin', 'department_head')
  const scope =
    hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader') || hasRole(user, 'admin')
      ? ('all' as const)
      : await departmentScope(deps.db, departmentsWhere(user, 'department_head'))
  return ratingFigures(deps.readDb, { ...input, timeZone: deps.config.timeZone }, scope)
}

/** The public statistics: the same rows for every unit, nobody named but the units. */
export async function computeStatistics(
  deps: AppDeps,
  input: { from: string; to: string; departmentId?: string | undefined },
): Promise<RatingFigures> {
  return ratingFigures(deps.readDb, { ...input, timeZone: deps.config.timeZone })
}
