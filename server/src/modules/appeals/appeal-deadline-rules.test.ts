import { describe, expect, it } from 'vitest'
import { parseClock, WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { isWeekend } from '../../kernel/calendar/zoned-time'
import {
  dueAt,
  escalationLevel,
  extendClock,
  fireDue,
  isMet,
  nextCheckAt,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  usedMinutes,
} from './appeal-deadline-rules'

// Mon–Fri, 09:00–12:00 and 13:30–17:30 (420 minutes a day), with National Day 2026-10-01..07 off.
const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])
const cal = new WorkingCalendar(
  (date) => ({ date, isWorkingDay: !holidays.has(date) && !isWeekend(date), name: '', source: 'package' }),
  [
    { start: parseClock('09:00'), end: parseClock('12:00') },
    { start: parseClock('13:30'), end: parseClock('17:30') },
  ],
  'Asia/Shanghai',
)
const at = (local: string) => new Date(`${local}+08:00`)
const DAY = 420
const STEP = DAY

describe('a running clock', () => {
  it('counts working minutes only and projects its due instant', () => {
    const clock = startClock(at('2026-09-28T10:00:00'), 2 * DAY)
    expect(usedMinutes(clock, at('2026-09-28T17:30:00'), cal)).toBe(360)
    expect(usedMinutes(clock, at('2026-09-29T08:00:00'), cal)).toBe(360)
    expect(dueAt(clock, cal)).toEqual(at('2026-09-30T10:00:00'))
  })

  it('jumps holidays: 2 working days from the eve of National Day end after the holiday', () => {
    const clock = startClock(at('2026-09-30T10:00:00'), 2 * DAY)
    expect(dueAt(clock, cal)).toEqual(at('2026-10-09T10:00:00'))
  })
})

describe('pauses do not count', () => {
  it('a documented pause stops the count; the due instant moves by the paused working time', () => {
    let clock = startClock(at('2026-09-28T09:00:00'), DAY)
    clock = pauseClock(clock, at('2026-09-28T11:00:00'), cal)
    expect(usedMinutes(clock, at('2026-09-29T17:00:00'), cal)).toBe(120)
    expect(dueAt(clock, cal)).toBeNull()
    clock = resumeClock(clock, at('2026-09-29T09:00:00'))
    expect(dueAt(clock, cal)).toEqual(at('2026-09-29T15:30:00')) // 120 used Monday, 180 + 120 on Tuesday
  })

  it('pausing and resuming many times never gains or loses a minute', () => {
    let clock = startClock(at('2026-09-28T09:00:00'), 3 * DAY)
    const steps = [
      '2026-09-28T10:00:00',
      '2026-09-28T10:30:00',
      '2026-09-28T15:00:00',
      '2026-09-29T09:15:00',
      '2026-09-29T11:00:00',
      '2026-09-30T14:00:00',
    ]
    for (let i = 0; i < steps.length; i += 2) {
      clock = pauseClock(clock, at(steps[i]!), cal)
      clock = resumeClock(clock, at(steps[i + 1]!))
    }
    const paused =
      30 +
      cal.workingMinutesBetween(at('2026-09-28T15:00:00'), at('2026-09-29T09:15:00')) +
      cal.workingMinutesBetween(at('2026-09-29T11:00:00'), at('2026-09-30T14:00:00'))
    const end = at('2026-10-09T17:30:00')
    expect(usedMinutes(clock, end, cal)).toBe(
      cal.workingMinutesBetween(at('2026-09-28T09:00:00'), end) - paused,
    )
  })
})

describe('thresholds', () => {
  it('warns at 50 % and 80 %, breaches at 100 %, then escalates one level per step', () => {
    let clock = startClock(at('2026-09-28T09:00:00'), DAY)
    expect(nextCheckAt(clock, cal, STEP)).toEqual(at('2026-09-28T14:00:00')) // 210 min: 180 in the morning + 30 after lunch
    const timeline: [string, string[]][] = [
      ['2026-09-28T13:59:00', []],
      ['2026-09-28T14:01:00', ['warn50']],
      ['2026-09-28T16:10:00', ['warn80']], // 336 min: 16:06
      ['2026-09-28T17:30:00', ['breach']],
      ['2026-09-29T17:00:00', []],
      ['2026-09-29T17:30:00', ['escalate2']], // one working day later
      ['2026-09-30T17:30:00', ['escalate3']], // and another
      ['2026-10-12T12:00:00', []],
    ]
    for (const [now, expected] of timeline) {
      const result = fireDue(clock, at(now), cal, STEP)
      expect(result.fired, now).toEqual(expected)
      clock = result.clock
    }
    expect(escalationLevel(clock)).toBe(3)
    expect(nextCheckAt(clock, cal, STEP)).toBeNull()
  })

  it('a late sweep fires everything it missed, in order', () => {
    const clock = startClock(at('2026-09-28T09:00:00'), DAY)
    expect(fireDue(clock, at('2026-09-29T17:30:00'), cal, STEP).fired).toEqual([
      'warn50',
      'warn80',
      'breach',
      'escalate2',
    ])
  })

  it('a paused clock never fires', () => {
    const clock = pauseClock(startClock(at('2026-09-28T09:00:00'), DAY), at('2026-09-28T10:00:00'), cal)
    expect(fireDue(clock, at('2026-10-30T10:00:00'), cal, STEP).fired).toEqual([])
  })
})

describe('extensions and stopping', () => {
  it('an extension adds working time; a warning already given for the old budget comes again later', () => {
    let clock = startClock(at('2026-09-28T09:00:00'), DAY)
    clock = fireDue(clock, at('2026-09-28T16:10:00'), cal, STEP).clock
    expect(clock.fired).toEqual(['warn50', 'warn80'])
    clock = extendClock(clock, 2 * DAY, at('2026-09-28T16:10:00'), cal, STEP)
    expect(clock.fired).toEqual([])
    expect(dueAt(clock, cal)).toEqual(at('2026-09-30T17:30:00'))
  })

  it('is met when stopped within budget, missed otherwise', () => {
    const a = stopClock(startClock(at('2026-09-28T09:00:00'), DAY), at('2026-09-28T17:00:00'), cal)
    const b = stopClock(startClock(at('2026-09-28T09:00:00'), DAY), at('2026-09-29T09:01:00'), cal)
    expect([isMet(a), isMet(b)]).toEqual([true, false])
    expect(b.elapsedMinutes).toBe(DAY + 1)
  })
})
