import type { Executor } from '../db/database'
import { preparedQuery } from '../db/prepared'
import { consentPendingSql } from './consent.queries'

export async function insertSession(
  db: Executor,
  row: {
    tokenHash: string
    userId: string
    csrfToken: string
    expiresAt: Date
    ip: string | null
    userAgent: string | null
  },
): Promise<string> {
  const inserted = await db
    .insertInto('sessions')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/**
 * The session and its user, only while the session is live and the user enabled; and whether the user
 * still has a current legal document to accept (the consent gate).
 */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  const query = db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.kind as userKind',
      'u.username',
      'u.phone',
      'u.department_id as departmentId',
      'u.must_change_password as mustChangePassword',
      'u.is_demo as isDemo',
      (eb) => consentPendingSql(eb.ref('u.id'), eb.ref('u.kind'), now).as('consentPending'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.is_disabled', '=', false)
  // Every request that is not a cached read asks this: prepared once per connection (decision 0040).
  const { rows } = await db.executeQuery(preparedQuery(query.compile()))
  return rows[0]
}

export async function findRoleGrants(db: Executor, userId: string) {
  return db.selectFrom('user_roles').select(['role', 'department_id']).where('user_id', '=', userId).execute()
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute()
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Every other session of the user (a password change signs out the other devices). */
export async function deleteOtherSessions(
  db: Executor,
  userId: string,
  keepSessionId: string,
): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepSessionId).execute()
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
