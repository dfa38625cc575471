import { sql } from 'kysely'
import type { Executor } from '../db/database'
import type { ThrottleState } from './throttle-rule'

/**
 * The key's row, locked until the transaction ends (created first when missing, so that two
 * transactions counting a new key still meet on one row).
 */
export async function lockThrottle(tx: Executor, key: string): Promise<ThrottleState | null> {
  await tx
    .insertInto('auth_throttles')
    .values({ key })
    .onConflict((oc) => oc.doNothing())
    .execute()
  const row = await tx
    .selectFrom('auth_throttles')
    .select(['failures', 'blocked_until', 'last_attempt_at'])
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (row.failures === 0 && !row.blocked_until) return null
  return { failures: row.failures, blockedUntil: row.blocked_until, lastAttemptAt: row.last_attempt_at }
}

export async function updateThrottle(tx: Executor, key: string, state: ThrottleState): Promise<void> {
  await tx
    .updateTable('auth_throttles')
    .set({
      failures: state.failures,
      blocked_until: state.blockedUntil,
      last_attempt_at: state.lastAttemptAt,
    })
    .where('key', '=', key)
    .execute()
}

/**
 * Takes back one counted attempt in one statement (it turned out not to be a failure). The wait
 * it set is lifted when the count falls below the free attempts.
 */
export async function refundThrottle(db: Executor, key: string, free: number): Promise<void> {
  await db
    .updateTable('auth_throttles')
    .set({
      failures: sql`greatest(failures - 1, 0)`,
      blocked_until: sql`CASE WHEN failures - 1 < ${free} THEN NULL ELSE blocked_until END`,
    })
    .where('key', '=', key)
    .execute()
}

export async function deleteThrottles(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  await db.deleteFrom('auth_throttles').where('key', 'in', keys).execute()
}

export async function deleteThrottlesStartingWith(db: Executor, prefix: string): Promise<void> {
  await db
    .deleteFrom('auth_throttles')
    .where('key', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .execute()
}

/** The keys among `keys` whose next attempt must wait at `now`. */
export async function findBlockedKeys(db: Executor, keys: string[], now: Date): Promise<string[]> {
  if (keys.length === 0) return []
  const rows = await db
    .selectFrom('auth_throttles')
    .select('key')
    .where('key', 'in', keys)
    .where('blocked_until', '>', now)
    .execute()
  return rows.map((r) => r.key)
}

/** Keys nobody has tried since `before` (their wait, if any, ended before it too). */
export async function deleteQuietThrottles(db: Executor, before: Date): Promise<void> {
  await db
    .deleteFrom('auth_throttles')
    .where('last_attempt_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', before)]))
    .execute()
}
