import { sql } from 'kysely'
import type { Executor } from '../db/database'

export async function findCalendarSettings(db: Executor) {
  return db.selectFrom('calendar_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
}

export async function findCalendarRevision(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('calendar_settings')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  return row.version
}

/** Every change to calendar data bumps the revision, so every node rebuilds its cached calendar. */
export async function bumpCalendarRevision(db: Executor, userId: string | null): Promise<number> {
  const row = await db
    .updateTable('calendar_settings')
    .set({ version: sql`version + 1`, updated_by: userId, updated_at: new Date() })
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow()
  return row.version
}

export async function findAllCalendarDays(db: Executor) {
  return db.selectFrom('calendar_days').selectAll().execute()
}

export async function findAllCalendarNotices(db: Executor) {
  return db.selectFrom('calendar_notices').selectAll().orderBy('year').execute()
}
