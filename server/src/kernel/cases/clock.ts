import type { WorkingCalendar } from '../calendar/working-calendar'

/**
 * A case's deadline clock as data. It counts working minutes (or every minute, for limits in clock
 * hours), stops counting while paused or suspended, and is never re-derived from wall time alone:
 * `elapsedMinutes` is what was used up to `elapsedAt`, and every change (pause, suspension, resume,
 * extension, stop) first banks the minutes used so far, so no sequence of changes gains or loses a
 * minute. Pure: the calendar (or the elapsed-time meter) comes in as an argument, so the same history
 * always gives the same deadlines. The module stores what these functions return.
 */

/** What a clock measures time with: the city's working time (the calendar), or every minute. */
export type TimeMeter = Pick<WorkingCalendar, 'workingMinutesBetween' | 'addWorkingMinutes'>
export type ClockBasis = 'working' | 'elapsed'

const MINUTE_MS = 60_000

/** Every minute counts: 2 hours from Friday 17:00 is Friday 19:00 — an emergency does not wait for Monday. */
export const ELAPSED_TIME: TimeMeter = {
  workingMinutesBetween: (from, to) => Math.max(0, (to.getTime() - from.getTime()) / MINUTE_MS),
  addWorkingMinutes: (from, minutes) => new Date(from.getTime() + minutes * MINUTE_MS),
}

export function meterFor(basis: ClockBasis, calendar: WorkingCalendar): TimeMeter {
  return basis === 'elapsed' ? ELAPSED_TIME : calendar
}

// Limits

/**
 * A time limit: clock hours count every minute; working hours and working days count the city's
 * working time ("n working days" ends at the close of the n-th working day after the start).
 */
export const LIMIT_UNITS = ['hours', 'working_hours', 'working_days'] as const
export type Limit = { unit: (typeof LIMIT_UNITS)[number]; value: number }

/** The promised limit (the service norm the case runs on) may not exceed the statutory one. */
export type Limits = { promised: Limit; statutory?: Limit | undefined }

/** Whole minutes a limit allows from `start`, and what they count. */
export function budgetFor(
  limit: Limit,
  start: Date,
  calendar: WorkingCalendar,
): { minutes: number; basis: ClockBasis } {
  if (limit.unit === 'hours') return { minutes: Math.round(limit.value * 60), basis: 'elapsed' }
  if (limit.unit === 'working_hours') return { minutes: Math.round(limit.value * 60), basis: 'working' }
  const end = calendar.addWorkingDays(start, Math.round(limit.value))
  return { minutes: Math.round(calendar.workingMinutesBetween(start, end)), basis: 'working' }
}

/** The instant a limit ends if nothing stops the clock. */
export function limitEndsAt(limit: Limit, start: Date, calendar: WorkingCalendar): Date {
  const budget = budgetFor(limit, start, calendar)
  return meterFor(budget.basis, calendar).addWorkingMinutes(start, budget.minutes)
}

/**
 * Promised ≤ statutory, compared where they end for a case started at `start` (the two may count in
 * different units). No statutory limit: any promise stands.
 */
export function isPromiseWithinStatute(limits: Limits, start: Date, calendar: WorkingCalendar): boolean {
  if (!limits.statutory) return true
  return limitEndsAt(limits.promised, start, calendar) <= limitEndsAt(limits.statutory, start, calendar)
}

// Thresholds

/**
 * What the clock acts on as it runs: warnings at shares of the budget (a share is configurable), the
 * breach at the budget, escalations some minutes after it (the statutory limit can be one of them).
 */
export type ThresholdRule<T extends string> =
  { name: T; kind: 'warning'; share: number } | { name: T; kind: 'breach'; afterMinutes: number }

export type ThresholdPolicy<T extends string> = readonly ThresholdRule<T>[]

/** The minutes used at which each threshold is reached. */
export function thresholdMinutes<T extends string>(
  policy: ThresholdPolicy<T>,
  budget: number,
): Record<T, number> {
  const limits = {} as Record<T, number>
  for (const rule of policy)
    limits[rule.name] = rule.kind === 'warning' ? Math.round(budget * rule.share) : budget + rule.afterMinutes
  return limits
}

/**
 * Warnings at shares, the breach at the whole budget, then one escalation each `stepMinutes` after it:
 * the usual shape of a policy, named by the module.
 */
export function escalatingPolicy<T extends string>(input: {
  warnings: readonly { name: T; share: number }[]
  breach: T
  escalations: readonly T[]
  stepMinutes: number
}): ThresholdPolicy<T> {
  return [
    ...input.warnings.map((w) => ({ name: w.name, kind: 'warning' as const, share: w.share })),
    { name: input.breach, kind: 'breach', afterMinutes: 0 },
    ...input.escalations.map((name, i) => ({
      name,
      kind: 'breach' as const,
      afterMinutes: (i + 1) * input.stepMinutes,
    })),
  ]
}

// The clock

/** A suspension stops the clock for a step with its own limit (expert review, hearing, public notice). */
export type Suspension = { kind: string; since: Date; limitMinutes: number }

export type Clock<T extends string = string> = {
  startedAt: Date
  budgetMinutes: number
  elapsedMinutes: number
  elapsedAt: Date
  pausedSince: Date | null
  stoppedAt: Date | null
  /** thresholds already acted on */
  fired: T[]
  /** Why the clock is paused, when the module documents it on the clock (it always does on the event). */
  pauseReason?: string | null
  /** The suspension the clock is paused for, if it is one. */
  suspension?: Suspension | null
}

export function startClock<T extends string = string>(at: Date, budgetMinutes: number): Clock<T> {
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

export function isRunning(clock: Clock<string>): boolean {
  return clock.stoppedAt === null && clock.pausedSince === null
}

/** Minutes used by `now`. */
export function usedMinutes(clock: Clock<string>, now: Date, meter: TimeMeter): number {
  if (!isRunning(clock)) return clock.elapsedMinutes
  return clock.elapsedMinutes + meter.workingMinutesBetween(clock.elapsedAt, now)
}

/** Whether the budget is used up by `now`: an extension asked for now would come too late. */
export function isPastBudget(clock: Clock<string>, now: Date, meter: TimeMeter): boolean {
  return usedMinutes(clock, now, meter) >= clock.budgetMinutes
}

function bank<C extends Clock<string>>(clock: C, now: Date, meter: TimeMeter): C {
  return { ...clock, elapsedMinutes: usedMinutes(clock, now, meter), elapsedAt: now }
}

/** A documented pause (waiting for the applicant or a third party): the count stops. */
export function pauseClock<C extends Clock<string>>(
  clock: C,
  now: Date,
  meter: TimeMeter,
  reason?: string,
): C {
  if (!isRunning(clock)) return clock
  return {
    ...bank(clock, now, meter),
    pausedSince: now,
    ...(reason === undefined ? {} : { pauseReason: reason }),
  }
}

/** A suspension is a pause with its own limit: the case's clock stops, the suspension's runs. */
export function suspendClock<C extends Clock<string>>(
  clock: C,
  now: Date,
  meter: TimeMeter,
  suspension: { kind: string; limitMinutes: number },
): C {
  if (!isRunning(clock)) return clock
  return { ...bank(clock, now, meter), pausedSince: now, suspension: { ...suspension, since: now } }
}

/** When the suspension's own limit ends (null when the clock is not suspended). */
export function suspensionDueAt(clock: Clock<string>, meter: TimeMeter): Date | null {
  if (!clock.suspension || clock.stoppedAt !== null) return null
  return meter.addWorkingMinutes(clock.suspension.since, clock.suspension.limitMinutes)
}

export function isSuspensionOverdue(clock: Clock<string>, now: Date, meter: TimeMeter): boolean {
  if (!clock.suspension || clock.stoppedAt !== null) return false
  return meter.workingMinutesBetween(clock.suspension.since, now) > clock.suspension.limitMinutes
}

/** Ends a pause or a suspension: the count goes on from `now`. */
export function resumeClock<C extends Clock<string>>(clock: C, now: Date): C {
  if (clock.stoppedAt !== null || clock.pausedSince === null) return clock
  const resumed = { ...clock, pausedSince: null, elapsedAt: now }
  if (clock.pauseReason !== undefined) resumed.pauseReason = null
  if (clock.suspension !== undefined) resumed.suspension = null
  return resumed
}

export function stopClock<C extends Clock<string>>(clock: C, now: Date, meter: TimeMeter): C {
  if (clock.stoppedAt !== null) return clock
  return { ...bank(clock, now, meter), pausedSince: null, stoppedAt: now }
}

/**
 * An approved extension adds minutes to the budget; thresholds not yet reached under the new budget
 * fire again later (a warning given for the old deadline comes again for the new one).
 */
export function extendClock<T extends string, C extends Clock<T>>(
  clock: C,
  extraMinutes: number,
  now: Date,
  meter: TimeMeter,
  policy: ThresholdPolicy<T>,
): C {
  const banked = isRunning(clock) ? bank(clock, now, meter) : clock
  const budgetMinutes = banked.budgetMinutes + extraMinutes
  const limits = thresholdMinutes(policy, budgetMinutes)
  return { ...banked, budgetMinutes, fired: banked.fired.filter((t) => limits[t] <= banked.elapsedMinutes) }
}

/** The instant the clock will have used `minutes`, if it keeps running; null when paused or stopped. */
export function instantAt(clock: Clock<string>, minutes: number, meter: TimeMeter): Date | null {
  if (!isRunning(clock)) return null
  const remaining = minutes - clock.elapsedMinutes
  if (remaining <= 0) return clock.elapsedAt
  return meter.addWorkingMinutes(clock.elapsedAt, remaining)
}

export function dueAt(clock: Clock<string>, meter: TimeMeter): Date | null {
  return instantAt(clock, clock.budgetMinutes, meter)
}

/** When a sweep next has to look at this clock: the earliest threshold not yet acted on. */
export function nextCheckAt<T extends string>(
  clock: Clock<T>,
  meter: TimeMeter,
  policy: ThresholdPolicy<T>,
): Date | null {
  if (!isRunning(clock)) return null
  const limits = thresholdMinutes(policy, clock.budgetMinutes)
  const pending = policy.find((rule) => !clock.fired.includes(rule.name))
  return pending ? instantAt(clock, limits[pending.name], meter) : null
}

/** Thresholds reached by `now` and not yet acted on, in the policy's order; the clock with them marked fired. */
export function fireDue<T extends string, C extends Clock<T>>(
  clock: C,
  now: Date,
  meter: TimeMeter,
  policy: ThresholdPolicy<T>,
): { clock: C; fired: T[] } {
  if (!isRunning(clock)) return { clock, fired: [] }
  const used = usedMinutes(clock, now, meter)
  const limits = thresholdMinutes(policy, clock.budgetMinutes)
  const fired = policy.map((r) => r.name).filter((t) => !clock.fired.includes(t) && used >= limits[t])
  return { clock: { ...clock, fired: [...clock.fired, ...fired] }, fired }
}

/** Met when stopped within budget, missed when stopped past it, undecided while it runs. */
export function isMet(clock: Clock<string>): boolean | null {
  return clock.stoppedAt === null ? null : clock.elapsedMinutes <= clock.budgetMinutes
}

/** How far a breach has climbed: 0 none, 1 the breach, 2 the first escalation, and so on. */
export function escalationLevel<T extends string>(clock: Clock<T>, policy: ThresholdPolicy<T>): number {
  const breaches = policy.filter((r) => r.kind === 'breach').map((r) => r.name)
  let level = 0
  breaches.forEach((name, i) => {
    if (clock.fired.includes(name)) level = i + 1
  })
  return level
}
