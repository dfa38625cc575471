import type { Executor } from '../../kernel/db/database'

export async function findOverrides(db: Executor) {
  return db.selectFrom('calendar_days').selectAll().where('source', '=', 'override').orderBy('day').execute()
}

export async function findOverride(db: Executor, day: string) {
  return db
    .selectFrom('calendar_days')
    .selectAll()
    .where('source', '=', 'override')
    .where('day', '=', day)
    .executeTakeFirst()
}

export async function upsertOverride(
  db: Executor,
  row: { day: string; isWorkingDay: boolean; name: string; userId: string },
) {
  return db
    .insertInto('calendar_days')
    .values({
      day: row.day,
      source: 'override',
      is_working_day: row.isWorkingDay,
      name: row.name,
      updated_by: row.userId,
    })
    .onConflict((oc) =>
      oc.columns(['day', 'source']).doUpdateSet({
        is_working_day: row.isWorkingDay,
        name: row.name,
        updated_by: row.userId,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function deleteOverride(db: Executor, day: string): Promise<number> {
  const result = await db
    .deleteFrom('calendar_days')
    .where('source', '=', 'override')
    .where('day', '=', day)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function findNotices(db: Executor) {
  return db.selectFrom('calendar_notices').selectAll().orderBy('year', 'desc').execute()
}

export async function findNotice(db: Executor, year: number) {
  return db.selectFrom('calendar_notices').selectAll().where('year', '=', year).executeTakeFirst()
}

export async function findNoticeDays(db: Executor, year?: number) {
  let q = db.selectFrom('calendar_days').selectAll().where('source', '=', 'notice')
  if (year !== undefined) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`)
  return q.orderBy('day').execute()
}

/** Replaces a year's notice and its listed days. */
export async function replaceNotice(
  db: Executor,
  notice: { year: number; title: string; url: string | null; publishedOn: string | null; userId: string },
  days: { day: string; isWorkingDay: boolean; name: string }[],
): Promise<void> {
  await deleteNotice(db, notice.year)
  await db
    .insertInto('calendar_notices')
    .values({
      year: notice.year,
      title: notice.title,
      url: notice.url,
      published_on: notice.publishedOn,
      entered_by: notice.userId,
    })
    .execute()
  if (days.length) {
    await db
      .insertInto('calendar_days')
      .values(
        days.map((d) => ({
          day: d.day,
          source: 'notice' as const,
          is_working_day: d.isWorkingDay,
          name: d.name,
          updated_by: notice.userId,
        })),
      )
      .execute()
  }
}

export async function deleteNotice(db: Executor, year: number): Promise<number> {
  await db
    .deleteFrom('calendar_days')
    .where('source', '=', 'notice')
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute()
  const result = await db.deleteFrom('calendar_notices').where('year', '=', year).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function updateSlots(
  db: Executor,
  slots: { start: string; end: string }[],
  userId: string,
  expectedVersion: number,
) {
  return db
    .updateTable('calendar_settings')
    .set({ working_slots: JSON.stringify(slots), updated_by: userId, updated_at: new Date() })
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst()
}
