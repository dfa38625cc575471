import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { RatingSubjectType } from './ratings.tables'

/** All SQL of the ratings module. */

export type NewRating = {
  subjectType: RatingSubjectType
  subjectId: string
  stage: string
  departmentId: string | null
  enterpriseId: string | null
  kind: 'given' | 'default'
  channel: 'online' | 'window' | 'phone' | 'sms' | 'system'
  level: number
  efficiency: number | null
  guideAccuracy: number | null
  convenience: number | null
  usability: number | null
  comment: string | null
  ratedBy: string | null
  deviceHash: string | null
  ratedAt: Date
  flags: string[]
}

/**
 * Writes the rating, or nothing when the stage is rated already (the unique index decides, also
 * between two requests at once: the second waits for the first and then inserts nothing).
 */
export async function insertRating(tx: Tx, r: NewRating) {
  return tx
    .insertInto('ratings')
    .values({
      subject_type: r.subjectType,
      subject_id: r.subjectId,
      stage: r.stage,
      department_id: r.departmentId,
      enterprise_id: r.enterpriseId,
      kind: r.kind,
      channel: r.channel,
      level: r.level,
      efficiency: r.efficiency,
      guide_accuracy: r.guideAccuracy,
      convenience: r.convenience,
      usability: r.usability,
      comment: r.comment,
      rated_by: r.ratedBy,
      device_hash: r.deviceHash,
      rated_at: r.ratedAt,
      flags: r.flags,
    })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'stage']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** Earlier given ratings of one unit with the same level and the same comment (or none) since `since`. */
export async function countIdenticalRatings(
  tx: Executor,
  r: { departmentId: string | null; level: number; comment: string | null; since: Date; until: Date },
): Promise<number> {
  if (!r.departmentId) return 0
  const row = await tx
    .selectFrom('ratings')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('department_id', '=', r.departmentId)
    .where('kind', '=', 'given')
    .where('level', '=', r.level)
    .where(sql<boolean>`comment IS NOT DISTINCT FROM ${r.comment}`)
    .where('rated_at', '>=', r.since)
    .where('rated_at', '<=', r.until)
    .executeTakeFirstOrThrow()
  return row.n
}

/** Other cases the same device rated since `since`. */
export async function countDeviceOtherCases(
  tx: Executor,
  r: { deviceHash: string; subjectId: string; since: Date; until: Date },
): Promise<number> {
  const row = await tx
    .selectFrom('ratings')
    .select(sql<number>`count(DISTINCT subject_id)::int`.as('n'))
    .where('device_hash', '=', r.deviceHash)
    .where('subject_id', '!=', r.subjectId)
    .where('rated_at', '>=', r.since)
    .where('rated_at', '<=', r.until)
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * The latest action a staff member took on the case since `since`, from the audit trail (every
 * state change is audited with the case's id): a rating right after it may have been tapped for
 * the rater. Enterprise and system actions do not count.
 */
export async function findLastStaffActionAt(
  tx: Executor,
  r: { subjectId: string; since: Date; until: Date },
): Promise<Date | null> {
  const row = await tx
    .selectFrom('audit_log')
    .select(sql<Date | null>`max(at)`.as('at'))
    .where('entity_id', '=', r.subjectId)
    .where('at', '>=', r.since)
    .where('at', '<=', r.until)
    .where('actor_role', 'is not', null)
    .where('actor_role', 'not in', ['enterprise', 'system'])
    .executeTakeFirst()
  return row?.at ?? null
}

/** A case's ratings, every stage, oldest first, with the rater's name (shown only to whom may see it). */
export async function findCaseRatings(db: Executor, subjectType: RatingSubjectType, subjectId: string) {
  return db
    .selectFrom('ratings')
    .leftJoin('users', 'users.id', 'ratings.rated_by')
    .selectAll('ratings')
    .select('users.display_name as rater_name')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('rated_at')
    .orderBy('stage')
    .execute()
}

/** The enterprise's ratings, newest first. */
export async function findEnterpriseRatings(db: Executor, enterpriseId: string, limit: number) {
  return db
    .selectFrom('ratings')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('rated_at', 'desc')
    .limit(limit)
    .execute()
}

/** Which of these (subject, stage) pairs of one kind are rated already. */
export async function findRatedStages(
  db: Executor,
  subjectType: RatingSubjectType,
  subjectIds: string[],
): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('ratings')
    .select(['subject_id', 'stage'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .execute()
  return new Set(rows.map((r) => `${r.subject_id}/${r.stage}`))
}

/** Which of these (subject, stage) pairs of one kind were invited already. */
export async function findInvitedStages(
  db: Executor,
  subjectType: RatingSubjectType,
  subjectIds: string[],
): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('rating_invitations')
    .select(['subject_id', 'stage'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .execute()
  return new Set(rows.map((r) => `${r.subject_id}/${r.stage}`))
}

/** Records the one invitation of a stage; false when one was recorded already (another sweep won). */
export async function insertInvitation(
  tx: Tx,
  r: { subjectType: string; subjectId: string; stage: string; enterpriseId: string; at: Date },
): Promise<boolean> {
  const row = await tx
    .insertInto('rating_invitations')
    .values({
      subject_type: r.subjectType,
      subject_id: r.subjectId,
      stage: r.stage,
      enterprise_id: r.enterpriseId,
      invited_at: r.at,
    })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'stage']).doNothing())
    .returning('subject_id')
    .executeTakeFirst()
  return !!row
}

export async function findSettingsRow(db: Executor) {
  return db.selectFrom('rating_settings').selectAll().where('id', '=', 1).executeTakeFirst()
}

/** Saves the settings; undefined when the version moved (someone saved in between). */
export async function upsertSettings(
  db: Executor,
  settings: unknown,
  userId: string,
  expectedVersion: number | null,
) {
  if (expectedVersion === null) {
    return db
      .insertInto('rating_settings')
      .values({ settings: JSON.stringify(settings), updated_by: userId })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('version')
      .executeTakeFirst()
  }
  return db
    .updateTable('rating_settings')
    .set({
      settings: JSON.stringify(settings),
      updated_by: userId,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst()
}

/**
 * The figures' counts: per city month, unit, kind of case, given/default, excluded or not, level.
 * Few groups however many ratings (at most months × units × 5 × 2 × 2 × 5).
 */
export async function countRatings(
  db: Executor,
  r: { from: Date; to: Date; timeZone: string; departmentIds: string[] | 'all' },
) {
  let q = db
    .selectFrom('ratings')
    .select([
      sql<string>`to_char(rated_at AT TIME ZONE ${r.timeZone}, 'YYYY-MM')`.as('month'),
      'department_id',
      'subject_type',
      'kind',
      sql<boolean>`excluded_at IS NOT NULL`.as('excluded'),
      'level',
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('rated_at', '>=', r.from)
    .where('rated_at', '<', r.to)
  if (r.departmentIds !== 'all') {
    if (r.departmentIds.length === 0) return []
    q = q.where('department_id', 'in', r.departmentIds)
  }
  return q.groupBy(['month', 'department_id', 'subject_type', 'kind', 'excluded', 'level']).execute()
}

/** Department names for the figures. */
export async function findDepartmentNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
}
