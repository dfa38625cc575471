import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import { prepared } from '../../kernel/db/prepared'
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
// Two statements, prepared once per connection (decision 0040): on a busy machine the round trips
// and the planning cost more than the work (decision 0060, the bench).

/**
 * First statement: takes the enterprise's lock (two plans for one enterprise check one after the
 * other, so both cannot take the last place), then reads the rules in force on the planned date and
 * the enterprise's credit tier (read from the facts' current values, as the enterprises module does).
 */
export async function lockAndReadCapContext(tx: Tx, p: { enterpriseId: string; plannedOn: string }) {
  const { rows } = await prepared(sql<{ version_id: string | null; settings: unknown; tier: string | null }>`
    SELECT v.id AS version_id, v.settings, t.value_text AS tier
      FROM (SELECT pg_advisory_xact_lock(hashtext(${'inspection-caps:' + p.enterpriseId}))) AS locked
      LEFT JOIN LATERAL (
        SELECT id, settings FROM inspection_cap_versions
         WHERE effective_from <= ${p.plannedOn}
         ORDER BY effective_from DESC LIMIT 1) v ON true
      LEFT JOIN LATERAL (
        SELECT value_text FROM enterprise_fact_values
         WHERE enterprise_id = ${p.enterpriseId} AND fact_key = 'creditTier') t ON true`).execute(tx)
  return rows[0] ?? { version_id: null, settings: null, tier: null }
}

/**
 * Second statement, after the lock (so it sees every plan committed before): from the enterprise's
 * inspections in the dates that matter, the body's and the total count of the year (a joint visit
 * once), the quarter's service visits, the year's count under each of the plan's items, and other
 * bodies' inspections still to happen within the joint window.
 */
export async function countForPlan(
  tx: Tx,
  p: {
    enterpriseId: string
    departmentId: string
    itemIds: readonly string[]
    year: { from: string; to: string }
    quarter: { from: string; to: string }
    near: { from: string; to: string }
  },
) {
  const from = [p.year.from, p.near.from].sort()[0]!
  const to = [p.year.to, p.near.to].sort()[1]!
  const { rows } = await prepared(sql<{
    body: number
    total: number
    service_visits: number
    items: { item_id: string; n: number }[]
    nearby: string[]
  }>`
    WITH mine AS MATERIALIZED (
      SELECT i.id, i.number, i.department_id, i.joint_visit_id, i.kind, i.planned_on, i.status,
             i.status NOT IN ('rejected', 'cancelled') AS live,
             ${COUNTED} AS counted,
             i.planned_on >= ${p.year.from} AND i.planned_on < ${p.year.to} AS this_year
        FROM inspections i
       WHERE i.enterprise_id = ${p.enterpriseId}
         AND i.planned_on >= ${from} AND i.planned_on <= ${to})
    SELECT
      (SELECT count(*) FROM mine WHERE live AND counted AND this_year AND kind <> 'service_visit'
          AND department_id = ${p.departmentId})::int AS body,
      (SELECT count(DISTINCT coalesce(joint_visit_id, id)) FROM mine
        WHERE live AND counted AND this_year AND kind <> 'service_visit')::int AS total,
      (SELECT count(*) FROM mine WHERE live AND counted AND kind = 'service_visit'
          AND planned_on >= ${p.quarter.from} AND planned_on < ${p.quarter.to})::int AS service_visits,
      (SELECT coalesce(json_agg(json_build_object('item_id', c.item_id, 'n', c.n)), '[]'::json)
         FROM (SELECT l.item_id, count(*)::int AS n
                 FROM mine JOIN inspection_item_links l ON l.inspection_id = mine.id
                WHERE mine.live AND mine.counted AND mine.this_year
                  AND l.item_id = ANY(${idsOrNone(p.itemIds)}::uuid[])
                GROUP BY l.item_id) c) AS items,
      (SELECT coalesce(array_agg(n.number ORDER BY n.planned_on, n.number), '{}')
         FROM (SELECT number, planned_on FROM mine
                WHERE department_id <> ${p.departmentId} AND status IN ('planned', 'approved')
                  AND planned_on >= ${p.near.from} AND planned_on <= ${p.near.to}
                ORDER BY planned_on, number LIMIT 20) n) AS nearby`).execute(tx)
  const row = rows[0]!
  return {
    body: row.body,
    total: row.total,
    serviceVisits: row.service_visits,
    items: new Map(row.items.map((r) => [r.item_id, r.n])),
    nearby: row.nearby,
  }
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
