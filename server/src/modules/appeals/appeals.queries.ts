import { sql, type Insertable, type RawBuilder, type SelectQueryBuilder, type Updateable } from 'kysely'
import { insertAuditRowSql, type UnlinkedAuditRow } from '../../kernel/audit/audit.queries'
import { nextSerialTextSql, readableNumberSql } from '../../kernel/db/counters.queries'
import type { Executor, Tx } from '../../kernel/db/database'
import { prepared } from '../../kernel/db/prepared'
import type { Audience } from '../../kernel/timeline/audience'
import type { DB } from '../../kernel/db/schema'
import type { AppealAssignmentsTable, AppealClocksTable, AppealsTable, AppealStatus } from './appeals.tables'

export type AppealRow = NonNullable<Awaited<ReturnType<typeof findAppeal>>>
export type ClockRow = NonNullable<Awaited<ReturnType<typeof findClocks>>>[number]

// Catalogue and settings

export async function findCategories(db: Executor, activeOnly: boolean) {
  let q = db.selectFrom('appeal_categories').selectAll()
  if (activeOnly) q = q.where('is_active', '=', true)
  return q.orderBy('sort_order').execute()
}

export async function findCategory(db: Executor, code: string) {
  return db.selectFrom('appeal_categories').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function findSettingsRow(db: Executor) {
  return db.selectFrom('appeal_settings').selectAll().where('id', '=', 1).executeTakeFirst()
}

export async function upsertSettings(
  db: Executor,
  settings: unknown,
  userId: string | null,
  expectedVersion: number | null,
) {
  if (expectedVersion === null) {
    return db
      .insertInto('appeal_settings')
      .values({ settings: JSON.stringify(settings), updated_by: userId })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('version')
      .executeTakeFirst()
  }
  return db
    .updateTable('appeal_settings')
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

// Appeals

export async function insertAppeal(tx: Tx, values: Insertable<AppealsTable>) {
  return tx.insertInto('appeals').values(values).returningAll().executeTakeFirstOrThrow()
}

/** What a filing stores: the appeal's columns but its number, tier and status (the statement sets those). */
export type FilingValues = Omit<Insertable<AppealsTable>, 'number' | 'tier' | 'status' | 'words'> & {
  words: string[]
}

/**
 * Files an appeal in one statement: the row, numbered from the year's sequence, with its category's
 * tier, its "filed" event and its audit row (`after` gains the number and tier; decision 0032). Inserts nothing, and takes no number, when the category
 * is not active, when `memberUserId` is given and does not act for the enterprise, or — with
 * `skipIfKeyUsed` — when the submitter already used the idempotency key (also one committed by a
 * racing request, after waiting for it); the caller then finds out which, the long way. `outbox`
 * (Notifier.outboxSql over `filedSql`) writes the filing's messages and their jobs in the same
 * statement, so a filing without attachments is this one statement (decision 0040).
 */
export async function insertFiledAppeal(
  db: Executor,
  values: FilingValues,
  number: { prefix: string; sequence: string },
  event: {
    actorUserId: string
    actorRole: string | null
    note: string | null
    data: Record<string, unknown>
  },
  audit: UnlinkedAuditRow,
  options: { memberUserId?: string; skipIfKeyUsed?: boolean },
  outbox: RawBuilder<unknown>,
): Promise<AppealRow | undefined> {
  const v = values
  const member = options.memberUserId
    ? sql`AND EXISTS (SELECT 1 FROM enterprise_members m
                      WHERE m.user_id = ${options.memberUserId} AND m.enterprise_id = ${v.enterprise_id})`
    : sql``
  const onConflict = options.skipIfKeyUsed
    ? sql`ON CONFLICT (submitted_by, idempotency_key) DO NOTHING`
    : sql``
  // Parameters in a SELECT list carry no column type: each is cast to its column's. Prepared: every
  // filing sends the same text (one per combination of the two options), decision 0040.
  const result = await prepared(sql<AppealRow>`
    WITH allowed AS (
      SELECT c.default_tier FROM appeal_categories c
      WHERE c.code = ${v.category_code} AND c.is_active ${member}
    ), serial AS (
      SELECT ${nextSerialTextSql(number.sequence)} AS s FROM allowed
    ), filed AS (
      INSERT INTO appeals (number, enterprise_id, submitted_by, channel, idempotency_key, request_fingerprint,
                           category_code, tier, title, body, words, address, latitude, longitude,
                           preferred_contact, contact_phone, hide_identity, is_public, status)
      SELECT ${readableNumberSql(number.prefix, sql<string>`serial.s`)}, ${v.enterprise_id}::uuid,
             ${v.submitted_by}::uuid, ${v.channel}::text, ${v.idempotency_key ?? null}::text,
             ${v.request_fingerprint ?? null}::text, ${v.category_code}::text, allowed.default_tier,
             ${v.title}::text, ${v.body}::text, ${v.words}::text[], ${v.address ?? null}::text,
             ${v.latitude ?? null}::float8, ${v.longitude ?? null}::float8,
             ${v.preferred_contact ?? 'phone'}::text, ${v.contact_phone ?? null}::text,
             ${v.hide_identity ?? false}::boolean, ${v.is_public ?? false}::boolean, 'submitted'
      FROM allowed, serial
      ${onConflict}
      RETURNING *
    ), event AS (
      INSERT INTO appeal_events (appeal_id, type, actor_user_id, actor_role, note, note_audience, data, audience)
      SELECT filed.id, 'filed', ${event.actorUserId}::uuid, ${event.actorRole}::text, ${event.note}::text,
             'internal', ${JSON.stringify(event.data)}::jsonb, 'enterprise'
      FROM filed
    ), audited AS (
      ${insertAuditRowSql(audit, 'filed', {
        entityId: sql<string>`filed.id::text`,
        // What the insert decided joins what the caller knew.
        after: sql`${JSON.stringify(audit.after ?? {})}::jsonb || jsonb_build_object('number', filed.number, 'tier', filed.tier)`,
      })}
    ), ${outbox}
    SELECT * FROM filed`).execute(db)
  return result.rows[0]
}

/** SQL over the filing statement's new row (`filed`), for the messages that statement writes. */
export const filedSql = {
  /** the new appeal: one message */
  appeal: sql`filed`,
  /** the new appeal beside each person of `people` (a subquery of their ids): a message each */
  appealAnd: (people: RawBuilder<{ id: string }>) => sql`filed, (${people}) AS person`,
  personId: sql<string>`person.id`,
  enterpriseId: sql<string>`filed.enterprise_id`,
  /** what a receipt and the task force's message say: the number, the title, the appeal to open */
  params: sql`jsonb_build_object('number', filed.number, 'title', filed.title, 'appealId', filed.id)`,
}

export async function findAppealByIdempotencyKey(db: Executor, submittedBy: string, key: string) {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('submitted_by', '=', submittedBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

/**
 * A federation row already filed by anyone (its key is the row's content): locks the key for the rest
 * of the transaction, so two dispatchers importing the same file at once file it once.
 */
export async function lockAndFindBatchAppeal(tx: Tx, key: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'appeal-batch:' + key}))`.execute(tx)
  return tx
    .selectFrom('appeals')
    .selectAll()
    .where('channel', '=', 'federation')
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

export async function findAppeal(db: Executor, id: string) {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The row, locked until the transaction ends: every action on one appeal goes one at a time. */
export async function lockAppeal(tx: Tx, id: string) {
  return tx.selectFrom('appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updateAppeal(tx: Tx, id: string, changes: Updateable<AppealsTable>) {
  return tx
    .updateTable('appeals')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function insertEvent(
  tx: Tx,
  row: {
    appealId: string
    type: string
    actorUserId: string | null
    actorRole: string | null
    departmentId?: string | null
    note?: string | null
    noteAudience?: Audience
    data?: Record<string, unknown>
    audience: Audience
  },
): Promise<void> {
  await tx
    .insertInto('appeal_events')
    .values({
      appeal_id: row.appealId,
      type: row.type,
      actor_user_id: row.actorUserId,
      actor_role: row.actorRole,
      department_id: row.departmentId ?? null,
      note: row.note ?? null,
      note_audience: row.noteAudience ?? 'internal',
      data: JSON.stringify(row.data ?? {}),
      audience: row.audience,
    })
    .execute()
}

/** The whole timeline; the enterprise's view picks from it by its allow-list (appeal-enterprise-view.ts). */
export async function findEvents(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_events as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'e.id',
      'e.at',
      'e.type',
      'e.actor_role',
      'e.note',
      'e.note_audience',
      'e.audience',
      'e.data',
      'd.name as department_name',
    ])
    .where('e.appeal_id', '=', appealId)
    .orderBy('e.id')
    .execute()
}

// Assignments

export async function insertAssignment(tx: Tx, values: Insertable<AppealAssignmentsTable>) {
  return tx.insertInto('appeal_assignments').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function findAssignments(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_assignments as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select('d.name as department_name')
    .where('a.appeal_id', '=', appealId)
    .orderBy('a.dispatched_at')
    .execute()
}

export async function endCurrentAssignments(tx: Tx, appealId: string): Promise<void> {
  await tx
    .updateTable('appeal_assignments')
    .set({ is_current: false })
    .where('appeal_id', '=', appealId)
    .where('is_current', '=', true)
    .execute()
}

export async function updateAssignment(
  tx: Tx,
  id: string,
  changes: Updateable<AppealAssignmentsTable>,
): Promise<void> {
  await tx.updateTable('appeal_assignments').set(changes).where('id', '=', id).execute()
}

// Clocks

export async function insertClock(tx: Tx, values: Insertable<AppealClocksTable>): Promise<void> {
  await tx.insertInto('appeal_clocks').values(values).execute()
}

export async function findClocks(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_clocks')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('started_at')
    .execute()
}

export async function updateClock(tx: Tx, id: string, changes: Updateable<AppealClocksTable>): Promise<void> {
  await tx.updateTable('appeal_clocks').set(changes).where('id', '=', id).execute()
}

/** The appeal's running clocks (except sign-for and co-handlers' parts, which belong to one assignment) move to another department. */
export async function reassignRunningClocks(tx: Tx, appealId: string, departmentId: string): Promise<void> {
  await tx
    .updateTable('appeal_clocks')
    .set({ department_id: departmentId })
    .where('appeal_id', '=', appealId)
    .where('stopped_at', 'is', null)
    .where('kind', 'not in', ['sign_for', 'co_part'])
    .execute()
}

/**
 * Clocks with a threshold due by `now`, each locked together with its appeal, skipping any clock or
 * appeal another transaction holds. The clock's lock keeps two sweeping nodes from acting on one
 * threshold twice; the appeal's keeps two nodes that hold two clocks of one appeal from escalating it
 * twice (one supervision case per appeal), and means a sweep never waits for — nor deadlocks with — a
 * handler's action on the appeal (that locks the appeal, then its clocks): the clock waits for the
 * next sweep. NO KEY UPDATE, so other rows may still be inserted that refer to the appeal.
 */
export async function lockDueClocks(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('appeal_clocks as c')
    .innerJoin('appeals as a', 'a.id', 'c.appeal_id')
    .selectAll('c')
    .where('c.next_check_at', '<=', now)
    .orderBy('c.next_check_at')
    .limit(limit)
    .forNoKeyUpdate(['c', 'a'])
    .skipLocked()
    .execute()
}

// Pauses, extensions, replies, ratings

export async function insertPause(
  tx: Tx,
  row: {
    appealId: string
    reason: 'awaiting_enterprise' | 'awaiting_third_party'
    note: string
    at: Date
    by: string
  },
) {
  await tx
    .insertInto('appeal_pauses')
    .values({
      appeal_id: row.appealId,
      reason: row.reason,
      note: row.note,
      started_at: row.at,
      started_by: row.by,
    })
    .execute()
}

export async function endOpenPause(tx: Tx, appealId: string, at: Date, by: string | null): Promise<void> {
  await tx
    .updateTable('appeal_pauses')
    .set({ ended_at: at, ended_by: by })
    .where('appeal_id', '=', appealId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function insertExtension(
  tx: Tx,
  row: { appealId: string; departmentId: string; workingDays: number; reason: string; by: string },
) {
  return tx
    .insertInto('appeal_extensions')
    .values({
      appeal_id: row.appealId,
      department_id: row.departmentId,
      working_days: row.workingDays,
      reason: row.reason,
      requested_by: row.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findExtensions(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_extensions')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('requested_at')
    .execute()
}

export async function decideExtension(
  tx: Tx,
  id: string,
  row: { approve: boolean; by: string; note: string | null },
) {
  return tx
    .updateTable('appeal_extensions')
    .set({
      status: row.approve ? 'approved' : 'rejected',
      decided_by: row.by,
      decided_at: new Date(),
      decision_note: row.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .returningAll()
    .executeTakeFirst()
}

export async function insertReply(
  tx: Tx,
  row: {
    appealId: string
    cycle: number
    departmentId: string
    body: string
    status: 'pending_approval' | 'approved'
    by: string
    missingPartsReason: string | null
  },
) {
  return tx
    .insertInto('appeal_replies')
    .values({
      appeal_id: row.appealId,
      cycle: row.cycle,
      department_id: row.departmentId,
      body: row.body,
      status: row.status,
      written_by: row.by,
      missing_parts_reason: row.missingPartsReason,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findReplies(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_replies as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .selectAll('r')
    .select('d.name as department_name')
    .where('r.appeal_id', '=', appealId)
    .orderBy('r.written_at')
    .execute()
}

export async function decideReply(
  tx: Tx,
  id: string,
  row: { approve: boolean; by: string; note: string | null },
) {
  return tx
    .updateTable('appeal_replies')
    .set({
      status: row.approve ? 'approved' : 'rejected',
      decided_by: row.by,
      decided_at: new Date(),
      decision_note: row.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending_approval')
    .returningAll()
    .executeTakeFirst()
}

export async function insertRating(
  tx: Tx,
  row: {
    appealId: string
    cycle: number
    solved: boolean
    level: number | null
    comment: string | null
    by: string | null
  },
) {
  await tx
    .insertInto('appeal_ratings')
    .values({
      appeal_id: row.appealId,
      cycle: row.cycle,
      solved: row.solved,
      level: row.level,
      comment: row.comment,
      rated_by: row.by,
    })
    .execute()
}

export async function findRatings(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_ratings')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('cycle')
    .execute()
}

// Attachments

export async function insertAttachment(
  db: Executor,
  row: {
    fileName: string
    contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
    content: Buffer
    sha256: string
    by: string
  },
) {
  return db
    .insertInto('appeal_attachments')
    .values({
      file_name: row.fileName,
      content_type: row.contentType,
      size_bytes: row.content.length,
      sha256: row.sha256,
      content: row.content,
      uploaded_by: row.by,
    })
    .returning(['id', 'file_name', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow()
}

/** Attachments the user uploaded and has not yet used elsewhere. */
export async function findUnlinkedAttachments(tx: Tx, ids: string[], uploadedBy: string) {
  if (ids.length === 0) return []
  return tx
    .selectFrom('appeal_attachments')
    .select('id')
    .where('id', 'in', ids)
    .where('uploaded_by', '=', uploadedBy)
    .where('appeal_id', 'is', null)
    .execute()
}

export async function linkAttachments(
  tx: Tx,
  ids: string[],
  appealId: string,
  replyId: string | null,
): Promise<void> {
  if (ids.length === 0) return
  await tx
    .updateTable('appeal_attachments')
    .set({ appeal_id: appealId, reply_id: replyId })
    .where('id', 'in', ids)
    .execute()
}

export async function findAttachmentList(db: Executor, appealId: string) {
  return db
    .selectFrom('appeal_attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'reply_id'])
    .where('appeal_id', '=', appealId)
    .orderBy('uploaded_at')
    .execute()
}

export async function findAttachment(db: Executor, id: string) {
  return db.selectFrom('appeal_attachments').selectAll().where('id', '=', id).executeTakeFirst()
}

// Lists

/** States in which the lead department holds the appeal (after a return it is with the task force). */
const LEAD_HOLDS: AppealStatus[] = [
  'dispatched',
  'handling',
  'paused',
  'awaiting_approval',
  'replied',
  'closed',
  'withdrawn',
]

/** One row per appeal for every list: category, enterprise, current lead and the nearest running deadline. */
export function summaryQuery(db: Executor) {
  return (
    db
      .selectFrom('appeals as a')
      .innerJoin('appeal_categories as c', 'c.code', 'a.category_code')
      .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
      // The read model's lead, shown only while the lead holds the appeal (after a return it is with the task force).
      .leftJoin('departments as ld', (join) =>
        join.onRef('ld.id', '=', 'a.lead_department_id').on('a.status', 'in', LEAD_HOLDS),
      )
      .select([
        'a.id',
        'a.number',
        'a.title',
        'a.status',
        'a.channel',
        'a.category_code',
        'c.name as category_name',
        'c.name_en as category_name_en',
        'a.tier',
        'a.hide_identity',
        'e.name as enterprise_name',
        'e.uscc as enterprise_uscc',
        'a.enterprise_id',
        'ld.id as lead_department_id',
        'ld.name as lead_department_name',
        'a.created_at',
        'a.return_count',
        'a.reopen_count',
      ])
      .select('a.next_due_at as due_at')
  )
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]
export type SummaryQuery = ReturnType<typeof summaryQuery>

export async function pageOf(
  query: SummaryQuery,
  page: { limit: number; offset: number },
  order: 'due' | 'created',
  options: { countInline?: boolean } = {},
) {
  const counted = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'))
  const ordered =
    order === 'due'
      ? query.orderBy(sql`due_at`, sql`asc nulls last`).orderBy('a.created_at')
      : query.orderBy('a.created_at', 'desc')
  const countTotal = async () =>
    Number(
      (
        await (
          counted as unknown as SelectQueryBuilder<DB, 'appeals', { n: number }>
        ).executeTakeFirstOrThrow()
      ).n,
    )
  if (options.countInline) {
    // A small set (one enterprise's appeals): the page and the total in one round trip. A page past
    // the end has no row to carry the total, so only then is it counted apart.
    const rows = await ordered
      .select(sql<string>`count(*) over ()`.as('total_count'))
      .limit(page.limit)
      .offset(page.offset)
      .execute()
    const total = rows.length ? Number(rows[0]!.total_count) : page.offset > 0 ? await countTotal() : 0
    return { items: rows, total }
  }
  const [items, total] = await Promise.all([
    ordered.limit(page.limit).offset(page.offset).execute(),
    countTotal(),
  ])
  return { items, total }
}

/** The appeals of the enterprises a user acts for, decided in the query (no list of ids fetched first). */
export function ofMember(query: SummaryQuery, userId: string) {
  return query.where('a.enterprise_id', 'in', (eb) =>
    eb.selectFrom('enterprise_members as m').select('m.enterprise_id').where('m.user_id', '=', userId),
  )
}

export function inStatuses(query: SummaryQuery, statuses: AppealStatus[]) {
  return query.where('a.status', 'in', statuses)
}

export function ofEnterprises(query: SummaryQuery, enterpriseIds: string[]) {
  return query.where(
    'a.enterprise_id',
    'in',
    enterpriseIds.length ? enterpriseIds : ['00000000-0000-0000-0000-000000000000'],
  )
}

/**
 * Department scoping is part of the query: the appeals in `statuses` that a department in scope leads
 * now (the read model's lead, in a state where the lead holds it) or co-handles now. Two index reads
 * joined by id — the inbox index for leads, the co-handler index — never a scan of the pool: an OR
 * across the two would make PostgreSQL filter every open appeal.
 */
export function heldBy(query: SummaryQuery, departmentIds: string[], statuses: AppealStatus[]) {
  const ids = departmentIds.length ? departmentIds : ['00000000-0000-0000-0000-000000000000']
  const led = statuses.filter((s) => LEAD_HOLDS.includes(s))
  return query.where('a.status', 'in', statuses).where('a.id', 'in', (eb) => {
    const coHandled = eb
      .selectFrom('appeal_assignments as h')
      .select('h.appeal_id as id')
      .where('h.is_current', '=', true)
      .where('h.role', '=', 'co')
      .where('h.department_id', 'in', ids)
    if (led.length === 0) return coHandled
    return eb
      .selectFrom('appeals as l')
      .select('l.id')
      .where('l.lead_department_id', 'in', ids)
      .where('l.status', 'in', led)
      .unionAll(coHandled)
  })
}

export function overdue(query: SummaryQuery, now: Date) {
  return query.where('a.next_due_at', '<', now)
}

export function withPendingExtension(query: SummaryQuery) {
  return query.where((eb) =>
    eb.exists(
      eb
        .selectFrom('appeal_extensions as x')
        .select('x.id')
        .whereRef('x.appeal_id', '=', 'a.id')
        .where('x.status', '=', 'requested'),
    ),
  )
}

export function matching(query: SummaryQuery, text: string) {
  const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`
  return query.where((eb) =>
    eb.or([eb('a.number', 'ilike', like), eb('a.title', 'ilike', like), eb('e.name', 'ilike', like)]),
  )
}

/**
 * Open appeals like a text: candidates share one of its rarer words (`candidates`, through the
 * open-appeals index); they are ranked by overlap with all its words (cosine over the word sets) and
 * by trigram similarity of the titles, which also catches near-identical titles the segmenter cut
 * differently.
 */
export async function findSimilarOpen(
  db: Executor,
  words: string[],
  candidates: string[],
  filter: {
    title: string
    enterpriseId?: string | undefined
    excludeId?: string | undefined
    statuses: AppealStatus[]
  },
  limit: number,
) {
  if (words.length === 0 || candidates.length === 0) return []
  let q = db
    .selectFrom('appeals')
    .select(['id', 'number', 'title', 'status'])
    .select(
      sql<number>`0.7 * cardinality(ARRAY(SELECT unnest(words) INTERSECT SELECT unnest(${words}::text[])))::float / sqrt(greatest(cardinality(words), 1) * ${words.length})
        + 0.3 * similarity(title, ${filter.title})`.as('score'),
    )
    .where(sql<boolean>`words && ${candidates}::text[]`)
    .where('status', 'in', filter.statuses)
  if (filter.enterpriseId) q = q.where('enterprise_id', '=', filter.enterpriseId)
  if (filter.excludeId) q = q.where('id', '<>', filter.excludeId)
  return q
    .orderBy(sql`score`, 'desc')
    .limit(limit)
    .execute()
}

/** How many open appeals used each of these words at the last refresh (absent: none then). */
export async function findWordFrequencies(db: Executor, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map()
  const rows = await db
    .selectFrom('appeal_word_frequencies')
    .select(['word', 'open_appeals'])
    .where('word', 'in', words)
    .execute()
  return new Map(rows.map((r) => [r.word, r.open_appeals]))
}

/** Recounts the words of the open appeals, replacing the previous counts in one transaction. */
export async function replaceWordFrequencies(tx: Tx, statuses: AppealStatus[]): Promise<number> {
  await tx.deleteFrom('appeal_word_frequencies').execute()
  const result = await sql`
    INSERT INTO appeal_word_frequencies (word, open_appeals)
    SELECT w, count(*)::int FROM appeals, unnest(words) AS w
    WHERE status IN (${sql.join(statuses)})
    GROUP BY w`.execute(tx)
  return Number(result.numAffectedRows ?? 0)
}

// Routing

/** Past dispatches the department kept (signed for, never returned): what routing learns from. */
export async function findRoutingExamples(db: Executor, limit: number) {
  return db
    .selectFrom('appeal_assignments as s')
    .innerJoin('appeals as a', 'a.id', 's.appeal_id')
    .select(['a.words', 'a.category_code', 's.department_id'])
    .where('s.role', '=', 'lead')
    .where('s.signed_at', 'is not', null)
    .where('s.returned_at', 'is', null)
    .orderBy('s.dispatched_at', 'desc')
    .limit(limit)
    .execute()
}

export async function saveRoutingModel(db: Executor, model: unknown, examples: number): Promise<void> {
  await db
    .insertInto('appeal_routing_model')
    .values({ id: 1, trained_at: new Date(), examples, model: JSON.stringify(model) })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ trained_at: new Date(), examples, model: JSON.stringify(model) }),
    )
    .execute()
}

export async function findRoutingModel(db: Executor) {
  return db.selectFrom('appeal_routing_model').selectAll().where('id', '=', 1).executeTakeFirst()
}

export async function findDepartmentNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function findActiveDepartments(db: Executor, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'kind'])
    .where('id', 'in', ids)
    .where('is_active', '=', true)
    .execute()
}

/**
 * Departments an appeal can be dispatched to, with the names routing recognises, and whether the
 * unit receives every appeal (the bureau and the units under it).
 */
export async function findRoutableDepartments(db: Executor) {
  return db
    .selectFrom('departments as d')
    .leftJoin('departments as p', 'p.id', 'd.parent_id')
    .select(['d.id', 'd.name', 'd.short_name', 'd.recognised_names'])
    .select(sql<boolean>`d.is_bureau OR coalesce(p.is_bureau, false)`.as('is_recipient'))
    .where('d.is_active', '=', true)
    .where('d.kind', 'in', ['department', 'district', 'division'])
    .orderBy('d.sort_order')
    .execute()
}

/** The city's root unit (大连市人民政府): routing takes the city's name off department names. */
export async function findCityRoot(db: Executor) {
  return db.selectFrom('departments').select(['id', 'name']).where('kind', '=', 'city').executeTakeFirst()
}

/** Every category with its default department and keywords, retired ones too (old appeals keep them). */
export async function findRoutingCategories(db: Executor) {
  return db
    .selectFrom('appeal_categories')
    .select(['code', 'name', 'name_en', 'default_department_id', 'keywords', 'is_active'])
    .execute()
}

export async function findFallbackOwner(db: Executor) {
  return db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('is_fallback_owner', '=', true)
    .where('is_active', '=', true)
    .orderBy('sort_order')
    .executeTakeFirst()
}

// Closing, return visits, supervision

export async function lockAutoClosable(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('appeals')
    .selectAll()
    .where('status', '=', 'replied')
    .where('auto_close_at', '<=', now)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function insertReturnVisit(
  tx: Tx,
  row: { appealId: string; cycle: number; reason: 'random' | 'low_rating' | 'no_rating' | 'manual' },
) {
  return tx
    .insertInto('appeal_return_visits')
    .values({ appeal_id: row.appealId, cycle: row.cycle, sample_reason: row.reason })
    .onConflict((oc) => oc.columns(['appeal_id', 'cycle']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export async function findReturnVisits(
  db: Executor,
  status: 'pending' | 'done' | 'unreachable' | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('appeal_return_visits as v')
    .innerJoin('appeals as a', 'a.id', 'v.appeal_id')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .selectAll('v')
    .select(['a.number', 'e.name as enterprise_name'])
  if (status) q = q.where('v.status', '=', status)
  return q.orderBy('v.sampled_at', 'desc').limit(limit).execute()
}

export async function findReturnVisitForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('appeal_return_visits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function hasPendingReturnVisit(db: Executor, appealId: string): Promise<boolean> {
  const row = await db
    .selectFrom('appeal_return_visits')
    .select('id')
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return !!row
}

export async function findPendingVisitOf(tx: Tx, appealId: string) {
  return tx
    .selectFrom('appeal_return_visits')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst()
}

export async function completeReturnVisit(
  tx: Tx,
  id: string,
  row: {
    status: 'done' | 'unreachable'
    solved: boolean | null
    level: number | null
    note: string | null
    by: string | null
  },
): Promise<void> {
  await tx
    .updateTable('appeal_return_visits')
    .set({
      status: row.status,
      solved: row.solved,
      level: row.level,
      note: row.note,
      visited_by: row.by,
      visited_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

/** Public appeals (the enterprise allowed it and did not hide its identity), for Open311. */
export async function findPublicAppeals(
  db: Executor,
  filter: {
    numbers?: string[] | undefined
    categoryCodes?: string[] | undefined
    from: Date
    to: Date
    statuses?: AppealStatus[] | undefined
  },
  limit: number,
) {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('appeal_categories as c', 'c.code', 'a.category_code')
    .leftJoin('appeal_assignments as s', (join) =>
      join.onRef('s.appeal_id', '=', 'a.id').on('s.role', '=', 'lead').on('s.is_current', '=', true),
    )
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      'a.number',
      'a.status',
      'a.title',
      'a.body',
      'a.category_code',
      'c.name as category_name',
      'c.name_en as category_name_en',
      'd.name as department_name',
      'a.created_at',
      'a.updated_at',
      'a.address',
      'a.latitude',
      'a.longitude',
      'a.close_reason',
    ])
    .select((eb) =>
      eb
        .selectFrom('appeal_clocks as k')
        .select((k) => k.fn.max('k.due_at').as('d'))
        .whereRef('k.appeal_id', '=', 'a.id')
        .where('k.kind', '=', 'resolution')
        .as('expected_at'),
    )
    .select([firstImageOf('id').as('media_id'), firstImageOf('content_type').as('media_type')])
    .where('a.is_public', '=', true)
    .where('a.hide_identity', '=', false)
    .where('a.status', 'not in', ['rejected', 'merged'])
  if (filter.numbers?.length) q = q.where('a.number', 'in', filter.numbers)
  else {
    q = q.where('a.created_at', '>=', filter.from).where('a.created_at', '<=', filter.to)
    if (filter.categoryCodes?.length) q = q.where('a.category_code', 'in', filter.categoryCodes)
    if (filter.statuses) q = q.where('a.status', 'in', filter.statuses)
  }
  return q.orderBy('a.created_at', 'desc').limit(limit).execute()
}

/**
 * A column of the first image the enterprise filed with appeal `a` (not a department's reply
 * attachment, not a PDF): the one picture an Open311 feed shows.
 */
function firstImageOf(column: 'id' | 'content_type') {
  return sql<string | null>`(
    SELECT ${sql.ref(`f.${column}`)} FROM appeal_attachments f
    WHERE f.appeal_id = a.id AND f.reply_id IS NULL AND f.content_type IN ('image/jpeg', 'image/png', 'image/webp')
    ORDER BY f.uploaded_at, f.id LIMIT 1)`
}

/**
 * An image Open311 may show: the first image of an appeal that is public, does not hide its
 * identity and was not rejected or merged — the same rule as the public list, checked again here.
 */
export async function findPublicMedia(db: Executor, attachmentId: string) {
  return db
    .selectFrom('appeal_attachments as m')
    .innerJoin('appeals as a', 'a.id', 'm.appeal_id')
    .select(['m.content_type', 'm.content'])
    .where('m.id', '=', attachmentId)
    .where('a.is_public', '=', true)
    .where('a.hide_identity', '=', false)
    .where('a.status', 'not in', ['rejected', 'merged'])
    .where(sql<boolean>`m.id = ${firstImageOf('id')}`)
    .executeTakeFirst()
}

/** When an administrator last changed the catalogue (its audit rows), or null if never since set-up. */
export async function findCatalogueChangedAt(db: Executor): Promise<Date | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('at')
    .where('entity_type', '=', 'appeal_category')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.at ?? null
}

/** keywords undefined: a new category gets none, an existing one keeps its own. */
export async function upsertCategory(
  db: Executor,
  row: {
    code: string
    name: string
    name_en: string
    default_department_id: string | null
    default_tier: 'urgent' | 'fast' | 'normal' | 'complex'
    is_active: boolean
    sort_order: number
    keywords: string[] | undefined
  },
) {
  const { keywords, ...fields } = row
  return db
    .insertInto('appeal_categories')
    .values({ ...fields, keywords: keywords ?? [] })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: row.name,
        name_en: row.name_en,
        default_department_id: row.default_department_id,
        default_tier: row.default_tier,
        is_active: row.is_active,
        sort_order: row.sort_order,
        // a catalogue saved before keywords existed gets an empty list, never NULL (the seed's mark)
        keywords: keywords ?? sql<string[]>`coalesce(appeal_categories.keywords, '{}')`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Keeps appeals.next_due_at equal to the nearest due instant of the appeal's running clocks. */
export async function refreshNextDue(tx: Tx, appealId: string): Promise<void> {
  await tx
    .updateTable('appeals')
    .set((eb) => ({
      next_due_at: eb
        .selectFrom('appeal_clocks')
        .select((k) => k.fn.min('due_at').as('d'))
        .where('appeal_id', '=', appealId)
        .where('stopped_at', 'is', null),
    }))
    .where('id', '=', appealId)
    .execute()
}

/** Records on the appeal row how a stopped clock ended, for the figures (void clocks record nothing). */
export async function recordClockOutcome(
  tx: Tx,
  appealId: string,
  kind: string,
  cycle: number,
  isMet: boolean,
): Promise<void> {
  if (kind === 'first_contact' && cycle === 1) {
    await tx.updateTable('appeals').set({ first_contact_met: isMet }).where('id', '=', appealId).execute()
  } else if (kind === 'resolution') {
    await tx
      .updateTable('appeals')
      .set(
        isMet
          ? { resolution_met: sql`resolution_met + 1` }
          : { resolution_missed: sql`resolution_missed + 1` },
      )
      .where('id', '=', appealId)
      .execute()
  }
}

/**
 * Recomputes the read model of every appeal from its history (assignments, clocks, ratings), set by
 * set. For a bulk load or a repair; everyday writes keep it current in their own transaction.
 */
export async function rebuildAppealReadModel(db: Executor): Promise<void> {
  await sql`UPDATE appeals a SET lead_department_id = s.department_id
              FROM (SELECT DISTINCT ON (appeal_id) appeal_id, department_id FROM appeal_assignments
                     WHERE role = 'lead' ORDER BY appeal_id, is_current DESC, dispatched_at DESC) s
             WHERE s.appeal_id = a.id`.execute(db)
  await sql`UPDATE appeals a SET next_due_at = k.due
              FROM (SELECT appeal_id, min(due_at) AS due FROM appeal_clocks WHERE stopped_at IS NULL GROUP BY appeal_id) k
             WHERE k.appeal_id = a.id`.execute(db)
  await sql`UPDATE appeals a SET latest_solved = r.solved, latest_level = r.level
              FROM (SELECT DISTINCT ON (appeal_id) appeal_id, solved, level FROM appeal_ratings ORDER BY appeal_id, cycle DESC) r
             WHERE r.appeal_id = a.id`.execute(db)
  await sql`UPDATE appeals a SET first_contact_met = k.is_met, resolution_met = k.met, resolution_missed = k.missed
              FROM (SELECT appeal_id,
                           bool_and(is_met) FILTER (WHERE kind = 'first_contact' AND cycle = 1) AS is_met,
                           count(*) FILTER (WHERE kind = 'resolution' AND is_met)::int AS met,
                           count(*) FILTER (WHERE kind = 'resolution' AND is_met = false)::int AS missed
                      FROM appeal_clocks GROUP BY appeal_id) k
             WHERE k.appeal_id = a.id`.execute(db)
}

/** The enterprises a user acts for: what an enterprise user may see of appeals. */
export async function findEnterpriseIdsOfMember(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enterprise_members')
    .select('enterprise_id')
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.enterprise_id)
}
