import { sql } from 'kysely'
import type pg from 'pg'
import { copyOutInSnapshot } from '../../kernel/db/copy-out'
import type { Executor, Tx } from '../../kernel/db/database'
import type { DrawRatios, DrawTier } from './draw-algorithm'
import type { PartyCapacity, RandomDrawStatus } from './random-draws.tables'

/** All the SQL of random draws (a lint rule keeps it here). */

const NO_ID = '00000000-0000-0000-0000-000000000000'
const idsOrNone = (ids: readonly string[]) => (ids.length ? [...ids] : [NO_ID])

// ── settings ─────────────────────────────────────────────────────────────────

export async function findSettingsRow(db: Executor) {
  return db
    .selectFrom('random_draw_settings')
    .select(['publish_within_working_days', 'version'])
    .executeTakeFirst()
}

/** Writes the one settings row; null when someone else changed it first (the version moved on). */
export async function upsertSettings(tx: Tx, days: number, userId: string, expectedVersion: number) {
  if (expectedVersion === 0)
    return tx
      .insertInto('random_draw_settings')
      .values({ publish_within_working_days: days, updated_by: userId })
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .executeTakeFirst()
  return tx
    .updateTable('random_draw_settings')
    .set({
      publish_within_working_days: days,
      updated_by: userId,
      updated_at: new Date(),
      version: expectedVersion + 1,
    })
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst()
}

// ── opening a draw ───────────────────────────────────────────────────────────

export async function findDepartment(db: Executor, id: string) {
  return db.selectFrom('departments').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
}

/** Active staff users among the ids (the parties must be real, current members of staff). */
export async function findActiveStaff(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', idsOrNone(ids))
    .where('kind', '=', 'staff')
    .where('is_disabled', '=', false)
    .execute()
}

/** Staff who may stand as a party: the bureau, heads of departments, discipline inspection. */
export async function findPartyCandidates(db: Executor) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['u.id', 'u.display_name', 'd.name as department_name', 'r.role'])
    .where('u.kind', '=', 'staff')
    .where('u.is_disabled', '=', false)
    .where('r.role', 'in', ['dispatcher', 'bureau_leader', 'department_head', 'discipline_inspector'])
    .orderBy('d.name')
    .orderBy('u.display_name')
    .limit(500)
    .execute()
}

export async function findPublishedItems(db: Executor, departmentId: string, ids: readonly string[]) {
  return db
    .selectFrom('inspection_items')
    .select('id')
    .where('id', 'in', idsOrNone(ids))
    .where('department_id', '=', departmentId)
    .where('status', '=', 'published')
    .execute()
}

export async function insertDraw(
  tx: Tx,
  draw: {
    departmentId: string
    title: string
    scope: string
    divisionCode: string | null
    industryCode: string | null
    ratios: DrawRatios
    inspectorsPerTarget: number
    inspectBy: string | null
    algorithm: string
    openedBy: string
    at: Date
  },
): Promise<string> {
  const row = await tx
    .insertInto('random_draws')
    .values({
      department_id: draw.departmentId,
      title: draw.title,
      scope: draw.scope,
      division_code: draw.divisionCode,
      industry_code: draw.industryCode,
      ratios: JSON.stringify(draw.ratios),
      inspectors_per_target: draw.inspectorsPerTarget,
      inspect_by: draw.inspectBy,
      algorithm: draw.algorithm,
      opened_by: draw.openedBy,
      opened_at: draw.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertItems(tx: Tx, drawId: string, itemIds: readonly string[]) {
  if (!itemIds.length) return
  await tx
    .insertInto('random_draw_items')
    .values(itemIds.map((itemId) => ({ draw_id: drawId, item_id: itemId })))
    .execute()
}

export async function insertParties(
  tx: Tx,
  drawId: string,
  parties: readonly { userId: string; capacity: PartyCapacity }[],
) {
  await tx
    .insertInto('random_draw_parties')
    .values(
      parties.map((p, i) => ({ draw_id: drawId, position: i + 1, user_id: p.userId, capacity: p.capacity })),
    )
    .execute()
}

// ── reading a draw ───────────────────────────────────────────────────────────

const DRAW_COLUMNS = [
  'r.id',
  'r.department_id',
  'r.title',
  'r.scope',
  'r.division_code',
  'r.industry_code',
  'r.ratios',
  'r.inspectors_per_target',
  'r.inspect_by',
  'r.algorithm',
  'r.status',
  'r.list_hash',
  'r.enterprise_count',
  'r.inspector_count',
  'r.beacon',
  'r.seed',
  'r.opened_by',
  'r.opened_at',
  'r.frozen_at',
  'r.drawn_at',
  'r.publish_due_at',
  'r.published_at',
  'r.version',
] as const

export async function findDraw(db: Executor, id: string) {
  return db
    .selectFrom('random_draws as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([...DRAW_COLUMNS, 'd.name as department_name'])
    .where('r.id', '=', id)
    .executeTakeFirst()
}
export type DrawRow = NonNullable<Awaited<ReturnType<typeof findDraw>>>

/** Locks the draw for one move (every write to a draw goes through this first). */
export async function lockDraw(tx: Tx, id: string) {
  await tx.selectFrom('random_draws').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return findDraw(tx, id)
}

export async function findListText(db: Executor, id: string) {
  const row = await db.selectFrom('random_draws').select('list_text').where('id', '=', id).executeTakeFirst()
  return row?.list_text ?? null
}

export async function findParties(db: Executor, drawId: string) {
  return db
    .selectFrom('random_draw_parties as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.position',
      'p.user_id',
      'p.capacity',
      'p.commitment',
      'p.committed_at',
      'p.secret',
      'p.revealed_at',
      'u.display_name as name',
    ])
    .where('p.draw_id', '=', drawId)
    .orderBy('p.position')
    .execute()
}

export async function findItemIds(db: Executor, drawId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('random_draw_items')
    .select('item_id')
    .where('draw_id', '=', drawId)
    .execute()
  return rows.map((r) => r.item_id)
}

export async function findItems(db: Executor, drawId: string) {
  return db
    .selectFrom('random_draw_items as l')
    .innerJoin('inspection_items as i', 'i.id', 'l.item_id')
    .select(['i.code', 'i.name'])
    .where('l.draw_id', '=', drawId)
    .orderBy('i.code')
    .execute()
}

/** A draw's targets in their order, each with its enterprise (the columns are the caller's). */
function targetsOfDraw(db: Executor, drawId: string) {
  return db
    .selectFrom('random_draw_targets as t')
    .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .where('t.draw_id', '=', drawId)
    .orderBy('t.position')
}

export async function findTargets(db: Executor, drawId: string) {
  return targetsOfDraw(db, drawId)
    .select([
      't.position',
      't.enterprise_id',
      't.tier',
      't.ticket',
      't.inspector_user_ids',
      'e.name',
      'e.uscc',
    ])
    .execute()
}

/**
 * The same rows without what a draw that was just made holds in memory (tier, ticket, inspectors): its
 * answer reads only these, half the bytes and no uuid[] to parse (decision 0061).
 */
export async function findTargetEnterprises(db: Executor, drawId: string) {
  return targetsOfDraw(db, drawId).select(['t.position', 't.enterprise_id', 'e.name', 'e.uscc']).execute()
}

export async function findInspectorCards(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('inspectors as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.user_id', 'i.certificate_no', 'u.display_name as name'])
    .where('i.user_id', 'in', idsOrNone(ids))
    .execute()
}

/** The draws, newest first, with the size of their result; scoped to bodies unless null (the bureau). */
export async function listDraws(
  db: Executor,
  scope: { departmentIds: readonly string[] | null; userId: string | null; onlyPublished: boolean },
) {
  let query = db
    .selectFrom('random_draws as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.id',
      'r.title',
      'r.status',
      'r.opened_at',
      'r.publish_due_at',
      'r.published_at',
      'd.name as department_name',
      (eb) =>
        eb
          .selectFrom('random_draw_targets as t')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('t.draw_id', '=', 'r.id')
          .as('target_count'),
      (eb) =>
        eb
          .selectFrom('random_draw_parties as p')
          .select('p.position')
          .whereRef('p.draw_id', '=', 'r.id')
          .where('p.user_id', '=', scope.userId ?? NO_ID)
          .as('my_position'),
    ])
    .orderBy('r.opened_at', 'desc')
    .limit(200)
  if (scope.onlyPublished) query = query.where('r.status', '=', 'published')
  if (scope.departmentIds) {
    const departmentIds = idsOrNone(scope.departmentIds)
    const userId = scope.userId ?? NO_ID
    query = query.where((eb) =>
      eb.or([
        eb('r.department_id', 'in', departmentIds),
        eb.exists(
          eb
            .selectFrom('random_draw_parties as p')
            .select('p.position')
            .whereRef('p.draw_id', '=', 'r.id')
            .where('p.user_id', '=', userId),
        ),
      ]),
    )
  }
  return query.execute()
}

// ── moves ────────────────────────────────────────────────────────────────────

export async function saveCommitment(tx: Tx, drawId: string, position: number, commitment: string, at: Date) {
  await tx
    .updateTable('random_draw_parties')
    .set({ commitment, committed_at: at })
    .where('draw_id', '=', drawId)
    .where('position', '=', position)
    .execute()
}

export async function saveReveal(tx: Tx, drawId: string, position: number, secret: string, at: Date) {
  await tx
    .updateTable('random_draw_parties')
    .set({ secret, revealed_at: at })
    .where('draw_id', '=', drawId)
    .where('position', '=', position)
    .execute()
}

/** Moves the draw on, if nobody moved it since the caller read it (optimistic version). */
export async function updateDraw(
  tx: Tx,
  id: string,
  expectedVersion: number,
  patch: {
    status?: RandomDrawStatus
    list_text?: string
    list_hash?: string
    enterprise_count?: number
    inspector_count?: number
    beacon?: string | null
    seed?: string
    frozen_at?: Date
    drawn_at?: Date
    publish_due_at?: Date
    published_at?: Date
    published_by?: string
  },
): Promise<boolean> {
  const result = await tx
    .updateTable('random_draws')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

type EnterpriseFilter = { divisionCode: string | null; industryCode: string | null }

/**
 * The enterprises the filter selects, joined to their credit tier: a division (a code ending 00 covers
 * its districts) and/or an industry code prefix. `inline`: every value written into the SQL text (for
 * COPY, which takes no parameters; the caller checked them, and Kysely quotes string literals).
 */
function drawableEnterprises(db: Executor, filter: EnterpriseFilter, inline: boolean) {
  const value = (text: string) => (inline ? sql.lit(text) : text)
  let query = db
    .selectFrom('enterprises as e')
    .leftJoin('enterprise_fact_values as v', (join) =>
      join.onRef('v.enterprise_id', '=', 'e.id').on('v.fact_key', '=', value('creditTier')),
    )
  const division = filter.divisionCode
  if (division) {
    const prefix = division.endsWith('0000')
      ? division.slice(0, 2)
      : division.endsWith('00')
        ? division.slice(0, 4)
        : division
    query = query.where('e.division_code', 'like', value(`${prefix}%`))
  }
  if (filter.industryCode) query = query.where('e.industry_code', 'like', value(`${filter.industryCode}%`))
  return query
}

/** The enterprises the filter selects, with their credit code and tier (null when nobody rated them). */
export async function findDrawableEnterprises(db: Executor, filter: EnterpriseFilter) {
  // by id: the canonical order of the frozen list (uuid order is byte order, the hex text's order),
  // so the serializer does not sort a copy of a million rows
  return drawableEnterprises(db, filter, false)
    .select(['e.id', 'e.uscc', sql<string | null>`v.value_text`.as('tier')])
    .orderBy('e.id')
    .execute()
}

/** The id of the transaction's snapshot, for another connection to read what this transaction reads. */
export async function exportSnapshot(tx: Tx): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(tx)
  return rows[0]!.id
}

/** Values the COPY's SQL text may carry: digits and Latin letters only (the schema's codes are). */
const INLINE_SAFE = /^[0-9A-Za-z]*$/

/**
 * The same enterprises as findDrawableEnterprises, in the same order, each row already the text
 * JSON.stringify writes for its [id, credit code, tier] tuple — made by PostgreSQL and streamed with
 * COPY in the snapshot of the caller's transaction (PostgreSQL only; decision 0061). A row whose
 * credit code has anything but digits and capital letters (which JSON might escape, or trim() would
 * treat differently) comes out as null — `\N` in COPY's text, the only backslash the output can hold:
 * the caller then builds the list the ordinary way. Then, in the same snapshot, which of
 * `conflictEnterpriseIds` are on the list. Answers null when the filter cannot be inlined.
 */
export async function copyDrawableEnterpriseRows(
  db: Executor,
  pool: pg.Pool,
  snapshot: string,
  filter: EnterpriseFilter,
  conflictEnterpriseIds: readonly string[],
  onChunk: (chunk: Buffer) => void,
): Promise<{ listedConflictEnterprises: Set<string> } | null> {
  if (![filter.divisionCode ?? '', filter.industryCode ?? ''].every((v) => INLINE_SAFE.test(v))) return null
  const rows = drawableEnterprises(db, filter, true)
    .select(
      sql<string | null>`CASE WHEN btrim(e.uscc) COLLATE "C" ~ '^[0-9A-Z]*$'
        THEN '["' || e.id || '","' || btrim(e.uscc) || '","' ||
             CASE WHEN v.value_text IN ('A', 'B', 'C', 'D') THEN v.value_text ELSE 'U' END || '"]' END`.as(
        'row',
      ),
    )
    .orderBy('e.id')
    .compile()
  if (rows.parameters.length) throw new Error('the COPY query must carry no parameters')
  const listed = drawableEnterprises(db, filter, false)
    .select(sql<string>`e.id::text`.as('id'))
    .where('e.id', 'in', idsOrNone(conflictEnterpriseIds))
    .compile()
  return copyOutInSnapshot(pool, snapshot, rows.sql, onChunk, async (run) => {
    const found = await run(listed.sql, [...listed.parameters])
    return { listedConflictEnterprises: new Set(found.map((r) => r.id as string)) }
  })
}

/** The body's inspectors who may be drawn: active, certified on the day of the draw. */
export async function findDrawableInspectors(db: Executor, departmentId: string, today: string) {
  const rows = await db
    .selectFrom('inspectors as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select('i.user_id')
    .where('i.department_id', '=', departmentId)
    .where('i.active', '=', true)
    .where('i.certified_until', '>=', today)
    .where('u.is_disabled', '=', false)
    .execute()
  return rows.map((r) => r.user_id)
}

/** Every declared conflict of these inspectors (the caller keeps those with enterprises on the list). */
export async function findConflicts(db: Executor, inspectorIds: readonly string[]) {
  return db
    .selectFrom('inspector_conflicts')
    .select(['inspector_user_id', 'enterprise_id'])
    .where('inspector_user_id', 'in', idsOrNone(inspectorIds))
    .execute()
}

/**
 * The drawn targets in one statement: the columns as arrays, unnested (a draw of a million has 50,000
 * targets; in batches of rows with six parameters each they took 1.7 s, decision 0061).
 */
export async function insertTargets(
  tx: Tx,
  drawId: string,
  targets: readonly { enterpriseId: string; tier: DrawTier; ticket: string; inspectorIds: string[] }[],
) {
  if (!targets.length) return
  // each target's inspectors as an array literal (uuids need no quoting), cast back to uuid[]
  await sql`
    INSERT INTO random_draw_targets (draw_id, position, enterprise_id, tier, ticket, inspector_user_ids)
    SELECT ${drawId}, t.position, t.enterprise_id, t.tier, t.ticket, t.inspectors::uuid[]
      FROM unnest(${targets.map((_, i) => i + 1)}::int[], ${targets.map((t) => t.enterpriseId)}::uuid[],
                  ${targets.map((t) => t.tier)}::text[], ${targets.map((t) => t.ticket)}::text[],
                  ${targets.map((t) => `{${t.inspectorIds.join(',')}}`)}::text[])
           AS t(position, enterprise_id, tier, ticket, inspectors)`.execute(tx)
}

export async function countDraws(db: Executor) {
  const row = await db
    .selectFrom('random_draws')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

// ── demo ─────────────────────────────────────────────────────────────────────

/** The body with the most inspectors who may be drawn today (at least two), for the demo draw. */
export async function findBodyWithInspectors(db: Executor, today: string) {
  return db
    .selectFrom('inspectors as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select(['d.id', 'd.code', sql<number>`count(*)::int`.as('n')])
    .where('i.active', '=', true)
    .where('i.certified_until', '>=', today)
    .groupBy(['d.id', 'd.code'])
    .having(sql<boolean>`count(*) >= 2`)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('d.code')
    .executeTakeFirst()
}

export async function findUserIdByUsername(db: Executor, username: string) {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  return row?.id ?? null
}

/**
 * Drawn draws whose result is past its publication day and nobody was told yet: stamped in the same
 * statement, so each is told once however often the job runs.
 */
export async function stampLatePublications(tx: Tx, at: Date) {
  return tx
    .updateTable('random_draws')
    .set({ late_told_at: at })
    .where('status', '=', 'drawn')
    .where('publish_due_at', '<', at)
    .where('late_told_at', 'is', null)
    .returning(['id', 'title', 'department_id', 'publish_due_at'])
    .execute()
}
