import type { Executor } from '../db/database'

export async function isTrustedDevice(
  db: Executor,
  tokenHash: string,
  userId: string,
  usedSince: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('trusted_devices')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', userId)
    .where('last_used_at', '>', usedSince)
    .executeTakeFirst()
  return !!row
}

export async function upsertTrustedDevice(
  db: Executor,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('trusted_devices')
    .values({ token_hash: tokenHash, user_id: userId, trusted_at: now, last_used_at: now })
    .onConflict((oc) => oc.columns(['token_hash', 'user_id']).doUpdateSet({ last_used_at: now }))
    .execute()
}

export async function deleteTrustedDevicesOf(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('trusted_devices').where('user_id', '=', userId).execute()
}

export async function deleteUnusedTrustedDevices(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('trusted_devices').where('last_used_at', '<', before).execute()
}
