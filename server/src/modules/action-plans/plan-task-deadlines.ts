import { addDays } from '../../kernel/calendar/zoned-time'
import { OWED_PLAN_TASK_STATES, type PlanTaskState } from './plan-task-states'

/**
 * The dates of a plan task (pure; dates are the city's 'YYYY-MM-DD'). A task is due on its deadline
 * day. The owner unit is reminded once when at most REMIND_WITHIN_WORKING_DAYS working days are left
 * (today and the deadline day count, from the kernel calendar, so a Golden Week does not eat the
 * warning). The day after the deadline a task still owed is overdue and is escalated once to the
 * supervision ladder. A task submitted by its deadline is not overdue while the bureau reviews it.
 */
export const REMIND_WITHIN_WORKING_DAYS = 5

const isOwed = (status: PlanTaskState) => OWED_PLAN_TASK_STATES.includes(status)

/** Working days from today to the deadline, both counted; 0 once the deadline has passed. */
export function workingDaysLeft(
  isWorkingDay: (date: string) => boolean,
  today: string,
  deadline: string,
): number {
  let n = 0
  for (let d = today; d <= deadline; d = addDays(d, 1)) if (isWorkingDay(d)) n++
  return n
}

export function isPlanTaskOverdue(status: PlanTaskState, deadline: string, today: string): boolean {
  return isOwed(status) && today > deadline
}

export function shouldRemind(
  isWorkingDay: (date: string) => boolean,
  task: { status: PlanTaskState; remindedAt: Date | null; deadline: string },
  today: string,
  within = REMIND_WITHIN_WORKING_DAYS,
): boolean {
  if (!isOwed(task.status) || task.remindedAt || today > task.deadline) return false
  return workingDaysLeft(isWorkingDay, today, task.deadline) <= within
}

export function shouldEscalate(
  task: { status: PlanTaskState; escalatedAt: Date | null; deadline: string },
  today: string,
): boolean {
  return !task.escalatedAt && isPlanTaskOverdue(task.status, task.deadline, today)
}

/**
 * On time: accepted, and its last submission (the one accepted) fell on or before the deadline day.
 * The rate's base is every task that is accepted or overdue (tasks still inside their time and
 * tasks under review do not count yet); null when the base is empty (docs/METRICS.md).
 */
export function onTimeRate(counts: { acceptedOnTime: number; accepted: number; overdue: number }) {
  const base = counts.accepted + counts.overdue
  return base ? counts.acceptedOnTime / base : null
}
