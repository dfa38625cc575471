import { describe, expect, it } from 'vitest'
import { parseClock, WorkingCalendar } from '../calendar/working-calendar'
import { isWeekend } from '../calendar/zoned-time'
import {
  budgetFor,
  dueAt,
  ELAPSED_TIME,
  escalatingPolicy,
  escalationLevel,
  extendClock,
  fireDue,
  isPastBudget,
  isPromiseWithinStatute,
  isSuspensionOverdue,
  limitEndsAt,
  nextCheckAt,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  suspendClock,
  suspensionDueAt,
  thresholdMinutes,
  usedMinutes,
  type Limit,
  type ThresholdPolicy,
} from './clock'

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

type T = 'early' | 'late' | 'over' | 'up1'
/** A policy no module uses: warnings at a quarter and at 90 %, one escalation half a day after the breach. */
const policy: ThresholdPolicy<T> = escalatingPolicy<T>({
  warnings: [
    { name: 'early', share: 0.25 },
    { name: 'late', share: 0.9 },
  ],
  breach: 'over',
  escalations: ['up1'],
  stepMinutes: DAY / 2,
})

describe('limits', () => {
  const friday5pm = at('2026-11-27T17:00:00')
  it.each([
    ['clock hours count every minute', { unit: 'hours', value: 2 }, 120, 'elapsed', '2026-11-27T19:00:00'],
    [
      'working hours wait for Monday',
      { unit: 'working_hours', value: 2 },
      120,
      'working',
      '2026-11-30T10:30:00',
    ],
    [
      'a working day ends at the close of the next one',
      { unit: 'working_days', value: 1 },
      450,
      'working',
      '2026-11-30T17:30:00',
    ],
    [
      'two working days over a weekend',
      { unit: 'working_days', value: 2 },
      870,
      'working',
      '2026-12-01T17:30:00',
    ],
  ] as const)('%s', (_name, limit, minutes, basis, ends) => {
    expect(budgetFor(limit, friday5pm, cal)).toEqual({ minutes, basis })
    expect(limitEndsAt(limit, friday5pm, cal)).toEqual(at(ends))
  })

  const days = (value: number): Limit => ({ unit: 'working_days', value })
  it.each([
    ['a promise shorter than the statute', days(5), days(20), true],
    ['a promise equal to the statute', days(20), days(20), true],
    ['a promise longer than the statute', days(21), days(20), false],
    [
      '48 clock hours against 1 working day from Friday evening',
      { unit: 'hours', value: 48 } as Limit,
      days(1),
      true,
    ],
    [
      '73 clock hours against 1 working day from Friday evening',
      { unit: 'hours', value: 73 } as Limit,
      days(1),
      false,
    ],
    ['no statute', days(400), undefined, true],
  ])('%s', (_name, promised, statutory, ok) => {
    expect(isPromiseWithinStatute({ promised, statutory }, friday5pm, cal)).toBe(ok)
  })
})

describe('thresholds at configurable shares', () => {
  it('places warnings at shares, the breach at the budget and escalations a step after', () => {
    expect(thresholdMinutes(policy, 1000)).toEqual({ early: 250, late: 900, over: 1000, up1: 1210 })
  })

  it('fires each threshold once, in order, and climbs the escalation levels', () => {
    let clock = startClock<T>(at('2026-09-28T09:00:00'), DAY)
    expect(nextCheckAt(clock, cal, policy)).toEqual(at('2026-09-28T10:45:00'))
    const steps: [string, T[], number][] = [
      ['2026-09-28T10:44:00', [], 0],
      ['2026-09-28T10:45:00', ['early'], 0],
      ['2026-09-28T17:00:00', ['late'], 0], // 378 minutes: 16:48
      ['2026-09-28T17:30:00', ['over'], 1],
      ['2026-09-29T14:00:00', ['up1'], 2], // half a working day (210 minutes) later
      ['2026-10-12T12:00:00', [], 2],
    ]
    for (const [now, expected, level] of steps) {
      const result = fireDue(clock, at(now), cal, policy)
      expect(result.fired, now).toEqual(expected)
      clock = result.clock
      expect(escalationLevel(clock, policy), now).toBe(level)
    }
    expect(nextCheckAt(clock, cal, policy)).toBeNull()
  })

  it('a late sweep fires everything it missed at once', () => {
    const clock = startClock<T>(at('2026-09-28T09:00:00'), DAY)
    expect(fireDue(clock, at('2026-09-30T09:00:00'), cal, policy).fired).toEqual([
      'early',
      'late',
      'over',
      'up1',
    ])
  })
})

describe('pauses and suspensions', () => {
  it('a documented pause stops the count and keeps its reason until resumed', () => {
    let clock = startClock<T>(at('2026-09-28T09:00:00'), DAY)
    clock = pauseClock(clock, at('2026-09-28T11:00:00'), cal, 'waiting_for_applicant')
    expect(clock.pauseReason).toBe('waiting_for_applicant')
    expect(usedMinutes(clock, at('2026-09-29T17:00:00'), cal)).toBe(120)
    expect(fireDue(clock, at('2026-10-30T10:00:00'), cal, policy).fired).toEqual([])
    clock = resumeClock(clock, at('2026-09-29T09:00:00'))
    expect(clock.pauseReason).toBeNull()
    expect(dueAt(clock, cal)).toEqual(at('2026-09-29T15:30:00'))
  })

  it('a suspension carries its own limit; the case clock waits for it', () => {
    let clock = startClock<T>(at('2026-09-28T09:00:00'), 5 * DAY)
    clock = suspendClock(clock, at('2026-09-28T10:00:00'), cal, {
      kind: 'expert_review',
      limitMinutes: 2 * DAY,
    })
    expect(clock.suspension).toEqual({
      kind: 'expert_review',
      since: at('2026-09-28T10:00:00'),
      limitMinutes: 840,
    })
    expect(suspensionDueAt(clock, cal)).toEqual(at('2026-09-30T10:00:00'))
    expect(isSuspensionOverdue(clock, at('2026-09-30T10:00:00'), cal)).toBe(false)
    expect(isSuspensionOverdue(clock, at('2026-09-30T10:01:00'), cal)).toBe(true)
    expect(usedMinutes(clock, at('2026-10-09T10:00:00'), cal)).toBe(60)
    clock = resumeClock(clock, at('2026-10-09T09:00:00'))
    expect(clock.suspension).toBeNull()
    expect(suspensionDueAt(clock, cal)).toBeNull()
    expect(usedMinutes(clock, at('2026-10-09T10:00:00'), cal)).toBe(120)
  })

  it('a stopped clock ignores pauses and resumptions', () => {
    const stopped = stopClock(startClock<T>(at('2026-09-28T09:00:00'), DAY), at('2026-09-28T10:00:00'), cal)
    expect(pauseClock(stopped, at('2026-09-28T11:00:00'), cal)).toBe(stopped)
    expect(resumeClock(stopped, at('2026-09-28T11:00:00'))).toBe(stopped)
  })
})

describe('extensions', () => {
  it('an approved extension adds minutes; a warning of the old budget comes again for the new one', () => {
    let clock = startClock<T>(at('2026-09-28T09:00:00'), DAY)
    clock = fireDue(clock, at('2026-09-28T17:00:00'), cal, policy).clock
    expect(clock.fired).toEqual(['early', 'late'])
    clock = extendClock(clock, DAY, at('2026-09-28T17:00:00'), cal, policy)
    expect(clock.fired).toEqual(['early']) // 25 % of two days is still behind; 90 % is not yet
    expect(dueAt(clock, cal)).toEqual(at('2026-09-29T17:30:00'))
  })

  it('may be asked for only while the budget lasts', () => {
    const clock = startClock<T>(at('2026-09-28T09:00:00'), DAY)
    expect(isPastBudget(clock, at('2026-09-28T17:29:00'), cal)).toBe(false)
    expect(isPastBudget(clock, at('2026-09-28T17:30:00'), cal)).toBe(true)
  })

  it('counts every minute on a clock in clock hours', () => {
    const clock = startClock<T>(at('2026-11-27T17:00:00'), 120)
    expect(dueAt(clock, ELAPSED_TIME)).toEqual(at('2026-11-27T19:00:00'))
  })
})
