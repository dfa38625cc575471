import { localDate } from '../../kernel/calendar/zoned-time'
import type { Executor } from '../../kernel/db/database'
import * as q from './self-inspections.queries'

/**
 * Self-inspection figures for the cockpit (docs/METRICS.md, "Self-inspection"): the tasks issued in
 * [from, to) and where their copies and rectifications stand today.
 */
export type SelfInspectionFigures = {
  tasks: number
  copies: number
  copiesAccepted: number
  copiesUnderReview: number
  copiesOwed: number
  copiesOverdue: number
  /** submitted (at any time since) on or before the deadline day; null when no copy */
  onTimeRate: number | null
  problemsAccepted: number
  rectificationsOpen: number
  rectificationsDone: number
  rectificationsConfirmed: number
  rectificationsOverdue: number
}

export async function selfInspectionFigures(
  db: Executor,
  range: { from: Date; to: Date; now?: Date; timeZone?: string },
): Promise<SelfInspectionFigures> {
  const timeZone = range.timeZone ?? 'Asia/Shanghai'
  const today = localDate(range.now ?? new Date(), timeZone)
  const { answers: a, rectifications: r } = await q.findFigures(db, range, { today, timeZone })
  return {
    tasks: a.tasks,
    copies: a.answers,
    copiesAccepted: a.accepted,
    copiesUnderReview: a.submitted,
    copiesOwed: a.owed,
    copiesOverdue: a.overdue,
    onTimeRate: a.answers ? a.submitted_on_time / a.answers : null,
    problemsAccepted: r.problems,
    rectificationsOpen: r.open,
    rectificationsDone: r.done,
    rectificationsConfirmed: r.confirmed,
    rectificationsOverdue: r.overdue,
  }
}
