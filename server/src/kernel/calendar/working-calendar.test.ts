import { describe, expect, it } from 'vitest'
import { parseClock, WorkingCalendar, type DayInfo } from './working-calendar'
import { addDays, isWeekend, localDate, zonedInstant } from './zoned-time'

/**
 * A small hand-made calendar: Mon–Fri working, plus a holiday on Wed 2026-10-07 and a make-up
 * working Saturday 2026-10-10. Working time 09:00–12:00 and 13:30–17:30 in Asia/Shanghai.
 */
const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])
const makeUp = new Set(['2026-10-10'])
const resolve = (date: string): DayInfo => ({
  date,
  isWorkingDay: makeUp.has(date) || (!holidays.has(date) && !isWeekend(date)),
  name: '',
  source: 'package',
})
const slots = [
  { start: parseClock('09:00'), end: parseClock('12:00') },
  { start: parseClock('13:30'), end: parseClock('17:30') },
]
const cal = new WorkingCalendar(resolve, slots, 'Asia/Shanghai')
const at = (local: string) => new Date(`${local}+08:00`)
const iso = (d: Date) => d.toISOString()

describe('addWorkingDays: the start day does not count; due at the end of the n-th working day', () => {
  it.each([
    ['Tue morning + 1', '2026-09-29T10:00:00', 1, '2026-09-30T17:30:00'],
    ['Tue late night + 1', '2026-09-29T23:59:00', 1, '2026-09-30T17:30:00'],
    ['Wed + 1 jumps the National Day holiday and weekend', '2026-09-30T10:00:00', 1, '2026-10-08T17:30:00'],
    ['Thu + 2 lands on the make-up Saturday', '2026-10-08T09:00:00', 2, '2026-10-10T17:30:00'],
    ['started on a holiday, + 1', '2026-10-02T11:00:00', 1, '2026-10-08T17:30:00'],
    ['started on a Sunday, + 1 is Monday', '2026-09-27T08:00:00', 1, '2026-09-28T17:30:00'],
    ['+ 0 on a working day is the end of that day', '2026-09-29T10:00:00', 0, '2026-09-29T17:30:00'],
    ['+ 0 on a holiday is the end of the next working day', '2026-10-03T10:00:00', 0, '2026-10-08T17:30:00'],
    [
      'Fri + 10 (two weeks, around the holiday and the make-up Saturday)',
      '2026-09-25T15:00:00',
      10,
      '2026-10-15T17:30:00',
    ],
  ])('%s', (_name, start, n, due) => {
    expect(iso(cal.addWorkingDays(at(start), n))).toBe(iso(at(due)))
  })
})

describe('addWorkingMinutes: counts working time only', () => {
  it.each([
    ['inside the morning slot', '2026-09-29T10:00:00', 60, '2026-09-29T11:00:00'],
    [
      'ending exactly at the lunch break gives 12:00, not 13:30',
      '2026-09-29T11:00:00',
      60,
      '2026-09-29T12:00:00',
    ],
    ['crossing lunch', '2026-09-29T11:30:00', 60, '2026-09-29T14:00:00'],
    ['started at lunch: counting starts at 13:30', '2026-09-29T12:30:00', 30, '2026-09-29T14:00:00'],
    ['started before work: counting starts at 09:00', '2026-09-29T07:00:00', 120, '2026-09-29T11:00:00'],
    ['started after work: next morning', '2026-09-29T19:00:00', 30, '2026-09-30T09:30:00'],
    ['2 working hours across the evening', '2026-09-29T17:00:00', 120, '2026-09-30T10:30:00'],
    [
      '24 working hours = 3 working days (Mon–Wed) + 3 hours after the holiday',
      '2026-09-28T09:00:00',
      24 * 60,
      '2026-10-08T12:00:00',
    ],
    ['across the holiday', '2026-09-30T17:00:00', 60, '2026-10-08T09:30:00'],
    [
      'zero minutes outside work time is the next slot start',
      '2026-10-04T10:00:00',
      0,
      '2026-10-08T09:00:00',
    ],
  ])('%s', (_name, start, minutes, due) => {
    expect(iso(cal.addWorkingMinutes(at(start), minutes))).toBe(iso(at(due)))
  })
})

describe('workingMinutesBetween', () => {
  it.each([
    ['same slot', '2026-09-29T10:00:00', '2026-09-29T11:15:00', 75],
    ['over lunch', '2026-09-29T11:00:00', '2026-09-29T14:00:00', 90],
    ['a whole working day', '2026-09-29T00:00:00', '2026-09-30T00:00:00', 420],
    ['over the National Day holiday', '2026-09-30T17:00:00', '2026-10-08T09:30:00', 60],
    ['a weekend only', '2026-09-26T00:00:00', '2026-09-28T00:00:00', 0],
    ['reversed interval', '2026-09-29T11:00:00', '2026-09-29T10:00:00', 0],
    ['the make-up Saturday counts', '2026-10-10T00:00:00', '2026-10-11T00:00:00', 420],
  ])('%s', (_name, from, to, minutes) => {
    expect(cal.workingMinutesBetween(at(from), at(to))).toBe(minutes)
  })

  it('is the inverse of addWorkingMinutes', () => {
    for (const [start, minutes] of [
      ['2026-09-29T10:17:00', 1],
      ['2026-09-29T16:00:00', 600],
      ['2026-09-30T08:00:00', 2500],
    ] as const) {
      const due = cal.addWorkingMinutes(at(start), minutes)
      const startInWork = cal.addWorkingMinutes(at(start), 0)
      expect(cal.workingMinutesBetween(startInWork, due)).toBe(minutes)
    }
  })
})

describe('guards', () => {
  it('refuses overlapping or empty slots', () => {
    expect(() => new WorkingCalendar(resolve, [], 'Asia/Shanghai')).toThrow()
    expect(
      () =>
        new WorkingCalendar(
          resolve,
          [
            { start: 540, end: 720 },
            { start: 700, end: 800 },
          ],
          'Asia/Shanghai',
        ),
    ).toThrow()
  })
  it('stops instead of looping forever when no day is a working day', () => {
    const never = new WorkingCalendar(
      (date) => ({ date, isWorkingDay: false, name: '', source: 'fallback' }),
      slots,
      'Asia/Shanghai',
    )
    expect(() => never.addWorkingDays(at('2026-01-01T00:00:00'), 1)).toThrow(/No working day/)
  })
})

describe('zoned time', () => {
  it('maps local Shanghai time to instants and back', () => {
    const instant = zonedInstant('2026-03-01', 9 * 60 + 30, 'Asia/Shanghai')
    expect(instant.toISOString()).toBe('2026-03-01T01:30:00.000Z')
    expect(localDate(new Date('2026-02-28T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
  })
  it('handles zones with daylight saving', () => {
    // New York on the day clocks go forward: 09:00 local is EDT (UTC−4).
    expect(zonedInstant('2026-03-08', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    )
  })
})
