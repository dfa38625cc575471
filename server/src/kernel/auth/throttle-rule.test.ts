import { describe, expect, it } from 'vitest'
import { admitAttempt, delayAfter, type ThrottleRule, type ThrottleState } from './throttle-rule'

const rule: ThrottleRule = { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, quietMs: 15 * 60_000 }
const T = new Date('2026-03-02T08:00:00Z')
const at = (ms: number) => new Date(T.getTime() + ms)
const state = (failures: number, blockedUntilMs: number | null, lastMs = 0): ThrottleState => ({
  failures,
  blockedUntil: blockedUntilMs === null ? null : at(blockedUntilMs),
  lastAttemptAt: at(lastMs),
})

describe('delayAfter', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [7, 4_000],
    [14, 512_000],
    [15, 900_000], // 1,024 s is past the 15-minute cap
    [1_000, 900_000],
  ])('after %i counted attempts the next waits %i ms', (failures, ms) => {
    expect(delayAfter(failures, rule)).toBe(ms)
  })
})

describe('admitAttempt', () => {
  it.each<[string, ThrottleState | null, number, { admitted: boolean; failures?: number; waitMs?: number }]>([
    ['a new key', null, 0, { admitted: true, failures: 1, waitMs: 0 }],
    ['the fourth attempt', state(3, null), 10, { admitted: true, failures: 4, waitMs: 0 }],
    [
      'the fifth attempt sets the first wait',
      state(4, null),
      10,
      { admitted: true, failures: 5, waitMs: 1_000 },
    ],
    ['an attempt during the wait is refused', state(5, 1_000), 999, { admitted: false, waitMs: 1 }],
    [
      'the attempt when the wait is over doubles it',
      state(5, 1_000),
      1_000,
      { admitted: true, failures: 6, waitMs: 2_000 },
    ],
    [
      'the wait never passes the cap',
      state(40, 60_000),
      60_000,
      { admitted: true, failures: 41, waitMs: 900_000 },
    ],
    [
      'a key quiet for the quiet period starts over',
      state(9, 1_000),
      1_000 + 15 * 60_000,
      { admitted: true, failures: 1, waitMs: 0 },
    ],
    [
      'quiet is counted from the end of the wait, not the last attempt',
      state(9, 600_000),
      900_000,
      { admitted: true, failures: 10, waitMs: 32_000 },
    ],
    [
      'without a wait, quiet is counted from the last attempt',
      state(2, null, 0),
      15 * 60_000,
      { admitted: true, failures: 1, waitMs: 0 },
    ],
  ])('%s', (_, before, nowMs, expected) => {
    const outcome = admitAttempt(before, rule, at(nowMs))
    expect(outcome.admitted).toBe(expected.admitted)
    if (outcome.admitted) {
      expect(outcome.next.failures).toBe(expected.failures)
      const wait = outcome.next.blockedUntil ? outcome.next.blockedUntil.getTime() - at(nowMs).getTime() : 0
      expect(wait).toBe(expected.waitMs)
      expect(outcome.next.lastAttemptAt).toEqual(at(nowMs))
    } else {
      expect(outcome.retryAfterMs).toBe(expected.waitMs)
    }
  })
})
