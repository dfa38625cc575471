import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { addDays, localDate, zonedInstant } from '../../kernel/calendar/zoned-time'
import { dueAfterResume, dueAfterWorkingDays, remainingAtPause } from '../../kernel/cases/deadline'

/**
 * The clocks of the Administrative Licensing Law (行政许可法) on one application, pure: the calendar
 * comes in, the module stores what comes out (decision 0047). Working days end at the close of the
 * n-th working day after the start day (the start day does not count), as the kit's deadline does.
 */

/** 第32条: the completeness check (受理审查) is due within 5 working days of receipt. */
export const COMPLETENESS_WORKING_DAYS = 5
/** 第42条: 20 working days to decide, +10 once with the head's approval. */
export const DEFAULT_STATUTORY_DAYS = 20
export const EXTENSION_DAYS = 10
/** 第42条第2款: joint, unified or concentrated handling — 45 days, +15 once. */
export const JOINT_STATUTORY_DAYS = 45
export const JOINT_EXTENSION_DAYS = 15
/**
 * The applicant's time to answer a supplement request, in calendar days. The law sets none; 30 days
 * is the usual figure of local rules (逾期未补正的，视为放弃申请) and a version may set its own.
 */
export const DEFAULT_SUPPLEMENT_DAYS = 30

/** The completeness check's end: 5 working days after receipt (or after the last supplement). */
export function completenessDueAt(calendar: WorkingCalendar, receivedAt: Date): Date {
  return dueAfterWorkingDays(calendar, receivedAt, COMPLETENESS_WORKING_DAYS)
}

/**
 * The applicant's deadline for the one supplement: `days` calendar days after the request's local
 * day, to the end of that day (24:00, stored as the next day's 00:00: an answer at or after it is late).
 */
export function supplementDueAt(calendar: WorkingCalendar, requestedAt: Date, days: number): Date {
  const day = localDate(requestedAt, calendar.timeZone)
  return zonedInstant(addDays(day, days + 1), 0, calendar.timeZone)
}

export type DecisionLimits = {
  promisedLimitDays: number
  statutoryLimitDays: number
  jointHandling: boolean
}

/** The statutory days: the version's (20 when it names none), 45 for joint handling. */
export function statutoryDays(limits: DecisionLimits): number {
  if (limits.jointHandling) return Math.max(JOINT_STATUTORY_DAYS, limits.statutoryLimitDays)
  return limits.statutoryLimitDays > 0 ? limits.statutoryLimitDays : DEFAULT_STATUTORY_DAYS
}

/** The one extension's days (第42条): 10, or 15 for joint handling. */
export function extensionDays(jointHandling: boolean): number {
  return jointHandling ? JOINT_EXTENSION_DAYS : EXTENSION_DAYS
}

/**
 * On acceptance, counted from `acceptedFrom` (receipt, the last material, or the receipt deemed):
 * the promised decision and the statutory one. A promise of 0 days is decided the same day.
 */
export function decisionClock(
  calendar: WorkingCalendar,
  acceptedFrom: Date,
  limits: DecisionLimits,
): { decisionDueAt: Date; statutoryDueAt: Date } {
  return {
    decisionDueAt: dueAfterWorkingDays(calendar, acceptedFrom, limits.promisedLimitDays),
    statutoryDueAt: dueAfterWorkingDays(calendar, acceptedFrom, statutoryDays(limits)),
  }
}

/**
 * An approved extension: both ends move by the extension's working days. During a special step
 * the decision clock is banked in minutes, so the days go onto the bank instead.
 */
export function extendClock(
  calendar: WorkingCalendar,
  clock: { decisionDueAt: Date; statutoryDueAt: Date; remainingMinutes: number | null },
  days: number,
): { decisionDueAt: Date; statutoryDueAt: Date; remainingMinutes: number | null } {
  return {
    decisionDueAt: dueAfterWorkingDays(calendar, clock.decisionDueAt, days),
    statutoryDueAt: dueAfterWorkingDays(calendar, clock.statutoryDueAt, days),
    remainingMinutes:
      clock.remainingMinutes === null ? null : clock.remainingMinutes + days * calendar.minutesPerDay,
  }
}

/** A special step starts (第45条): the decision clock's remaining minutes are banked; the step has its own limit. */
export function startSpecialStep(
  calendar: WorkingCalendar,
  now: Date,
  decisionDueAt: Date,
  stepLimitDays: number,
): { remainingMinutes: number; stepDueAt: Date } {
  return {
    remainingMinutes: remainingAtPause(calendar, decisionDueAt, now),
    stepDueAt: dueAfterWorkingDays(calendar, now, stepLimitDays),
  }
}

/**
 * A special step ends: the decision clock resumes with what was banked; the statutory end moves by
 * the working time the step took unless the step counts inside the statutory limit.
 */
export function endSpecialStep(
  calendar: WorkingCalendar,
  now: Date,
  step: {
    since: Date
    remainingMinutes: number
    decisionDueAt: Date
    statutoryDueAt: Date
    countsInStatutoryLimit: boolean
  },
): { decisionDueAt: Date; statutoryDueAt: Date; suspendedMinutes: number } {
  const suspendedMinutes = Math.floor(calendar.workingMinutesBetween(step.since, now))
  return {
    decisionDueAt: dueAfterResume(calendar, now, step.remainingMinutes, step.decisionDueAt),
    statutoryDueAt:
      step.countsInStatutoryLimit || suspendedMinutes === 0
        ? step.statutoryDueAt
        : calendar.addWorkingMinutes(step.statutoryDueAt, suspendedMinutes),
    suspendedMinutes,
  }
}
