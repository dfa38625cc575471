import type { WorkingCalendar } from '../calendar/working-calendar'

/**
 * The lighter clock a case can keep instead of a full `Clock`: just its due instant and, while it is
 * paused, the whole working minutes that were left. Pure: the module stores what these return.
 */

/** Due at the end of n working days after `start` (the start day does not count). */
export function dueAfterWorkingDays(calendar: WorkingCalendar, start: Date, workingDays: number): Date {
  return calendar.addWorkingDays(start, workingDays)
}

/** The whole working minutes left when the clock stops (0 once the deadline has passed). */
export function remainingAtPause(calendar: WorkingCalendar, dueAt: Date, now: Date): number {
  return Math.floor(calendar.workingMinutesBetween(now, dueAt))
}

/**
 * The new due instant when the pause ends: the minutes that were left, counted from now. A deadline
 * already missed when the clock stopped stays missed (it is not restarted).
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
