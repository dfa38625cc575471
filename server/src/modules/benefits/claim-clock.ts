import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'

/**
 * The review clock of an application, as data on the claim: the due instant, and while a supplement
 * is requested (补正) the working minutes that were left. Pure: the service stores what these return.
 */

/** Due at the end of the promised number of working days after submission (the submission day does not count). */
export function reviewDueAt(calendar: WorkingCalendar, submittedAt: Date, promisedWorkingDays: number): Date {
  return calendar.addWorkingDays(submittedAt, promisedWorkingDays)
}

/** The whole working minutes left when the clock stops (0 once the deadline has passed). */
export function remainingAtPause(calendar: WorkingCalendar, dueAt: Date, now: Date): number {
  return Math.floor(calendar.workingMinutesBetween(now, dueAt))
}

/**
 * The new due instant when the enterprise resubmits: the minutes that were left, counted from now.
 * A deadline already missed when the supplement was requested stays missed (it is not restarted).
 */
export function dueAfterResume(
  calendar: WorkingCalendar,
  now: Date,
  remainingMinutes: number,
  previousDueAt: Date,
): Date {
  if (remainingMinutes <= 0) return previousDueAt
  return calendar.addWorkingMinutes(now, remainingMinutes)
}

/** Working days between two instants, to one decimal (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const minutes = calendar.workingMinutesBetween(from, to)
  return Math.round((minutes / calendar.minutesPerDay) * 10) / 10
}
