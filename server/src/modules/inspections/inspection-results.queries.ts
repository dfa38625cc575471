import { sql, type Insertable, type Updateable } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { InspectionState } from './inspection-states'
import type { InspectionsTable } from './inspections.tables'
import type {
  CorrectionStatus,
  InspectionProblemsTable,
  InspectionResultsTable,
  LeniencyEntriesTable,
  LeniencyList,
} from './inspection-results.tables'

/** All the SQL of the inspection result (issue 14 item 4): the lists, results, problems, re-checks, figures. */

// ---- the no-penalty lists ----

const entryColumns = [
  'id',
  'code',
  'version',
  'list',
  'scope',
  'title',
  'provision',
  'conditions',
  'lookback_months',
  'source',
  'issuer',
  'effective_on',
  'text_verified',
] as const

/** Each entry's version in force on the day (the newest version effective on or before it). */
export async function findEntriesInForce(db: Executor, on: string, list?: LeniencyList) {
  let query = db
    .selectFrom('leniency_entries')
    .select(entryColumns)
    .distinctOn('code')
    .where('effective_on', '<=', on)
    .orderBy('code')
    .orderBy('effective_on', 'desc')
    .orderBy('version', 'desc')
  if (list) query = query.where('list', '=', list)
  return query.execute()
}
export type LeniencyEntryRow = Awaited<ReturnType<typeof findEntriesInForce>>[number]

export async function findEntry(db: Executor, id: string) {
  return db.selectFrom('leniency_entries').select(entryColumns).where('id', '=', id).executeTakeFirst()
}

/** The newest version of a code (null: a new code), locked so two admins cannot write the same version. */
export async function findNewestVersion(tx: Tx, code: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`leniency:${code}`}))`.execute(tx)
  return tx
    .selectFrom('leniency_entries')
    .select(['version', 'scope'])
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .executeTakeFirst()
}

export async function insertEntry(tx: Tx, values: Insertable<LeniencyEntriesTable>) {
  return tx.insertInto('leniency_entries').values(values).returning(entryColumns).executeTakeFirstOrThrow()
}

// ---- the inspection as a case ----

const inspectionColumns = [
  'i.id',
  'i.number',
  'i.kind',
  'i.status',
  'i.version',
  'i.enterprise_id',
  'i.department_id',
  'i.planned_on',
  'i.window_ends_on',
  'i.parent_inspection_id',
  'i.planned_by',
  'i.checked_in_at',
] as const

function inspectionQuery(db: Executor) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select([...inspectionColumns, 'e.name as enterprise_name', 'd.name as department_name'])
}

export async function findInspection(db: Executor, id: string) {
  return inspectionQuery(db).where('i.id', '=', id).executeTakeFirst()
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>

export async function lockInspection(tx: Tx, id: string) {
  await tx.selectFrom('inspections').select('id').where('id', '=', id).forUpdate().execute()
  return findInspection(tx, id)
}

export async function isInspectorOn(db: Executor, inspectionId: string, userId: string) {
  const row = await db
    .selectFrom('inspection_inspectors')
    .select('inspection_id')
    .where('inspection_id', '=', inspectionId)
    .where('inspector_user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

export async function updateInspection(
  tx: Tx,
  id: string,
  changes: Updateable<InspectionsTable> | undefined,
  to: InspectionState,
) {
  await tx
    .updateTable('inspections')
    .set({ ...changes, status: to, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function inspectionEventInsert(tx: Tx, inspectionId: string, event: CaseEventRecord, at: Date) {
  return tx.insertInto('inspection_events').values({
    inspection_id: inspectionId,
    ...caseEventColumns(event, at),
  })
}

export async function insertInspectionEvent(
  ...args: Parameters<typeof inspectionEventInsert>
): Promise<void> {
  await inspectionEventInsert(...args).execute()
}

/** The inspections an inspector is on that wait for a result or a re-check, oldest visit first. */
export async function findWorklist(db: Executor, userId: string) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('inspection_inspectors as ii', 'ii.inspection_id', 'i.id')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .select([
      'i.id',
      'i.number',
      'i.kind',
      'i.status',
      'i.planned_on',
      'i.checked_in_at',
      'e.name as enterprise_name',
    ])
    .where('ii.inspector_user_id', '=', userId)
    .where('i.status', 'in', ['checked_in', 'result_recorded'])
    .orderBy('i.planned_on')
    .orderBy('i.number')
    .limit(200)
    .execute()
}

// ---- results and problems ----

export async function insertResult(tx: Tx, values: Insertable<InspectionResultsTable>) {
  await tx.insertInto('inspection_results').values(values).execute()
}

export async function insertProblems(tx: Tx, rows: Insertable<InspectionProblemsTable>[]) {
  if (rows.length) await tx.insertInto('inspection_problems').values(rows).execute()
}

export async function findResult(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspection_results')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst()
}

export async function lockResult(tx: Tx, inspectionId: string) {
  return tx
    .selectFrom('inspection_results')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .forUpdate()
    .executeTakeFirst()
}

export async function findProblems(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspection_problems as p')
    .leftJoin('leniency_entries as l', 'l.id', 'p.leniency_entry_id')
    .select([
      'p.id',
      'p.position',
      'p.description',
      'p.provision',
      'p.earlier_problem_id',
      'p.decision',
      'p.leniency_entry_id',
      'p.confirmed_conditions',
      'p.reason',
      'p.penalty',
      'p.correction',
      'p.correction_due_at',
      'p.correction_status',
      'l.code as entry_code',
      'l.version as entry_version',
      'l.title as entry_title',
      'l.list as entry_list',
      'l.source as entry_source',
      'l.conditions as entry_conditions',
    ])
    .where('p.inspection_id', '=', inspectionId)
    .orderBy('p.position')
    .execute()
}
export type ProblemRow = Awaited<ReturnType<typeof findProblems>>[number]

/**
 * The enterprise's problems recorded from `since` up to `until` in other inspections than the one at
 * hand (the earlier offences a look-up weighs).
 */
export async function findEarlierProblems(
  db: Executor,
  enterpriseId: string,
  range: { since: Date; until: Date; exceptInspectionId: string },
) {
  return db
    .selectFrom('inspection_problems as p')
    .innerJoin('inspections as i', 'i.id', 'p.inspection_id')
    .leftJoin('leniency_entries as l', 'l.id', 'p.leniency_entry_id')
    .select(['p.id', 'p.provision', 'p.recorded_at', 'i.number as inspection_number', 'l.code as entry_code'])
    .where('p.enterprise_id', '=', enterpriseId)
    .where('p.recorded_at', '>=', range.since)
    .where('p.recorded_at', '<=', range.until)
    .where('p.inspection_id', '<>', range.exceptInspectionId)
    .orderBy('p.recorded_at', 'desc')
    .limit(500)
    .execute()
}
export type EarlierProblemRow = Awaited<ReturnType<typeof findEarlierProblems>>[number]

export async function setCorrectionStatus(tx: Tx, inspectionId: string, status: CorrectionStatus) {
  await tx
    .updateTable('inspection_problems')
    .set({ correction_status: status })
    .where('inspection_id', '=', inspectionId)
    .where('correction_status', '=', 'open')
    .execute()
}

// ---- re-checks ----

/**
 * Results whose correction deadline has passed and whose re-check is not planned yet, of inspections
 * still waiting on it (one closed or cancelled otherwise never blocks the batch); skips locked rows.
 */
export async function lockResultsDueForRecheck(tx: Tx, now: Date, batch: number) {
  return tx
    .selectFrom('inspection_results as r')
    .select('r.inspection_id')
    .where('r.recheck_due_at', '<=', now)
    .where('r.recheck_inspection_id', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspections as i')
          .select('i.id')
          .whereRef('i.id', '=', 'r.inspection_id')
          .where('i.status', '=', 'result_recorded'),
      ),
    )
    .orderBy('r.recheck_due_at')
    .limit(batch)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function insertRecheck(tx: Tx, values: Insertable<InspectionsTable>, parentId: string) {
  const row = await tx.insertInto('inspections').values(values).returning('id').executeTakeFirstOrThrow()
  // The same inspectors and items as the inspection whose correction it checks.
  await tx
    .insertInto('inspection_inspectors')
    .columns(['inspection_id', 'inspector_user_id'])
    .expression((eb) =>
      eb
        .selectFrom('inspection_inspectors')
        .select([sql<string>`${row.id}::uuid`.as('inspection_id'), 'inspector_user_id'])
        .where('inspection_id', '=', parentId),
    )
    .execute()
  await tx
    .insertInto('inspection_item_links')
    .columns(['inspection_id', 'item_id'])
    .expression((eb) =>
      eb
        .selectFrom('inspection_item_links')
        .select([sql<string>`${row.id}::uuid`.as('inspection_id'), 'item_id'])
        .where('inspection_id', '=', parentId),
    )
    .execute()
  return row.id
}

export async function findItemIds(db: Executor, inspectionId: string) {
  const rows = await db
    .selectFrom('inspection_item_links')
    .select('item_id')
    .where('inspection_id', '=', inspectionId)
    .execute()
  return rows.map((r) => r.item_id)
}

export async function setRecheckPlanned(tx: Tx, inspectionId: string, recheckId: string, at: Date) {
  await tx
    .updateTable('inspection_results')
    .set({ recheck_inspection_id: recheckId, recheck_planned_at: at })
    .where('inspection_id', '=', inspectionId)
    .execute()
}

export async function findRecheckPlannedOn(db: Executor, recheckId: string) {
  const row = await db
    .selectFrom('inspections')
    .select('planned_on')
    .where('id', '=', recheckId)
    .executeTakeFirst()
  return row?.planned_on ?? null
}

// ---- figures ----

/** Problems recorded in [from, to) by leniency entry and by body. */
export async function findLeniencyFigures(db: Executor, range: { from: Date; to: Date }) {
  const byBody = await db
    .selectFrom('inspection_problems as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.department_id',
      'd.name as department_name',
      sql<number>`count(*)::int`.as('problems'),
      sql<number>`(count(*) FILTER (WHERE p.decision = 'leniency'))::int`.as('leniency'),
    ])
    .where('p.recorded_at', '>=', range.from)
    .where('p.recorded_at', '<', range.to)
    .groupBy(['p.department_id', 'd.name'])
    .orderBy('d.name')
    .execute()
  const byEntry = await db
    .selectFrom('inspection_problems as p')
    .innerJoin('leniency_entries as l', 'l.id', 'p.leniency_entry_id')
    .select(['l.code', sql<string>`max(l.title)`.as('title'), sql<LeniencyList>`max(l.list)`.as('list')])
    .select(sql<number>`count(*)::int`.as('leniency'))
    .where('p.decision', '=', 'leniency')
    .where('p.recorded_at', '>=', range.from)
    .where('p.recorded_at', '<', range.to)
    .groupBy('l.code')
    .orderBy('l.code')
    .execute()
  return { byBody, byEntry }
}

/**
 * Re-checks of results recorded in [from, to): planned, done (their own result is in), done on time
 * (on or before the last day of their window, the city's date), overdue (not done, window over).
 */
export async function findRecheckFigures(
  db: Executor,
  range: { from: Date; to: Date; today: string; timeZone: string },
) {
  const row = await db
    .selectFrom('inspection_results as r')
    .innerJoin('inspections as c', 'c.id', 'r.recheck_inspection_id')
    .leftJoin('inspection_results as cr', 'cr.inspection_id', 'c.id')
    .select([
      sql<number>`count(*)::int`.as('planned'),
      sql<number>`(count(*) FILTER (WHERE cr.inspection_id IS NOT NULL))::int`.as('done'),
      sql<number>`(count(*) FILTER (WHERE cr.inspection_id IS NOT NULL
        AND (cr.recorded_at AT TIME ZONE ${range.timeZone})::date <= c.window_ends_on))::int`.as('on_time'),
      sql<number>`(count(*) FILTER (WHERE cr.inspection_id IS NULL AND c.status NOT IN ('cancelled', 'rejected')
        AND c.window_ends_on < ${range.today}::date))::int`.as('overdue'),
    ])
    .where('r.recorded_at', '>=', range.from)
    .where('r.recorded_at', '<', range.to)
    .executeTakeFirstOrThrow()
  return row
}
