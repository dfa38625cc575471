import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'

/**
 * The review clock of an application is the case kit's deadline (kernel/cases/deadline.ts) stored on
 * the claim: the due instant, and while a supplement is requested (补正) the working minutes that were
 * left. What is the claim's own: the limit is the item's promised working days, counted from submission.
 */
export { dueAfterResume, remainingAtPause, workingDaysBetween } from '../../kernel/cases/deadline'

/** Due at the end of the promised number of working days after submission (the submission day does not count). */
export function reviewDueAt(calendar: WorkingCalendar, submittedAt: Date, promisedWorkingDays: number): Date {
  return dueAfterWorkingDays(calendar, submittedAt, promisedWorkingDays)
}
