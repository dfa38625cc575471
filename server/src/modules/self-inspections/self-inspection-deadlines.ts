import { addDays } from '../../kernel/calendar/zoned-time'
import type { SelfInspectionAnswerState } from './self-inspection-answer-states'
import type { SelfInspectionRectificationState } from './self-inspection-rectification-states'

/**
 * The dates of self-inspection (pure; dates are the city's 'YYYY-MM-DD'). A copy is due on the task's
 * deadline day; a department that has not submitted is reminded once when at most
 * REMIND_WITHIN_WORKING_DAYS working days are left (the deadline day and today count, from the kernel
 * calendar); the day after the deadline, a copy not yet submitted is overdue. A rectification is
 * overdue the day after its due date while it is still open.
 */
export const REMIND_WITHIN_WORKING_DAYS = 3

/** States in which the department still owes its answer. */
const OWED: readonly SelfInspectionAnswerState[] = ['not_started', 'draft', 'returned']

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

export function isAnswerOverdue(status: SelfInspectionAnswerState, deadline: string, today: string): boolean {
  return OWED.includes(status) && today > deadline
}

export function shouldRemind(
  isWorkingDay: (date: string) => boolean,
  answer: { status: SelfInspectionAnswerState; remindedAt: Date | null; deadline: string },
  today: string,
): boolean {
  if (!OWED.includes(answer.status) || answer.remindedAt || today > answer.deadline) return false
  return workingDaysLeft(isWorkingDay, today, answer.deadline) <= REMIND_WITHIN_WORKING_DAYS
}

export function isRectificationOverdue(
  status: SelfInspectionRectificationState,
  dueDate: string,
  today: string,
): boolean {
  return status === 'open' && today > dueDate
}
