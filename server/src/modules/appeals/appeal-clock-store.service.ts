import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { budgetFor } from '../../kernel/cases/clock'
import type { Tx } from '../../kernel/db/database'
import {
  dueAt,
  escalationLevel,
  extendClock,
  isMet,
  meterFor,
  nextCheckAt,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type Clock,
  type Threshold,
  type TimeMeter,
} from './appeal-deadline-rules'
import { targetFor, type AppealClockKind, type AppealSettings, type Tier } from './appeal-settings'
import {
  findClocks,
  insertClock,
  reassignRunningClocks,
  updateClock,
  type ClockRow,
} from './appeal-clocks.queries'
import { recordClockOutcome, refreshNextDue } from './appeal-read-model.queries'
import type { AppealPausesTable } from './appeals.tables'

type PauseReason = AppealPausesTable['reason']

/**
 * Reads and writes the deadline clocks of one appeal inside the caller's transaction. Each write
 * stores the pure clock plus what the sweep and the lists need: the projected due instant, the next
 * instant the sweep must look, whether it was met, the escalation level.
 */
export type ClockEnv = { tx: Tx; calendar: WorkingCalendar; settings: AppealSettings; now: Date }

export function escalationStepMinutes(settings: AppealSettings): number {
  return Math.round(settings.escalationStepWorkingHours * 60)
}

export function rowToClock(row: ClockRow): Clock {
  return {
    startedAt: row.started_at,
    budgetMinutes: row.budget_minutes,
    elapsedMinutes: row.elapsed_minutes,
    elapsedAt: row.elapsed_at,
    pausedSince: row.paused_since,
    stoppedAt: row.stopped_at,
    fired: row.fired as Threshold[],
    pauseReason: row.pause_reason,
    suspension:
      row.suspension_kind === null
        ? null
        : {
            kind: row.suspension_kind,
            since: row.suspension_since!,
            limitMinutes: row.suspension_limit_minutes!,
          },
  }
}

/** The meter a stored clock counts with. */
export function meterOf(row: Pick<ClockRow, 'basis'>, calendar: WorkingCalendar): TimeMeter {
  return meterFor(row.basis, calendar)
}

/**
 * The columns a clock is stored as. Working time between two instants has fractions of a minute
 * (seconds); minutes are stored whole, rounded at each change — at most half a minute per pause.
 */
export function derivedColumns(clock: Clock, meter: TimeMeter, settings: AppealSettings) {
  // Why it is paused, and a suspension's limit, are kept while the clock is paused (a stop ends both).
  const paused = clock.pausedSince !== null
  const suspension = paused ? (clock.suspension ?? null) : null
  return {
    budget_minutes: Math.round(clock.budgetMinutes),
    elapsed_minutes: Math.round(clock.elapsedMinutes),
    elapsed_at: clock.elapsedAt,
    paused_since: clock.pausedSince,
    stopped_at: clock.stoppedAt,
    fired: clock.fired,
    due_at: dueAt(clock, meter),
    next_check_at: nextCheckAt(clock, meter, escalationStepMinutes(settings)),
    escalation_level: escalationLevel(clock),
    is_met: isMet(clock),
    pause_reason: paused ? (clock.pauseReason ?? null) : null,
    suspension_kind: suspension?.kind ?? null,
    suspension_since: suspension?.since ?? null,
    suspension_limit_minutes: suspension?.limitMinutes ?? null,
  }
}

/** Minutes a target allows from its start, and what they count: the kit's limits (kernel/cases/clock.ts). */
export { budgetFor }

/** A co-handler's part is due within a share of the resolution target, counted the same way. */
function budgetOf(env: ClockEnv, kind: AppealClockKind, tier: Tier) {
  if (kind !== 'co_part') return budgetFor(targetFor(env.settings, tier, kind), env.now, env.calendar)
  const resolution = budgetFor(targetFor(env.settings, tier, 'resolution'), env.now, env.calendar)
  return { ...resolution, minutes: Math.round(resolution.minutes * env.settings.coPartShare) }
}

export async function startAppealClock(
  env: ClockEnv,
  input: {
    appealId: string
    kind: AppealClockKind
    cycle: number
    tier: Tier
    departmentId: string | null
    assignmentId?: string | null
  },
): Promise<void> {
  const budget = budgetOf(env, input.kind, input.tier)
  const clock = startClock(env.now, budget.minutes)
  await insertClock(env.tx, {
    appeal_id: input.appealId,
    assignment_id: input.assignmentId ?? null,
    kind: input.kind,
    basis: budget.basis,
    cycle: input.cycle,
    department_id: input.departmentId,
    started_at: env.now,
    ...derivedColumns(clock, meterFor(budget.basis, env.calendar), env.settings),
  })
  await refreshNextDue(env.tx, input.appealId)
}

type Change = (clock: Clock, row: ClockRow, meter: TimeMeter) => Clock

/** Applies a change to the appeal's clocks that match, saves those that changed, and keeps the appeal's nearest deadline. */
export async function changeClocks(
  env: ClockEnv,
  appealId: string,
  match: (row: ClockRow) => boolean,
  change: Change,
): Promise<{ row: ClockRow; after: Clock }[]> {
  const rows = await findClocks(env.tx, appealId)
  const changed: { row: ClockRow; after: Clock }[] = []
  for (const row of rows.filter(match)) {
    const before = rowToClock(row)
    const meter = meterOf(row, env.calendar)
    const after = change(before, row, meter)
    if (after === before) continue
    await updateClock(env.tx, row.id, derivedColumns(after, meter, env.settings))
    changed.push({ row, after })
  }
  if (changed.length) await refreshNextDue(env.tx, appealId)
  return changed
}

export const running = (row: ClockRow) => row.stopped_at === null

/**
 * Stops clocks; a stopped clock keeps the due instant it last had, so a timeline can say "due …,
 * answered …". `void` stops clocks that ended without the thing they measured (a withdrawal, a
 * return): one still within its budget is neither met nor missed, so neither can buy a department an
 * on-time figure; one already past its budget stays missed, so a withdrawal the department talked the
 * enterprise into, or a late return, cannot erase a breach.
 */
export async function stopAppealClocks(
  env: ClockEnv,
  appealId: string,
  match: (row: ClockRow) => boolean = running,
  options: { void?: boolean } = {},
): Promise<ClockRow[]> {
  const changed = await changeClocks(
    env,
    appealId,
    (r) => running(r) && match(r),
    (c, _row, meter) => stopClock(c, env.now, meter),
  )
  for (const { row, after } of changed) {
    const met = isMet(after)
    const isVoided = options.void === true && met !== false
    await updateClock(env.tx, row.id, { due_at: row.due_at, ...(isVoided ? { is_met: null } : {}) })
    if (!isVoided && met !== null) await recordClockOutcome(env.tx, appealId, row.kind, row.cycle, met)
  }
  return changed.map((c) => c.row)
}

export function voidAppealClocks(
  env: ClockEnv,
  appealId: string,
  match: (row: ClockRow) => boolean = running,
) {
  return stopAppealClocks(env, appealId, match, { void: true })
}

/** A documented pause: the clocks stop, each knowing why. */
export function pauseAppealClocks(env: ClockEnv, appealId: string, reason: PauseReason) {
  return changeClocks(
    env,
    appealId,
    (r) => running(r) && r.paused_since === null,
    (c, _row, meter) => pauseClock(c, env.now, meter, reason),
  )
}

export function resumeAppealClocks(env: ClockEnv, appealId: string) {
  return changeClocks(
    env,
    appealId,
    (r) => running(r) && r.paused_since !== null,
    (c) => resumeClock(c, env.now),
  )
}

/**
 * An approved extension of n working days: n working days of working time, or — on a clock that counts
 * every minute — the time from its due instant to n working days later.
 */
export function extendResolution(env: ClockEnv, appealId: string, cycle: number, workingDays: number) {
  return changeClocks(
    env,
    appealId,
    (r) => running(r) && r.kind === 'resolution' && r.cycle === cycle,
    (c, row, meter) => {
      let extra = workingDays * env.calendar.minutesPerDay
      if (row.basis === 'elapsed') {
        const from = dueAt(c, meter) ?? env.now
        extra = (env.calendar.addWorkingDays(from, workingDays).getTime() - from.getTime()) / 60_000
      }
      return extendClock(c, extra, env.now, meter, escalationStepMinutes(env.settings))
    },
  )
}

/** After a re-dispatch the appeal's clocks run on, now owed by the new lead department. */
export async function moveClocksTo(env: ClockEnv, appealId: string, departmentId: string): Promise<void> {
  await reassignRunningClocks(env.tx, appealId, departmentId)
}
