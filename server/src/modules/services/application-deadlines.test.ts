import { describe, expect, it } from 'vitest'
import { resolveDayFrom } from '../../kernel/calendar/calendar-source'
import { parseClock, WorkingCalendar } from '../../kernel/calendar/working-calendar'
import {
  completenessDueAt,
  decisionClock,
  endSpecialStep,
  extendClock,
  extensionDays,
  startSpecialStep,
  statutoryDays,
  supplementDueAt,
} from './application-deadlines'

/**
 * The licensing clocks over the calendar data the platform ships (the chinese-days package): 2026's
 * 中秋 (9-25…27), 国庆 (10-1…7) and their make-up working days (Sunday 9-20, Saturday 10-10).
 * Working time 09:00–12:00 and 13:30–17:30 in Dalian (420 minutes a day).
 */
const calendar = new WorkingCalendar(
  resolveDayFrom({
    revision: 0,
    timeZone: 'Asia/Shanghai',
    slots: [],
    overrides: new Map(),
    noticeDays: new Map(),
    noticeYears: new Set(),
  }),
  [
    { start: parseClock('09:00'), end: parseClock('12:00') },
    { start: parseClock('13:30'), end: parseClock('17:30') },
  ],
  'Asia/Shanghai',
)
const at = (local: string) => new Date(`${local}+08:00`)

describe('the completeness check is due 5 working days after receipt (第32条)', () => {
  it.each([
    ['an ordinary week: Mon → next Mon', '2026-11-02T10:00:00', '2026-11-09T17:30:00'],
    ['received on a Saturday: the weekend does not count', '2026-11-07T15:00:00', '2026-11-13T17:30:00'],
    ['received late at night: the day itself never counts', '2026-11-02T23:59:00', '2026-11-09T17:30:00'],
    ['the make-up Sunday 9-20 counts as a working day', '2026-09-18T10:00:00', '2026-09-24T17:30:00'],
    ['国庆 2026 is skipped, the make-up Saturday 10-10 counts', '2026-09-29T10:00:00', '2026-10-12T17:30:00'],
    ['received on a holiday', '2026-10-03T10:00:00', '2026-10-13T17:30:00'],
  ])('%s', (_name, received, due) => {
    expect(completenessDueAt(calendar, at(received))).toEqual(at(due))
  })
})

describe('the decision clock from acceptance (第42条)', () => {
  it.each([
    [
      'promised 10, statutory 20, across 国庆',
      '2026-09-29T10:00:00',
      10,
      20,
      false,
      '2026-10-19T17:30:00',
      '2026-11-02T17:30:00',
    ],
    [
      'statutory 0 means the law’s 20',
      '2026-11-02T10:00:00',
      5,
      0,
      false,
      '2026-11-09T17:30:00',
      '2026-11-30T17:30:00',
    ],
    ['joint handling: 45', '2026-07-01T10:00:00', 5, 20, true, '2026-07-08T17:30:00', '2026-09-02T17:30:00'],
    [
      'a promise of 0 is the same working day',
      '2026-11-02T10:00:00',
      0,
      20,
      false,
      '2026-11-02T17:30:00',
      '2026-11-30T17:30:00',
    ],
  ])('%s', (_name, from, promised, statutory, joint, decision, statute) => {
    const limits = { promisedLimitDays: promised, statutoryLimitDays: statutory, jointHandling: joint }
    expect(decisionClock(calendar, at(from), limits)).toEqual({
      decisionDueAt: at(decision),
      statutoryDueAt: at(statute),
    })
  })

  it.each([
    [false, 20, 10],
    [true, 20, 15],
    [true, 60, 15],
  ])('joint %s, statutory %i: extension of %i days', (joint, statutory, days) => {
    expect(extensionDays(joint)).toBe(days)
    expect(statutoryDays({ promisedLimitDays: 1, statutoryLimitDays: statutory, jointHandling: joint })).toBe(
      joint ? Math.max(45, statutory) : statutory,
    )
  })
})

describe('an extension moves both ends by its working days', () => {
  it.each([
    ['running clock', null, null],
    ['during a special step the bank grows by 10 days of minutes', 2520, 2520 + 4200],
  ])('%s', (_name, remaining, after) => {
    const extended = extendClock(
      calendar,
      {
        decisionDueAt: at('2026-10-19T17:30:00'),
        statutoryDueAt: at('2026-11-02T17:30:00'),
        remainingMinutes: remaining,
      },
      10,
    )
    expect(extended).toEqual({
      decisionDueAt: at('2026-11-02T17:30:00'),
      statutoryDueAt: at('2026-11-16T17:30:00'),
      remainingMinutes: after,
    })
  })
})

describe('a special step stops the decision clock (第45条)', () => {
  const started = startSpecialStep(calendar, at('2026-10-12T09:00:00'), at('2026-10-19T17:30:00'), 5)
  it('banks the working minutes left and gives the step its own end', () => {
    expect(started).toEqual({ remainingMinutes: 6 * 420, stepDueAt: at('2026-10-19T17:30:00') })
  })

  it.each([
    ['outside the statutory limit (hearing, expert review): both ends move', false, '2026-11-04T17:30:00'],
    ['inside the statutory limit: the statutory end stays', true, '2026-11-02T17:30:00'],
  ])('%s', (_name, counts, statute) => {
    const ended = endSpecialStep(calendar, at('2026-10-14T09:00:00'), {
      since: at('2026-10-12T09:00:00'),
      remainingMinutes: started.remainingMinutes,
      decisionDueAt: at('2026-10-19T17:30:00'),
      statutoryDueAt: at('2026-11-02T17:30:00'),
      countsInStatutoryLimit: counts,
    })
    expect(ended).toEqual({
      decisionDueAt: at('2026-10-21T17:30:00'),
      statutoryDueAt: at(statute),
      suspendedMinutes: 2 * 420,
    })
  })

  it('a step over a holiday suspends only working time', () => {
    const ended = endSpecialStep(calendar, at('2026-10-08T09:00:00'), {
      since: at('2026-09-30T09:00:00'),
      remainingMinutes: 420,
      decisionDueAt: at('2026-10-01T17:30:00'),
      statutoryDueAt: at('2026-10-20T17:30:00'),
      countsInStatutoryLimit: false,
    })
    expect(ended).toEqual({
      decisionDueAt: at('2026-10-08T17:30:00'),
      statutoryDueAt: at('2026-10-21T17:30:00'),
      suspendedMinutes: 420,
    })
  })
})

describe('the applicant’s supplement deadline is in calendar days, to the end of the day', () => {
  it.each([
    ['30 days', '2026-11-03T10:00:00', 30, '2026-12-04T00:00:00'],
    ['over 国庆: holidays count', '2026-09-30T16:00:00', 10, '2026-10-11T00:00:00'],
    ['requested just after midnight', '2026-11-03T00:10:00', 1, '2026-11-05T00:00:00'],
  ])('%s', (_name, requested, days, due) => {
    expect(supplementDueAt(calendar, at(requested), days)).toEqual(at(due))
  })
})
