import type { Db, Executor } from '../db/database'
import { admitAttempt, type ThrottleRule } from './throttle-rule'
import * as q from './throttle.queries'

export type { ThrottleRule } from './throttle-rule'

export type ThrottleClaim = { key: string; rule: ThrottleRule }
export type ThrottleOutcome = { admitted: true } | { admitted: false; key: string; retryAfterMs: number }

/**
 * Counts one attempt on every key, or on none: in one transaction, each key's row locked in a fixed
 * order (no deadlock between two attempts naming the same keys), every key admitted or the whole
 * count rolled back. Concurrent attempts queue on the row lock, so however many arrive at once, no
 * more are admitted than the rule allows. The caller checks the password or code only when admitted.
 */
export async function countAttempt(db: Db, claims: ThrottleClaim[], now: Date): Promise<ThrottleOutcome> {
  const sorted = [...claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return db
    .transaction()
    .execute(async (tx) => {
      const updates = []
      for (const claim of sorted) {
        const admission = admitAttempt(await q.lockThrottle(tx, claim.key), claim.rule, now)
        if (!admission.admitted) throw new Refused(claim.key, admission.retryAfterMs)
        updates.push({ key: claim.key, state: admission.next })
      }
      for (const u of updates) await q.updateThrottle(tx, u.key, u.state)
      return { admitted: true } as const
    })
    .catch((error: unknown) => {
      if (error instanceof Refused)
        return { admitted: false, key: error.key, retryAfterMs: error.retryAfterMs } as const
      throw error
    })
}

/** Rolls the counting transaction back; never leaves this file. */
class Refused extends Error {
  constructor(
    readonly key: string,
    readonly retryAfterMs: number,
  ) {
    super('refused')
  }
}

/** The attempt proved the key's owner: its failures are forgotten (the delay resets on success). */
export async function resetAttempts(db: Executor, keys: string[]): Promise<void> {
  await q.deleteThrottles(db, keys)
}

/**
 * The attempt was not a failure but proves nothing about the key (a correct password from an
 * address that may still be guessing other accounts): it is taken back, the history kept.
 */
export async function refundAttempt(db: Executor, claim: ThrottleClaim): Promise<void> {
  await q.refundThrottle(db, claim.key, claim.rule.free)
}

export const findBlockedKeys = q.findBlockedKeys
export const deleteQuietThrottles = q.deleteQuietThrottles
export const deleteThrottlesStartingWith = q.deleteThrottlesStartingWith
