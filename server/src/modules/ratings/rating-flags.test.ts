import { describe, expect, it } from 'vitest'
import { DEFAULT_RATING_SETTINGS } from './rating-settings'
import { flagWindows, isBadLevel, ratingFlags, type FlagEvidence } from './rating-flags'

const rules = DEFAULT_RATING_SETTINGS.flags // burst 3 in 30 min, 60 s after action, device 5 in 24 h
const at = new Date('2026-03-02T02:00:00Z')
const base: FlagEvidence = { ratedAt: at, lastStaffActionAt: null, identicalEarlier: 0, deviceOtherCases: 0 }
const secondsBefore = (s: number) => new Date(at.getTime() - s * 1000)

describe('ratingFlags', () => {
  it.each([
    ['nothing unusual', {}, []],
    ['one identical before: not yet a burst', { identicalEarlier: 1 }, []],
    ['two identical before: the third makes a burst', { identicalEarlier: 2 }, ['burst']],
    ['many identical before', { identicalEarlier: 40 }, ['burst']],
    ['staff acted 5 s before', { lastStaffActionAt: secondsBefore(5) }, ['right_after_action']],
    ['staff acted exactly 60 s before', { lastStaffActionAt: secondsBefore(60) }, ['right_after_action']],
    ['staff acted 61 s before', { lastStaffActionAt: secondsBefore(61) }, []],
    ['staff acted after the rating (clock skew): no flag', { lastStaffActionAt: secondsBefore(-5) }, []],
    ['device rated 3 other cases', { deviceOtherCases: 3 }, []],
    ['device rated 4 other cases: the fifth', { deviceOtherCases: 4 }, ['device_many']],
    [
      'all three',
      { identicalEarlier: 5, lastStaffActionAt: secondsBefore(1), deviceOtherCases: 9 },
      ['burst', 'right_after_action', 'device_many'],
    ],
  ] as const)('%s', (_, change, expected) => {
    expect(ratingFlags({ ...base, ...change }, rules)).toEqual(expected)
  })

  it('follows the city’s thresholds', () => {
    const strict = { ...rules, burstCount: 2, afterActionSeconds: 300, deviceCount: 2 }
    expect(
      ratingFlags(
        { ...base, identicalEarlier: 1, lastStaffActionAt: secondsBefore(200), deviceOtherCases: 1 },
        strict,
      ),
    ).toEqual(['burst', 'right_after_action', 'device_many'])
  })
})

describe('flagWindows', () => {
  it('looks back each window from the rating', () => {
    expect(flagWindows(at, rules)).toEqual({
      burstSince: new Date('2026-03-02T01:30:00Z'),
      deviceSince: new Date('2026-03-01T02:00:00Z'),
      actionSince: new Date('2026-03-02T01:59:00Z'),
    })
  })
})

describe('isBadLevel', () => {
  it.each([
    [1, true],
    [2, true],
    [3, false],
    [4, false],
    [5, false],
  ])('level %i bad: %s', (level, bad) => expect(isBadLevel(level)).toBe(bad))
})
