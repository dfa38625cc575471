import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

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

/**
 * Takes one try off a live challenge in one statement and returns it, or nothing when it is gone,
 * expired or out of tries: the row lock makes concurrent tries count one after another.
 */
export async function takeChallengeAttempt(db: Executor, tokenHash: string, now: Date, maxAttempts: number) {
  return db
    .updateTable('sign_in_challenges')
    .set({ attempts: sql`attempts + 1` })
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .where('attempts', '<', maxAttempts)
    .returning(['id', 'user_id'])
    .executeTakeFirst()
}

/** Whether this call removed the challenge (a challenge completes once). */
export async function deleteChallenge(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_challenges').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/**
 * Serialises code requests for a number and an address until the transaction ends, so that
 * counting the codes already sent and sending one more are one step.
 */
export async function lockCodeRequests(tx: Executor, keys: string[]): Promise<void> {
  // A fixed order: two requests naming the same keys never wait on each other crosswise.
  for (const key of [...keys].sort())
    await sql`SELECT pg_advisory_xact_lock(hashtext(${'sign-in-code:' + key}))`.execute(tx)
}

export async function insertOneTimeCode(
  db: Executor,
  row: { id: string; phone: string; codeHash: string; ip: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('one_time_codes')
    .values({
      id: row.id,
      phone: row.phone,
      code_hash: row.codeHash,
      ip: row.ip,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
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

/**
 * Takes one try off the newest usable code sent to a phone, in one statement, and returns it; nothing
 * when there is none or it is out of tries. Concurrent tries wait on the row and see each other's count.
 */
export async function takeCodeAttempt(db: Executor, phone: string, now: Date, maxAttempts: number) {
  return db
    .updateTable('one_time_codes')
    .set({ attempts: sql`attempts + 1` })
    .where(
      'id',
      '=',
      db
        .selectFrom('one_time_codes')
        .select('id')
        .where('phone', '=', phone)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(1),
    )
    .where('attempts', '<', maxAttempts)
    .where('consumed_at', 'is', null)
    .returning(['id', 'code_hash'])
    .executeTakeFirst()
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
