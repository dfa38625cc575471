/**
 * The growing delay of sign-in attempts (docs/decisions/0024-sign-in-limits.md), as pure functions.
 *
 * An attempt is counted before it is checked. The first `free` attempts cost nothing; from then on
 * each counted attempt makes the next one wait `baseDelayMs · 2^k` (k = 0, 1, 2 …), never more than
 * `maxDelayMs`. An attempt during the wait is refused and not counted, so hammering does not make
 * the wait longer — but it does not make it shorter either. After `quietMs` without attempts past
 * the end of the wait, the key starts over.
 */
export type ThrottleRule = {
  free: number
  baseDelayMs: number
  maxDelayMs: number
  quietMs: number
}

export type ThrottleState = {
  failures: number
  blockedUntil: Date | null
  lastAttemptAt: Date
}

export type Admission = { admitted: true; next: ThrottleState } | { admitted: false; retryAfterMs: number }

/** How long the attempt after the `failures`-th counted one must wait. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0
  const doublings = failures - rule.free
  // 2^31 ms is weeks: past that the cap applies anyway, and Math.pow stays exact.
  return Math.min(rule.baseDelayMs * 2 ** Math.min(doublings, 31), rule.maxDelayMs)
}

/** Whether an attempt may go ahead now and, when it may, the key's state once it is counted. */
export function admitAttempt(state: ThrottleState | null, rule: ThrottleRule, now: Date): Admission {
  const at = now.getTime()
  if (state?.blockedUntil && state.blockedUntil.getTime() > at)
    return { admitted: false, retryAfterMs: state.blockedUntil.getTime() - at }
  const quietSince = state ? (state.blockedUntil ?? state.lastAttemptAt).getTime() : 0
  const isForgotten = !state || at - quietSince >= rule.quietMs
  const failures = isForgotten ? 1 : state.failures + 1
  const delay = delayAfter(failures, rule)
  return {
    admitted: true,
    next: { failures, blockedUntil: delay > 0 ? new Date(at + delay) : null, lastAttemptAt: now },
  }
}
