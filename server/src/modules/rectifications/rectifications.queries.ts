import type { Insertable, Updateable } from 'kysely'
import { sql } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type {
  RatingAppealsTable,
  RectificationFilesTable,
  RectificationsTable,
} from './rectifications.tables'

/** All the SQL of rectifications and rating appeals (a lint rule keeps it here). */

export type RectificationRow = NonNullable<Awaited<ReturnType<typeof lockRectification>>>
export type RatingAppealRow = NonNullable<Awaited<ReturnType<typeof lockRatingAppeal>>>

// ── settings ────────────────────────────────────────────────────────────────────────────────────

export async function findSettingsRow(db: Executor) {
  return db.selectFrom('rectification_settings').selectAll().where('id', '=', 1).executeTakeFirst()
}

/** Writes the settings if the caller read the current version (0: none saved yet); answers the new version. */
export async function saveSettings(
  tx: Tx,
  input: { deadlineWorkingDays: number; by: string; version: number },
): Promise<number | undefined> {
  if (input.version === 0) {
    const row = await tx
      .insertInto('rectification_settings')
      .values({
        id: 1,
        deadline_working_days: input.deadlineWorkingDays,
        updated_by: input.by,
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('version')
      .executeTakeFirst()
    return row?.version
  }
  const row = await tx
    .updateTable('rectification_settings')
    .set({
      deadline_working_days: input.deadlineWorkingDays,
      updated_by: input.by,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', 1)
    .where('version', '=', input.version)
    .returning('version')
    .executeTakeFirst()
  return row?.version
}

// ── rectifications ──────────────────────────────────────────────────────────────────────────────

export async function insertRectification(
  tx: Tx,
  values: Insertable<RectificationsTable>,
): Promise<string | undefined> {
  const row = await tx
    .insertInto('rectifications')
    .values(values)
    .onConflict((oc) => oc.column('rating_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function lockRectification(tx: Tx, id: string) {
  return tx.selectFrom('rectifications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findRectificationRow(db: Executor, id: string) {
  return db.selectFrom('rectifications').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findRectificationIdByRating(db: Executor, ratingId: string) {
  const row = await db
    .selectFrom('rectifications')
    .select('id')
    .where('rating_id', '=', ratingId)
    .executeTakeFirst()
  return row?.id
}

export async function updateRectification(tx: Tx, id: string, changes: Updateable<RectificationsTable>) {
  await tx
    .updateTable('rectifications')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** A timeline event's columns, the same in both events tables (the kit's CaseEventColumns). */
function eventColumns(event: CaseEventRecord) {
  return {
    ...caseEventColumns(event),
  }
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function rectificationEventInsert(tx: Tx, rectificationId: string, event: CaseEventRecord) {
  return tx
    .insertInto('rectification_events')
    .values({ rectification_id: rectificationId, ...eventColumns(event) })
}

export async function insertRectificationEvent(
  ...args: Parameters<typeof rectificationEventInsert>
): Promise<void> {
  await rectificationEventInsert(...args).execute()
}

export async function findRectificationEvents(db: Executor, rectificationId: string) {
  return db
    .selectFrom('rectification_events')
    .select(['id', 'at', 'type', 'actor_role', 'note', 'note_audience', 'data', 'audience'])
    .where('rectification_id', '=', rectificationId)
    .orderBy('id')
    .execute()
}

/**
 * One rectification with the names a reader needs and the rating it fixes (its content; the
 * rater's identity is read apart, by who may see it).
 */
export async function findRectificationDetail(db: Executor, id: string) {
  return db
    .selectFrom('rectifications as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .innerJoin('ratings as g', 'g.id', 'r.rating_id')
    .leftJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .selectAll('r')
    .select([
      'd.name as department_name',
      'e.name as enterprise_name',
      'g.level as rating_level',
      'g.comment as rating_comment',
      'g.efficiency as rating_efficiency',
      'g.guide_accuracy as rating_guide_accuracy',
      'g.convenience as rating_convenience',
      'g.usability as rating_usability',
      'g.rated_at as rating_rated_at',
      'g.rated_by as rating_rated_by',
      'g.stage as rating_stage',
      'g.excluded_at as rating_excluded_at',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst()
}
export type RectificationDetailRow = NonNullable<Awaited<ReturnType<typeof findRectificationDetail>>>

/** Who rated: for the bureau's contact, and for the unit once the case is closed. */
export async function findRater(db: Executor, userId: string) {
  return db.selectFrom('users').select(['display_name', 'phone']).where('id', '=', userId).executeTakeFirst()
}

/**
 * The list by due date, overdue first: the unit's departments (null: every unit, the bureau's
 * view) or the enterprises a user belongs to.
 */
export async function findRectifications(
  db: Executor,
  scope: { departmentIds: string[] | null } | { memberUserId: string },
  filter: { status?: string | undefined; id?: string; now: Date },
) {
  let query = db
    .selectFrom('rectifications as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .innerJoin('ratings as g', 'g.id', 'r.rating_id')
    .leftJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .selectAll('r')
    .select(['d.name as department_name', 'e.name as enterprise_name', 'g.level as rating_level'])
  if ('memberUserId' in scope) {
    query = query.where('r.enterprise_id', 'in', (eb) =>
      eb
        .selectFrom('enterprise_members as m')
        .select('m.enterprise_id')
        .where('m.user_id', '=', scope.memberUserId),
    )
  } else if (scope.departmentIds !== null) {
    if (scope.departmentIds.length === 0) return []
    query = query.where('r.department_id', 'in', scope.departmentIds)
  }
  if (filter.id) query = query.where('r.id', '=', filter.id)
  if (filter.status === 'active') query = query.where('r.status', 'not in', ['closed', 'withdrawn'])
  else if (filter.status) query = query.where('r.status', '=', filter.status as never)
  return query
    .orderBy(sql`(r.status = 'open' AND r.due_at < ${filter.now})`, 'desc')
    .orderBy(sql`(r.status IN ('closed', 'withdrawn'))`, 'asc')
    .orderBy('r.due_at', 'asc')
    .orderBy('r.id')
    .limit(500)
    .execute()
}
export type RectificationListRow = Awaited<ReturnType<typeof findRectifications>>[number]

// ── files ───────────────────────────────────────────────────────────────────────────────────────

export async function insertFile(tx: Tx, values: Insertable<RectificationFilesTable>): Promise<string> {
  const row = await tx
    .insertInto('rectification_files')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findFiles(
  db: Executor,
  owner: { rectificationId: string } | { ratingAppealId: string },
) {
  return db
    .selectFrom('rectification_files')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
    .where(
      'rectificationId' in owner ? 'rectification_id' : 'rating_appeal_id',
      '=',
      'rectificationId' in owner ? owner.rectificationId : owner.ratingAppealId,
    )
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export async function findFile(db: Executor, id: string) {
  return db.selectFrom('rectification_files').selectAll().where('id', '=', id).executeTakeFirst()
}

// ── rating appeals ──────────────────────────────────────────────────────────────────────────────

/** Inserts an open appeal; undefined when the rating already has one open (the partial unique index). */
export async function insertRatingAppeal(
  tx: Tx,
  values: Insertable<RatingAppealsTable>,
): Promise<string | undefined> {
  const row = await tx
    .insertInto('rating_appeals')
    .values(values)
    .onConflict((oc) => oc.column('rating_id').where('status', '=', 'open').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function lockRatingAppeal(tx: Tx, id: string) {
  return tx.selectFrom('rating_appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updateRatingAppeal(tx: Tx, id: string, changes: Updateable<RatingAppealsTable>) {
  await tx
    .updateTable('rating_appeals')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function ratingAppealEventInsert(tx: Tx, ratingAppealId: string, event: CaseEventRecord) {
  return tx
    .insertInto('rating_appeal_events')
    .values({ rating_appeal_id: ratingAppealId, ...eventColumns(event) })
}

export async function insertRatingAppealEvent(
  ...args: Parameters<typeof ratingAppealEventInsert>
): Promise<void> {
  await ratingAppealEventInsert(...args).execute()
}

function ratingAppealSelect(db: Executor) {
  return db
    .selectFrom('rating_appeals as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('ratings as g', 'g.id', 'a.rating_id')
    .leftJoin('rectifications as r', 'r.rating_id', 'a.rating_id')
    .selectAll('a')
    .select([
      'd.name as department_name',
      'g.level as rating_level',
      'g.comment as rating_comment',
      'g.subject_type as rating_subject_type',
      'g.rated_at as rating_rated_at',
      'g.excluded_at as rating_excluded_at',
      'r.id as rectification_id',
    ])
}

export async function findRatingAppealDetail(db: Executor, id: string) {
  return ratingAppealSelect(db).where('a.id', '=', id).executeTakeFirst()
}
export type RatingAppealDetailRow = NonNullable<Awaited<ReturnType<typeof findRatingAppealDetail>>>

/** Appeals of the given units (null: all, the bureau's view), open ones first, oldest first. */
export async function findRatingAppeals(
  db: Executor,
  departmentIds: string[] | null,
  status: string | undefined,
) {
  let query = ratingAppealSelect(db)
  if (departmentIds !== null) {
    if (departmentIds.length === 0) return []
    query = query.where('a.department_id', 'in', departmentIds)
  }
  if (status) query = query.where('a.status', '=', status as never)
  return query
    .orderBy(sql`(a.status = 'open')`, 'desc')
    .orderBy('a.filed_at', 'asc')
    .orderBy('a.id')
    .limit(500)
    .execute()
}

/** The appeals of one rating, newest first. */
export async function findRatingAppealStatuses(db: Executor, ratingId: string) {
  return db
    .selectFrom('rating_appeals')
    .select(['id', 'status'])
    .where('rating_id', '=', ratingId)
    .orderBy('filed_at', 'desc')
    .execute()
}

export async function findRatingAppealRow(db: Executor, id: string) {
  return db.selectFrom('rating_appeals').selectAll().where('id', '=', id).executeTakeFirst()
}

// ── demo data ───────────────────────────────────────────────────────────────────────────────────

/** The demo phone's user and first enterprise, and whether any rectification exists yet. */
export async function findDemoRater(db: Executor, phone: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select([
      'u.id as user_id',
      'e.id as enterprise_id',
      (eb) => eb.exists(eb.selectFrom('rectifications').select('id')).as('has_rectifications'),
    ])
    .where('u.phone', '=', phone)
    .orderBy('e.name')
    .executeTakeFirst()
}

export async function findDepartmentIdByCode(db: Executor, code: string) {
  const row = await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst()
  return row?.id
}

/** A demo rating (the demo seed only: real ratings are written by the ratings module). */
export async function insertDemoRating(
  tx: Tx,
  values: {
    departmentId: string
    enterpriseId: string
    ratedBy: string
    level: number
    comment: string
    ratedAt: Date
  },
) {
  return tx
    .insertInto('ratings')
    .values({
      subject_type: 'appeal',
      subject_id: sql<string>`gen_random_uuid()`,
      department_id: values.departmentId,
      enterprise_id: values.enterpriseId,
      level: values.level,
      comment: values.comment,
      rated_by: values.ratedBy,
      rated_at: values.ratedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Rectifications whose unit has not been told yet, oldest first, locked (a second runner skips them). */
export async function lockUntoldRectifications(tx: Tx, limit: number) {
  return tx
    .selectFrom('rectifications')
    .select(['id', 'department_id', 'subject_title', 'subject_number', 'due_at'])
    .where('unit_told_at', 'is', null)
    .orderBy('opened_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function markUnitTold(tx: Tx, ids: readonly string[], at: Date) {
  if (!ids.length) return
  await tx.updateTable('rectifications').set({ unit_told_at: at }).where('id', 'in', ids).execute()
}
