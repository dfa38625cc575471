import { describe, expect, it } from 'vitest'
import { parseClock, WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { isWeekend } from '../../kernel/calendar/zoned-time'
import { suspendClock } from '../../kernel/cases/clock'
import {
  ELAPSED_TIME,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type Clock,
} from './appeal-deadline-rules'
import { budgetFor, derivedColumns, rowToClock } from './appeal-clock-store.service'
import type { ClockRow } from './appeal-clocks.queries'
import { DEFAULT_APPEAL_SETTINGS } from './appeal-settings'

const cal = new WorkingCalendar(
  (date) => ({ date, isWorkingDay: !isWeekend(date), name: '', source: 'package' }),
  [
    { start: parseClock('09:00'), end: parseClock('12:00') },
    { start: parseClock('13:30'), end: parseClock('17:30') },
  ],
  'Asia/Shanghai',
)
const at = (local: string) => new Date(`${local}+08:00`)
const settings = DEFAULT_APPEAL_SETTINGS

describe('stored clocks are whole minutes', () => {
  it.each([
    ['a start on a whole minute', '2026-11-24T10:00:00'],
    ['a start 30.5 seconds into a minute, inside working hours', '2026-11-24T10:00:30.500'],
    ['a start at night', '2026-11-24T22:17:43'],
  ])('%s', (_name, start) => {
    const budget = budgetFor({ unit: 'working_days', value: 10 }, at(start), cal)
    expect(Number.isInteger(budget.minutes)).toBe(true)
    let clock = startClock(at(start), budget.minutes)
    clock = pauseClock(clock, at('2026-11-25T11:11:11.111'), cal)
    const paused = derivedColumns(clock, cal, settings)
    expect(Number.isInteger(paused.elapsed_minutes)).toBe(true)
    const stopped = derivedColumns(stopClock(clock, at('2026-11-26T09:00:01'), cal), cal, settings)
    expect(Number.isInteger(stopped.elapsed_minutes) && Number.isInteger(stopped.budget_minutes)).toBe(true)
  })
})

describe('what a target counts', () => {
  const friday5pm = at('2026-11-27T17:00:00')
  it.each([
    // An emergency does not wait for Monday: 2 clock hours from Friday 17:00 end at 19:00.
    ['2 clock hours', { unit: 'hours', value: 2 } as const, 120, 'elapsed', '2026-11-27T19:00:00'],
    // The same two hours of working time end on Monday at 10:30.
    ['2 working hours', { unit: 'working_hours', value: 2 } as const, 120, 'working', '2026-11-30T10:30:00'],
    // 'n working days' end at the close of the n-th working day after: Monday 17:30.
    ['1 working day', { unit: 'working_days', value: 1 } as const, 450, 'working', '2026-11-30T17:30:00'],
  ])('%s from Friday 17:00', (_name, target, minutes, basis, due) => {
    const budget = budgetFor(target, friday5pm, cal)
    expect(budget).toEqual({ minutes, basis })
    const meter = basis === 'elapsed' ? ELAPSED_TIME : cal
    expect(derivedColumns(startClock(friday5pm, budget.minutes), meter, settings).due_at).toEqual(at(due))
  })
})

describe('a stored clock keeps why it is paused, and a suspension with its limit', () => {
  const start = startClock(at('2026-11-24T10:00:00'), 600)
  const then = at('2026-11-25T10:00:00')
  const paused = pauseClock(start, then, cal, 'awaiting_enterprise')
  const suspended = suspendClock(start, then, cal, { kind: 'expert_review', limitMinutes: 1200 })
  const none = {
    pause_reason: null,
    suspension_kind: null,
    suspension_since: null,
    suspension_limit_minutes: null,
  }
  it.each<[string, Clock, Record<string, unknown>]>([
    ['running', start, none],
    ['paused, with its reason', paused, { ...none, pause_reason: 'awaiting_enterprise' }],
    [
      'suspended, with its kind, start and limit',
      suspended,
      { ...none, suspension_kind: 'expert_review', suspension_since: then, suspension_limit_minutes: 1200 },
    ],
    ['resumed: neither', resumeClock(paused, at('2026-11-26T10:00:00')), none],
    ['stopped while paused: neither', stopClock(paused, at('2026-11-26T10:00:00'), cal), none],
  ])('%s', (_name, clock, expected) => {
    const columns = derivedColumns(clock, cal, settings)
    expect(columns).toMatchObject(expected)
    // Read back from its row, the clock is the one that was stored.
    const row = { ...columns, started_at: clock.startedAt } as unknown as ClockRow
    const back = rowToClock(row)
    expect(back.pauseReason ?? null).toBe(clock.pausedSince ? (clock.pauseReason ?? null) : null)
    expect(back.suspension ?? null).toEqual(clock.pausedSince ? (clock.suspension ?? null) : null)
  })
})
