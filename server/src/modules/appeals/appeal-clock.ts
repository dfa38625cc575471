import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'

/**
 * What a clock measures time with: the city's working time (the calendar), or every minute — an
 * emergency measured in hours does not wait for Monday.
 */
export type TimeMeter = Pick<WorkingCalendar, 'workingMinutesBetween' | 'addWorkingMinutes'>
export type ClockBasis = 'working' | 'elapsed'

const MINUTE_MS = 60_000

/** Every minute counts: 2 hours from Friday 17:00 is Friday 19:00. */
export const ELAPSED_TIME: TimeMeter = {
  workingMinutesBetween: (from, to) => Math.max(0, (to.getTime() - from.getTime()) / MINUTE_MS),
  addWorkingMinutes: (from, minutes) => new Date(from.getTime() + minutes * MINUTE_MS),
}

export function meterFor(basis: ClockBasis, calendar: WorkingCalendar): TimeMeter {
  return basis === 'elapsed' ? ELAPSED_TIME : calendar
}

/**
 * A deadline clock as data. It counts working minutes only, stops counting while paused, and is
 * never re-derived from wall time alone: `elapsedMinutes` is what was used up to `elapsedAt`, and
 * every change (pause, resume, extension, stop) first banks the minutes used so far. Pure: the
 * calendar (or the elapsed-time meter) comes in as an argument, so the same history always gives the
 * same deadlines.
 */
export type Clock = {
  startedAt: Date
  budgetMinutes: number
  elapsedMinutes: number
  elapsedAt: Date
  pausedSince: Date | null
  stoppedAt: Date | null
  /** thresholds already acted on */
  fired: Threshold[]
}

export type Threshold = 'warn50' | 'warn80' | 'breach' | 'escalate2' | 'escalate3'

/**
 * Warnings at 50 % and 80 % of the budget; at 100 % the breach goes to the handler; each
 * `escalationStepMinutes` of working time after that it climbs one level: department head, then a
 * bureau supervision case.
 */
export function thresholdMinutes(budget: number, escalationStepMinutes: number): Record<Threshold, number> {
  return {
    warn50: Math.round(budget * 0.5),
    warn80: Math.round(budget * 0.8),
    breach: budget,
    escalate2: budget + escalationStepMinutes,
    escalate3: budget + 2 * escalationStepMinutes,
  }
}

export const THRESHOLDS: Threshold[] = ['warn50', 'warn80', 'breach', 'escalate2', 'escalate3']

export function startClock(at: Date, budgetMinutes: number): Clock {
  return {
    startedAt: at,
    budgetMinutes,
    elapsedMinutes: 0,
    elapsedAt: at,
    pausedSince: null,
    stoppedAt: null,
    fired: [],
  }
}

export function isRunning(clock: Clock): boolean {
  return clock.stoppedAt === null && clock.pausedSince === null
}

/** Working minutes used by `now`. */
export function usedMinutes(clock: Clock, now: Date, calendar: TimeMeter): number {
  if (!isRunning(clock)) return clock.elapsedMinutes
  return clock.elapsedMinutes + calendar.workingMinutesBetween(clock.elapsedAt, now)
}

function bank(clock: Clock, now: Date, calendar: TimeMeter): Clock {
  return { ...clock, elapsedMinutes: usedMinutes(clock, now, calendar), elapsedAt: now }
}

export function pauseClock(clock: Clock, now: Date, calendar: TimeMeter): Clock {
  if (!isRunning(clock)) return clock
  return { ...bank(clock, now, calendar), pausedSince: now }
}

export function resumeClock(clock: Clock, now: Date): Clock {
  if (clock.stoppedAt !== null || clock.pausedSince === null) return clock
  return { ...clock, pausedSince: null, elapsedAt: now }
}

export function stopClock(clock: Clock, now: Date, calendar: TimeMeter): Clock {
  if (clock.stoppedAt !== null) return clock
  return { ...bank(clock, now, calendar), pausedSince: null, stoppedAt: now }
}

/** An approved extension adds working minutes; thresholds not yet reached under the new budget fire again later. */
export function extendClock(
  clock: Clock,
  extraMinutes: number,
  now: Date,
  calendar: TimeMeter,
  escalationStepMinutes: number,
): Clock {
  const banked = isRunning(clock) ? bank(clock, now, calendar) : clock
  const budgetMinutes = banked.budgetMinutes + extraMinutes
  const limits = thresholdMinutes(budgetMinutes, escalationStepMinutes)
  return { ...banked, budgetMinutes, fired: banked.fired.filter((t) => limits[t] <= banked.elapsedMinutes) }
}

/** The instant the clock will have used `minutes`, if it keeps running; null when paused or stopped. */
export function instantAt(clock: Clock, minutes: number, calendar: TimeMeter): Date | null {
  if (!isRunning(clock)) return null
  const remaining = minutes - clock.elapsedMinutes
  if (remaining <= 0) return clock.elapsedAt
  return calendar.addWorkingMinutes(clock.elapsedAt, remaining)
}

export function dueAt(clock: Clock, calendar: TimeMeter): Date | null {
  return instantAt(clock, clock.budgetMinutes, calendar)
}

/** When the sweep next has to look at this clock: the earliest threshold not yet acted on. */
export function nextCheckAt(clock: Clock, calendar: TimeMeter, escalationStepMinutes: number): Date | null {
  if (!isRunning(clock)) return null
  const limits = thresholdMinutes(clock.budgetMinutes, escalationStepMinutes)
  const pending = THRESHOLDS.find((t) => !clock.fired.includes(t))
  return pending ? instantAt(clock, limits[pending], calendar) : null
}

/** Thresholds reached by `now` and not yet acted on, in order; the clock with them marked fired. */
export function fireDue(
  clock: Clock,
  now: Date,
  calendar: TimeMeter,
  escalationStepMinutes: number,
): { clock: Clock; fired: Threshold[] } {
  if (!isRunning(clock)) return { clock, fired: [] }
  const used = usedMinutes(clock, now, calendar)
  const limits = thresholdMinutes(clock.budgetMinutes, escalationStepMinutes)
  const fired = THRESHOLDS.filter((t) => !clock.fired.includes(t) && used >= limits[t])
  return { clock: { ...clock, fired: [...clock.fired, ...fired] }, fired }
}

export function isMet(clock: Clock): boolean | null {
  return clock.stoppedAt === null ? null : clock.elapsedMinutes <= clock.budgetMinutes
}

/** Escalation level reached: 0 none, 1 handler, 2 department head, 3 supervision case. */
export function escalationLevel(clock: Clock): number {
  return clock.fired.includes('escalate3')
    ? 3
    : clock.fired.includes('escalate2')
      ? 2
      : clock.fired.includes('breach')
        ? 1
        : 0
}
