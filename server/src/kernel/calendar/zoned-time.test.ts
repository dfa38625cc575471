import { describe, expect, it } from 'vitest'
import { localDate, localMinuteOfDay } from './zoned-time'

// The local date is kept per second and zone (decision 0066): asked in any order, across midnight,
// in several zones by turns, each answer is the one Intl gives for that instant.
describe('local dates asked again and again', () => {
  const cases: [instant: string, zone: string, date: string][] = [
    ['2026-12-31T15:59:59.000Z', 'Asia/Shanghai', '2026-12-31'],
    ['2026-12-31T15:59:59.999Z', 'Asia/Shanghai', '2026-12-31'], // the same second: kept
    ['2026-12-31T15:59:59.999Z', 'UTC', '2026-12-31'], // another zone in between
    ['2026-12-31T16:00:00.000Z', 'Asia/Shanghai', '2027-01-01'], // the next second: midnight in Dalian
    ['2026-12-31T15:59:59.500Z', 'Asia/Shanghai', '2026-12-31'], // back a second
    ['2026-12-31T16:00:00.000Z', 'UTC', '2026-12-31'],
    ['2026-12-31T16:00:00.000Z', 'America/New_York', '2026-12-31'],
    ['2027-01-01T04:59:59.999Z', 'America/New_York', '2026-12-31'],
    ['2027-01-01T05:00:00.000Z', 'America/New_York', '2027-01-01'],
    ['1900-12-31T15:54:16.999Z', 'Asia/Shanghai', '1900-12-31'], // local mean time, +8:05:43
  ]
  it('answers each instant in its zone, whatever was asked before', () => {
    for (const round of [cases, [...cases].reverse(), cases]) {
      for (const [instant, zone, date] of round)
        expect([instant, zone, localDate(new Date(instant), zone)]).toEqual([instant, zone, date])
    }
  })

  it('keeps the milliseconds of the minute of day while it keeps the second', () => {
    expect(localMinuteOfDay(new Date('2026-12-06T00:00:30.000Z'), 'Asia/Shanghai')).toBeCloseTo(480.5, 9)
    expect(localMinuteOfDay(new Date('2026-12-06T00:00:30.600Z'), 'Asia/Shanghai')).toBeCloseTo(480.51, 9)
  })
})
