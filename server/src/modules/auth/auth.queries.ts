import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

export async function countRecentFailures(
  db: Executor,
  key: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('auth_failures')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow()
  return { count: Number(row.count), oldest: (row.oldest as Date | null) ?? null }
}

export async function recordFailures(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  await db
    .insertInto('auth_failures')
    .values(keys.map((key) => ({ key })))
    .execute()
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('auth_failures').where('key', '=', key).execute()
}

export async function deleteOldFailures(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('auth_failures').where('at', '<', before).execute()
}

export async function findStaffByUsername(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'staff')
    .where('username', '=', username)
    .executeTakeFirst()
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findEnterpriseUserByPhone(db: Executor, phone: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'enterprise')
    .where('phone', '=', phone)
    .executeTakeFirst()
}

export async function insertEnterpriseUser(db: Executor, phone: string, displayName: string) {
  return db
    .insertInto('users')
    .values({ kind: 'enterprise', phone, display_name: displayName })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function markSignedIn(db: Executor, userId: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute()
}

export async function insertChallenge(
  db: Executor,
  row: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sign_in_challenges')
    .values({ token_hash: row.tokenHash, user_id: row.userId, expires_at: row.expiresAt })
    .execute()
}

export async function findLiveChallenge(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('sign_in_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

export async function bumpChallengeAttempts(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('sign_in_challenges')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .execute()
}

export async function deleteChallenge(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('id', '=', id).execute()
}

export async function insertOneTimeCode(
  db: Executor,
  row: { id: string; phone: string; codeHash: string; ip: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('one_time_codes')
    .values({ id: row.id, phone: row.phone, code_hash: row.codeHash, ip: row.ip, expires_at: row.expiresAt })
    .execute()
}

export async function countCodesSince(db: Executor, by: { phone?: string; ip?: string }, since: Date) {
  let q = db
    .selectFrom('one_time_codes')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('created_at').as('latest')])
    .where('created_at', '>', since)
  if (by.phone) q = q.where('phone', '=', by.phone)
  if (by.ip) q = q.where('ip', '=', by.ip)
  const row = await q.executeTakeFirstOrThrow()
  return { count: Number(row.count), latest: (row.latest as Date | null) ?? null }
}

/** The newest code sent to a phone that is still usable. */
export async function findLiveCode(db: Executor, phone: string, now: Date) {
  return db
    .selectFrom('one_time_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function bumpCodeAttempts(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('one_time_codes')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .execute()
}

export async function consumeCode(db: Executor, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('one_time_codes')
    .set({ consumed_at: at })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function updatePassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: false,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', userId)
    .execute()
}

export async function setTotp(
  db: Executor,
  userId: string,
  secret: string | null,
  enabledAt: Date | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      totp_secret: secret,
      totp_enabled_at: enabledAt,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', userId)
    .execute()
}

export async function findMeRows(db: Executor, userId: string) {
  const user = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.kind',
      'u.display_name',
      'u.username',
      'u.phone',
      'u.email',
      'u.must_change_password',
      'u.totp_enabled_at',
      'u.is_demo',
      'd.id as department_id',
      'd.name as department_name',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst()
  const roles = await db
    .selectFrom('user_roles as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.role', 'r.department_id', 'd.name as department_name'])
    .where('r.user_id', '=', userId)
    .orderBy('r.role')
    .execute()
  const enterprises = await db
    .selectFrom('enterprise_members as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select(['e.id', 'e.name', 'e.uscc', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .execute()
  return { user, roles, enterprises }
}

export async function findLockedKeys(
  db: Executor,
  usernames: string[],
  since: Date,
  threshold: number,
): Promise<Set<string>> {
  if (usernames.length === 0) return new Set()
  const rows = await db
    .selectFrom('auth_failures')
    .select(['key'])
    .where(
      'key',
      'in',
      usernames.map((u) => `user:${u}`),
    )
    .where('at', '>', since)
    .groupBy('key')
    .having((eb) => eb.fn.countAll(), '>=', threshold)
    .execute()
  return new Set(rows.map((r) => r.key.slice('user:'.length)))
}
