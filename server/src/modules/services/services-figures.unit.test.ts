import { describe, expect, it } from 'vitest'
import {
  computeServicesFigures,
  percentile,
  ratio,
  usedWorkingDays,
  type DayMeter,
  type DecidedFacts,
} from './services-figures'

/** The pure formulas of docs/METRICS.md "Online services", with tables of cases. */

// A toy meter: every hour is working time, 8 hours a day (the HTTP test uses the real calendar).
const HOURS: DayMeter = {
  workingMinutesBetween: (from, to) => Math.max(0, (to.getTime() - from.getTime()) / 60_000),
  minutesPerDay: 480,
}
const T0 = new Date('2026-05-04T01:00:00Z')
const hoursLater = (h: number) => new Date(T0.getTime() + h * 3_600_000)
const decided = (over: Partial<DecidedFacts>): DecidedFacts => ({
  status: 'approved',
  department_id: 'd',
  matter_id: 'm',
  instant: false,
  visits_made: 0,
  received_at: T0,
  accepted_from: T0,
  decided_at: hoursLater(16),
  decision_due_at: null,
  statutory_due_at: null,
  suspended_minutes: 0,
  promised_limit_days: 5,
  statutory_limit_days: 20,
  materials: [],
  ...over,
})

describe('services figures', () => {
  it.each([
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [0, 5, 0],
    [0, 0, null],
  ])('ratio %i / %i = %s', (n, d, r) => expect(ratio(n, d)).toBe(r))

  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[3, 7, 0], 50, 3],
    [[3, 7, 0], 90, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])('nearest-rank percentile of %j at %i = %s', (values, p, r) => expect(percentile(values, p)).toBe(r))

  it.each([
    ['two days', decided({}), 2],
    ['special steps left out', decided({ suspended_minutes: 240 }), 1.5],
    ['no acceptance: from receipt', decided({ accepted_from: null, received_at: hoursLater(8) }), 1],
    ['never received nor accepted', decided({ accepted_from: null, received_at: null }), null],
    ['suspension longer than the span', decided({ suspended_minutes: 99_999 }), 0],
  ])('time used: %s', (_name, row, days) => expect(usedWorkingDays(row, HOURS)).toBe(days))

  it('counts early only against a decision clock, and strictly before it', () => {
    const [row] = computeServicesFigures({
      received: [],
      decided: [
        decided({ decision_due_at: hoursLater(17) }), // early
        decided({ decision_due_at: hoursLater(16) }), // exactly on the due instant: not early, not late
        decided({ decision_due_at: hoursLater(15), statutory_due_at: hoursLater(15) }), // late twice
        decided({ instant: true, decision_due_at: null }), // no clock
      ],
      by: 'city',
      timeZone: 'Asia/Shanghai',
      meter: HOURS,
    })
    expect(row).toMatchObject({
      finished: 4,
      withDecisionClock: 3,
      finishedEarly: 1,
      earlyRate: 0.3333,
      pastPromised: 1,
      pastStatutory: 1,
      instantRate: 0.25,
    })
  })
})
