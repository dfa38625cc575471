import { describe, expect, it } from 'vitest'
import { parseClock, WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { isWeekend } from '../../kernel/calendar/zoned-time'
import { pauseClock, startClock, stopClock } from './appeal-clock'
import { budgetFor, derivedColumns } from './appeal-clocks.service'
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
const env = { calendar: cal, settings: DEFAULT_APPEAL_SETTINGS }

describe('stored clocks are whole minutes', () => {
  it.each([
    ['a start on a whole minute', '2026-11-24T10:00:00'],
    ['a start 30.5 seconds into a minute, inside working hours', '2026-11-24T10:00:30.500'],
    ['a start at night', '2026-11-24T22:17:43'],
  ])('%s', (_name, start) => {
    const budget = budgetFor({ unit: 'working_days', value: 10 }, at(start), cal)
    expect(Number.isInteger(budget)).toBe(true)
    let clock = startClock(at(start), budget)
    clock = pauseClock(clock, at('2026-11-25T11:11:11.111'), cal)
    const paused = derivedColumns(clock, env)
    expect(Number.isInteger(paused.elapsed_minutes)).toBe(true)
    const stopped = derivedColumns(stopClock(clock, at('2026-11-26T09:00:01'), cal), env)
    expect(Number.isInteger(stopped.elapsed_minutes) && Number.isInteger(stopped.budget_minutes)).toBe(true)
  })
})
