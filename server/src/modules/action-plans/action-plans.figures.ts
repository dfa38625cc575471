import { localDate } from '../../kernel/calendar/zoned-time'
import type { Executor } from '../../kernel/db/database'
import type { ActionPlanFigures } from './action-plans.schema'
import * as q from './action-plans.queries'
import { onTimeRate } from './plan-task-deadlines'

/**
 * The action plan's figures (docs/METRICS.md, "Action plan"): tasks by status, overdue today,
 * escalated, and the on-time rate per owner unit and overall, as of the city's date of `now`.
 */
export async function actionPlanFigures(
  db: Executor,
  options: { now?: Date; timeZone?: string } = {},
): Promise<ActionPlanFigures> {
  const asOf = localDate(options.now ?? new Date(), options.timeZone ?? 'Asia/Shanghai')
  const rows = await q.findUnitFigures(db, { today: asOf, timeZone: options.timeZone ?? 'Asia/Shanghai' })
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0)
  const totals = {
    accepted: sum((r) => r.accepted),
    acceptedOnTime: sum((r) => r.accepted_on_time),
    overdue: sum((r) => r.overdue),
  }
  return {
    asOf,
    tasks: sum((r) => r.tasks),
    byStatus: {
      not_started: sum((r) => r.not_started),
      in_progress: sum((r) => r.in_progress),
      submitted: sum((r) => r.submitted),
      returned: sum((r) => r.returned),
      accepted: totals.accepted,
    },
    overdue: totals.overdue,
    escalated: sum((r) => r.escalated),
    onTimeRate: onTimeRate(totals),
    units: rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      tasks: r.tasks,
      accepted: r.accepted,
      acceptedOnTime: r.accepted_on_time,
      overdue: r.overdue,
      onTimeRate: onTimeRate({
        acceptedOnTime: r.accepted_on_time,
        accepted: r.accepted,
        overdue: r.overdue,
      }),
    })),
  }
}
