import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { ExemptionRequestStatus } from './inspection-caps.tables'

/**
 * All the SQL of inspection caps (a lint rule keeps it here). The counts read the inspections core's
 * table through its cap index; the credit tier is read from the facts' current values, as the
 * enterprises module reads it (a call into facts would be a second round trip inside the 10 ms).
 */

const NO_ID = '00000000-0000-0000-0000-000000000000'
const idsOrNone = (ids: readonly string[]) => (ids.length ? [...ids] : [NO_ID])

/** Counted against the caps: not a re-check, no documented exemption (a bureau-granted one counts). */
const COUNTED = sql`(i.kind <> 'recheck' AND (i.cap_exemption IS NULL OR i.cap_exemption = 'bureau_granted'))`

// ── cap versions ─────────────────────────────────────────────────────────────

export async function findCapVersions(db: Executor) {
  return db.selectFrom('inspection_cap_versions').selectAll().orderBy('effective_from', 'desc').execute()
}

/** The version in force on a city date: the latest that took effect on or before it. */
export async function findCapVersionAt(db: Executor, cityDate: string) {
  return db
    .selectFrom('inspection_cap_versions')
    .select(['id', 'settings'])
    .where('effective_from', '<=', cityDate)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Null when a version already takes effect on that date. */
export async function insertCapVersion(
  tx: Tx,
  v: { effectiveFrom: string; settings: unknown; note: string; createdBy: string },
) {
  return tx
    .insertInto('inspection_cap_versions')
    .values({
      effective_from: v.effectiveFrom,
      settings: JSON.stringify(v.settings),
      note: v.note,
      created_by: v.createdBy,
    })
    .onConflict((oc) => oc.column('effective_from').doNothing())
    .returningAll()
    .executeTakeFirst()
}

// ── the plan check ───────────────────────────────────────────────────────────

/** Two plans for one enterprise check one after the other, so both cannot take the last place. */
export async function lockEnterpriseCaps(tx: Tx, enterpriseId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'inspection-caps:' + enterpriseId}))`.execute(tx)
}

export async function findCreditTier(db: Executor, enterpriseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('enterprise_fact_values')
    .select('value_text')
    .where('enterprise_id', '=', enterpriseId)
    .where('fact_key', '=', 'creditTier')
    .executeTakeFirst()
  return row?.value_text ?? null
}

/** One index range scan: the body's count and the total (a joint visit once) in the year. */
export async function countCappedInspections(
  db: Executor,
  p: { enterpriseId: string; departmentId: string; from: string; to: string },
) {
  const { rows } = await sql<{ body: number; total: number }>`
    SELECT count(*) FILTER (WHERE i.department_id = ${p.departmentId})::int AS body,
           count(DISTINCT coalesce(i.joint_visit_id, i.id))::int AS total
      FROM inspections i
     WHERE i.enterprise_id = ${p.enterpriseId}
       AND i.planned_on >= ${p.from} AND i.planned_on < ${p.to}
       AND i.status NOT IN ('rejected', 'cancelled')
       AND i.kind <> 'service_visit'
       AND ${COUNTED}`.execute(db)
  return rows[0] ?? { body: 0, total: 0 }
}

export async function countItemInspections(
  db: Executor,
  p: { enterpriseId: string; itemIds: readonly string[]; from: string; to: string },
) {
  // From the enterprise's few inspections of the year to their links (the links' primary key), never
  // from an item's links: a common item has tens of thousands of them.
  const { rows } = await sql<{ item_id: string; n: number }>`
    WITH mine AS MATERIALIZED (
      SELECT i.id
        FROM inspections i
       WHERE i.enterprise_id = ${p.enterpriseId}
         AND i.planned_on >= ${p.from} AND i.planned_on < ${p.to}
         AND i.status NOT IN ('rejected', 'cancelled')
         AND ${COUNTED})
    SELECT l.item_id, count(*)::int AS n
      FROM mine
      JOIN inspection_item_links l ON l.inspection_id = mine.id
     WHERE l.item_id = ANY(${idsOrNone(p.itemIds)}::uuid[])
     GROUP BY l.item_id`.execute(db)
  return new Map(rows.map((r) => [r.item_id, r.n]))
}

export async function countServiceVisits(
  db: Executor,
  p: { enterpriseId: string; from: string; to: string },
) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n
      FROM inspections i
     WHERE i.enterprise_id = ${p.enterpriseId}
       AND i.planned_on >= ${p.from} AND i.planned_on < ${p.to}
       AND i.status NOT IN ('rejected', 'cancelled')
       AND i.kind = 'service_visit'
       AND (i.cap_exemption IS NULL OR i.cap_exemption = 'bureau_granted')`.execute(db)
  return rows[0]?.n ?? 0
}

/** Other bodies' inspections of the enterprise, still to happen, within the dates: joint-visit candidates. */
export async function findOtherBodiesNearby(
  db: Executor,
  p: { enterpriseId: string; departmentId: string; from: string; to: string },
) {
  return db
    .selectFrom('inspections')
    .select(['id', 'number'])
    .where('enterprise_id', '=', p.enterpriseId)
    .where('department_id', '<>', p.departmentId)
    .where('status', 'in', ['planned', 'approved'])
    .where('planned_on', '>=', p.from)
    .where('planned_on', '<=', p.to)
    .orderBy('planned_on')
    .limit(20)
    .execute()
}

/**
 * Uses one granted, unused exemption of the body for the enterprise in the year (the plan's items
 * within the request's, when it names any): the oldest first. Null when there is none.
 */
export async function useGrantedExemption(
  tx: Tx,
  p: {
    enterpriseId: string
    departmentId: string
    itemIds: readonly string[]
    from: string
    to: string
    plannedOn: string
    usedBy: string
    inspectionId: string | null
    at: Date
  },
) {
  const { rows } = await sql<{ id: string }>`
    UPDATE inspection_cap_exemption_requests
       SET status = 'used', used_at = ${p.at}, used_by = ${p.usedBy}, used_planned_on = ${p.plannedOn},
           used_by_inspection_id = ${p.inspectionId}, version = version + 1
     WHERE id = (
       SELECT id FROM inspection_cap_exemption_requests
        WHERE enterprise_id = ${p.enterpriseId} AND department_id = ${p.departmentId}
          AND status = 'granted'
          AND planned_on >= ${p.from} AND planned_on < ${p.to}
          AND (cardinality(item_ids) = 0 OR ${[...p.itemIds]}::uuid[] <@ item_ids)
        ORDER BY decided_at, id
        LIMIT 1
        FOR UPDATE)
    RETURNING id`.execute(tx)
  return rows[0] ?? null
}

// ── exemption requests ───────────────────────────────────────────────────────

export async function enterpriseExists(db: Executor, id: string) {
  return !!(await db.selectFrom('enterprises').select('id').where('id', '=', id).executeTakeFirst())
}

export async function departmentExists(db: Executor, id: string) {
  return !!(await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst())
}

/** How many of the items are the body's own. */
export async function countItemsOfBody(db: Executor, departmentId: string, itemIds: readonly string[]) {
  const row = await db
    .selectFrom('inspection_items')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('department_id', '=', departmentId)
    .where('id', 'in', idsOrNone(itemIds))
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertExemptionRequest(
  tx: Tx,
  r: {
    enterpriseId: string
    departmentId: string
    itemIds: readonly string[]
    plannedOn: string
    reason: string
    requestedBy: string
    at: Date
  },
) {
  const row = await tx
    .insertInto('inspection_cap_exemption_requests')
    .values({
      enterprise_id: r.enterpriseId,
      department_id: r.departmentId,
      item_ids: [...r.itemIds],
      planned_on: r.plannedOn,
      reason: r.reason,
      requested_by: r.requestedBy,
      requested_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function exemptionRows(db: Executor) {
  return db
    .selectFrom('inspection_cap_exemption_requests as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.id',
      'r.enterprise_id',
      'e.name as enterprise_name',
      'r.department_id',
      'd.name as department_name',
      'r.item_ids',
      'r.planned_on',
      'r.reason',
      'r.status',
      'r.requested_at',
      'r.decided_at',
      'r.decision_note',
      'r.used_at',
      'r.used_planned_on',
      'r.version',
    ])
}
export type ExemptionRow = NonNullable<Awaited<ReturnType<typeof findExemptionRequest>>>

export async function findExemptionRequest(db: Executor, id: string) {
  return exemptionRows(db).where('r.id', '=', id).executeTakeFirst()
}

/** Newest first; a body's staff see their own body's only (null: every body). */
export async function listExemptionRequests(
  db: Executor,
  p: { status?: ExemptionRequestStatus | undefined; departmentIds: readonly string[] | null },
) {
  let query = exemptionRows(db)
  if (p.status) query = query.where('r.status', '=', p.status)
  if (p.departmentIds) query = query.where('r.department_id', 'in', idsOrNone(p.departmentIds))
  return query.orderBy('r.requested_at', 'desc').orderBy('r.id').limit(200).execute()
}

/** Decides a pending request at its version; null when it is not pending or was changed. */
export async function decideExemptionRequest(
  tx: Tx,
  p: {
    id: string
    version: number
    status: 'granted' | 'refused'
    decidedBy: string
    note: string
    at: Date
  },
) {
  return tx
    .updateTable('inspection_cap_exemption_requests')
    .set({
      status: p.status,
      decided_by: p.decidedBy,
      decided_at: p.at,
      decision_note: p.note,
      version: sql`version + 1`,
    })
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst()
}

// ── joint visits ─────────────────────────────────────────────────────────────

/** Inspections still to happen and not merged, planned in the dates, with names for the bureau's list. */
export async function findJointCandidates(db: Executor, p: { from: string; to: string }) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select([
      'i.id',
      'i.number',
      'i.enterprise_id as enterpriseId',
      'e.name as enterpriseName',
      'i.department_id as departmentId',
      'd.name as departmentName',
      'i.kind',
      'i.planned_on as plannedOn',
      'i.window_ends_on as windowEndsOn',
      'i.status',
    ])
    .where('i.status', 'in', ['planned', 'approved'])
    .where('i.joint_visit_id', 'is', null)
    .where('i.planned_on', '>=', p.from)
    .where('i.planned_on', '<=', p.to)
    .orderBy('i.enterprise_id')
    .orderBy('i.planned_on')
    .limit(5000)
    .execute()
}

export async function lockInspectionsForMerge(tx: Tx, ids: readonly string[]) {
  return tx
    .selectFrom('inspections')
    .select([
      'id',
      'enterprise_id',
      'department_id',
      'status',
      'joint_visit_id',
      'planned_on',
      'window_ends_on',
    ])
    .where('id', 'in', idsOrNone(ids))
    .orderBy('id')
    .forUpdate()
    .execute()
}

export async function insertJointVisit(
  tx: Tx,
  v: {
    enterpriseId: string
    visitOn: string
    leadDepartmentId: string
    note: string
    createdBy: string
    at: Date
  },
) {
  return tx
    .insertInto('joint_visits')
    .values({
      enterprise_id: v.enterpriseId,
      visit_on: v.visitOn,
      lead_department_id: v.leadDepartmentId,
      note: v.note,
      created_by: v.createdBy,
      created_at: v.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function setJointVisit(tx: Tx, ids: readonly string[], jointVisitId: string) {
  await tx
    .updateTable('inspections')
    .set({ joint_visit_id: jointVisitId, version: sql`version + 1` })
    .where('id', 'in', idsOrNone(ids))
    .execute()
}

// ── high frequency ───────────────────────────────────────────────────────────

/**
 * Each enterprise's year: counted inspections (a joint visit once), all inspections (exempt ones
 * too), the busiest body's counted inspections, and its tier. Only enterprises with at least
 * `minAll` inspections: none with fewer can be flagged, which keeps the scan's output small.
 */
export async function findYearCounts(db: Executor, p: { from: string; to: string; minAll: number }) {
  const { rows } = await sql<{
    enterprise_id: string
    enterprise_name: string
    counted: number
    all_count: number
    busiest: number
    tier: string | null
  }>`
    WITH y AS (
      SELECT i.enterprise_id, i.department_id, coalesce(i.joint_visit_id, i.id) AS visit, ${COUNTED} AS counted
        FROM inspections i
       WHERE i.planned_on >= ${p.from} AND i.planned_on < ${p.to}
         AND i.status NOT IN ('rejected', 'cancelled')
         AND i.kind <> 'service_visit'
    ), e AS (
      SELECT enterprise_id, count(DISTINCT visit) FILTER (WHERE counted)::int AS counted, count(*)::int AS all_count
        FROM y GROUP BY enterprise_id HAVING count(*) >= ${p.minAll}
    ), b AS (
      SELECT enterprise_id, max(n)::int AS busiest
        FROM (SELECT enterprise_id, department_id, count(*) FILTER (WHERE counted) AS n
                FROM y WHERE enterprise_id IN (SELECT enterprise_id FROM e)
               GROUP BY enterprise_id, department_id) s
       GROUP BY enterprise_id
    )
    SELECT e.enterprise_id, en.name AS enterprise_name, e.counted, e.all_count, b.busiest, v.value_text AS tier
      FROM e
      JOIN b ON b.enterprise_id = e.enterprise_id
      JOIN enterprises en ON en.id = e.enterprise_id
      LEFT JOIN enterprise_fact_values v ON v.enterprise_id = e.enterprise_id AND v.fact_key = 'creditTier'
     ORDER BY e.all_count DESC, e.enterprise_id
     LIMIT 2000`.execute(db)
  return rows
}

// ── demo ─────────────────────────────────────────────────────────────────────

export async function lockDemoSeeding(tx: Tx) {
  await sql`SELECT pg_advisory_xact_lock(hashtext('inspection-caps.demo'))`.execute(tx)
}

export async function countCapVersions(db: Executor) {
  const row = await db
    .selectFrom('inspection_cap_versions')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

export async function findUserIdByUsername(db: Executor, username: string) {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  return row?.id ?? null
}

export async function findDepartmentIdByCode(db: Executor, code: string) {
  const row = await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst()
  return row?.id ?? null
}

/** The first demo enterprises by name (a stable choice across runs). */
export async function findSomeEnterpriseIds(db: Executor, count: number) {
  const rows = await db.selectFrom('enterprises').select('id').orderBy('uscc').limit(count).execute()
  return rows.map((r) => r.id)
}
