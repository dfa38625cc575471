import { describe, expect, it } from 'vitest'
import { parseClock, WorkingCalendar, type DayInfo } from '../../kernel/calendar/working-calendar'
import { isWeekend } from '../../kernel/calendar/zoned-time'
import { dueAfterResume, remainingAtPause, reviewDueAt, workingDaysBetween } from './claim-clock'

/** Mon–Fri working, the National Day week off (2026-10-01…07), 09:00–12:00 and 13:30–17:30 in Shanghai. */
const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])
const resolve = (date: string): DayInfo => ({
  date,
  isWorkingDay: !holidays.has(date) && !isWeekend(date),
  name: '',
  source: 'package',
})
const cal = new WorkingCalendar(
  resolve,
  [
    { start: parseClock('09:00'), end: parseClock('12:00') },
    { start: parseClock('13:30'), end: parseClock('17:30') },
  ],
  'Asia/Shanghai',
)
const at = (local: string) => new Date(`${local}+08:00`)

describe('the review clock', () => {
  it.each([
    ['Tue + 5 is next Tue', '2026-09-15T10:00:00', 5, '2026-09-22T17:30:00'],
    ['Wed + 1 jumps the holiday', '2026-09-30T10:00:00', 1, '2026-10-08T17:30:00'],
    ['submitted on Saturday + 1 is Monday', '2026-09-19T10:00:00', 1, '2026-09-21T17:30:00'],
  ])('%s', (_name, submitted, days, due) => {
    expect(reviewDueAt(cal, at(submitted), days)).toEqual(at(due))
  })

  it('a supplement request keeps the whole working minutes left', () => {
    // Monday 16:00 to Tuesday 17:30: 90 minutes on Monday and 420 on Tuesday
    expect(remainingAtPause(cal, at('2026-09-15T17:30:00'), at('2026-09-14T16:00:00'))).toBe(510)
    expect(remainingAtPause(cal, at('2026-09-15T17:30:00'), at('2026-09-14T16:00:30'))).toBe(509)
    // already overdue: nothing left
    expect(remainingAtPause(cal, at('2026-09-15T17:30:00'), at('2026-09-16T10:00:00'))).toBe(0)
  })

  it('resubmission resumes with those minutes, counted on working time only', () => {
    // 510 minutes from Friday 16:00: 90 on Friday, then Monday's 420
    expect(dueAfterResume(cal, at('2026-09-18T16:00:00'), 510, at('2026-09-15T17:30:00'))).toEqual(
      at('2026-09-21T17:30:00'),
    )
    // a resubmission in the evening starts counting the next morning
    expect(dueAfterResume(cal, at('2026-09-18T20:00:00'), 60, at('2026-09-15T17:30:00'))).toEqual(
      at('2026-09-21T10:00:00'),
    )
  })

  it('a deadline missed before the supplement request stays missed', () => {
    const due = at('2026-09-15T17:30:00')
    expect(dueAfterResume(cal, at('2026-09-25T10:00:00'), 0, due)).toEqual(due)
  })
})

describe('working days between two instants', () => {
  it.each([
    ['one whole working day', '2026-09-14T09:00:00', '2026-09-14T17:30:00', 1],
    ['over a weekend', '2026-09-18T09:00:00', '2026-09-21T17:30:00', 2],
    ['over the National Day week', '2026-09-30T09:00:00', '2026-10-08T17:30:00', 2],
    ['half a morning', '2026-09-14T09:00:00', '2026-09-14T10:30:00', 0.2],
    ['backwards is zero', '2026-09-15T09:00:00', '2026-09-14T09:00:00', 0],
  ])('%s', (_name, from, to, days) => {
    expect(workingDaysBetween(cal, at(from), at(to))).toBe(days)
  })
})
