import { sql, type Updateable } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { InspectionState } from './inspection-states'
import type { CapExemption, InspectionKind, InspectionsTable, VisitPurpose } from './inspections.tables'

/** The SQL of planning, approval, the door and the enterprise's history. */

/** The next serial of the city year (one row per year, taken under its row lock). */
export async function nextInspectionSerial(tx: Tx, year: number): Promise<number> {
  const row = await tx
    .insertInto('inspection_counters')
    .values({ year, last_serial: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_serial: sql`inspection_counters.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow()
  return row.last_serial
}

/** Reserves `count` serials of the city year at once; answers the first (a draw plans many together). */
export async function reserveInspectionSerials(tx: Tx, year: number, count: number): Promise<number> {
  const row = await tx
    .insertInto('inspection_counters')
    .values({ year, last_serial: count })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_serial: sql`inspection_counters.last_serial + ${count}` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow()
  return row.last_serial - count + 1
}

/** What a new inspection row says; the columns of later steps start empty. */
type NewInspection = {
  /** drawn by the caller when a plan check must name it before the row exists */
  id?: string
  number: string
  checkCode: string
  kind: InspectionKind
  visitPurpose: VisitPurpose | null
  enterpriseId: string
  departmentId: string
  plannedOn: string
  windowEndsOn: string
  purpose: string
  capExemption?: CapExemption | null
  capExemptionNote?: string | null
  drawId?: string | null
  plannedBy: string
}

function newInspectionRow(values: NewInspection, at: Date) {
  return {
    ...(values.id ? { id: values.id } : {}),
    number: values.number,
    check_code: values.checkCode,
    kind: values.kind,
    visit_purpose: values.visitPurpose,
    enterprise_id: values.enterpriseId,
    department_id: values.departmentId,
    planned_on: values.plannedOn,
    window_ends_on: values.windowEndsOn,
    purpose: values.purpose,
    cap_exemption: values.capExemption ?? null,
    cap_exemption_note: values.capExemptionNote ?? null,
    joint_visit_id: null,
    draw_id: values.drawId ?? null,
    parent_inspection_id: null,
    planned_by: values.plannedBy,
    approved_by: null,
    approved_at: null,
    decision_note: null,
    checked_in_at: null,
    checked_in_by: null,
    closed_at: null,
    created_at: at,
  }
}

export type DrawnInspectionRow = {
  id: string
  number: string
  checkCode: string
  enterpriseId: string
  inspectorIds: readonly string[]
}

/**
 * The inspections a random draw planned, written in chunks (a 5 % draw of a big city is thousands):
 * the rows, their items, their inspectors and each one's 'plan' event, in the caller's transaction.
 */
export async function insertDrawnInspections(
  tx: Tx,
  common: {
    drawId: string
    departmentId: string
    plannedOn: string
    windowEndsOn: string
    purpose: string
    plannedBy: string
    actorRole: string
    itemIds: readonly string[]
    at: Date
  },
  rows: readonly DrawnInspectionRow[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500)
    await tx
      .insertInto('inspections')
      .values(
        chunk.map((r) =>
          newInspectionRow({ ...common, ...r, kind: 'random', visitPurpose: null }, common.at),
        ),
      )
      .execute()
    await tx
      .insertInto('inspection_item_links')
      .values(chunk.flatMap((r) => common.itemIds.map((item_id) => ({ inspection_id: r.id, item_id }))))
      .execute()
    await tx
      .insertInto('inspection_inspectors')
      .values(
        chunk.flatMap((r) =>
          r.inspectorIds.map((inspector_user_id) => ({ inspection_id: r.id, inspector_user_id })),
        ),
      )
      .execute()
    await tx
      .insertInto('inspection_events')
      .values(
        chunk.map((r) => ({
          inspection_id: r.id,
          at: common.at,
          type: 'plan',
          actor_user_id: common.plannedBy,
          actor_role: common.actorRole,
          note: null,
          note_audience: 'internal',
          data: JSON.stringify({
            drawId: common.drawId,
            itemIds: common.itemIds,
            inspectorIds: r.inspectorIds,
          }),
          audience: 'internal',
        })),
      )
      .execute()
  }
}

/** The inspections a draw planned, in the draw's order of targets. */
export async function findInspectionsOfDraw(db: Executor, drawId: string) {
  return db
    .selectFrom('inspections')
    .select(['id', 'number', 'enterprise_id', 'status'])
    .where('draw_id', '=', drawId)
    .orderBy('number')
    .execute()
}

/** Up to `limit` of a draw's inspections still planned, in the given bodies, by number. */
export async function findPlannedOfDraw(
  db: Executor,
  drawId: string,
  departmentIds: readonly string[],
  limit: number,
) {
  if (!departmentIds.length) return []
  const rows = await db
    .selectFrom('inspections')
    .select('id')
    .where('draw_id', '=', drawId)
    .where('status', '=', 'planned')
    .where('department_id', 'in', departmentIds)
    .orderBy('number')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** How many of a draw's inspections belong to the given bodies, whatever their state. */
export async function countOfDraw(db: Executor, drawId: string, departmentIds: readonly string[]) {
  if (!departmentIds.length) return 0
  const row = await db
    .selectFrom('inspections')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('draw_id', '=', drawId)
    .where('department_id', 'in', departmentIds)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertInspection(
  tx: Tx,
  values: NewInspection & {
    itemIds: readonly string[]
    inspectorIds: readonly string[]
    visitorIds: readonly string[]
  },
): Promise<string> {
  const row = await tx
    .insertInto('inspections')
    .values(newInspectionRow(values, new Date()))
    .returning('id')
    .executeTakeFirstOrThrow()
  const id = row.id
  await tx
    .insertInto('inspection_item_links')
    .values(values.itemIds.map((item_id) => ({ inspection_id: id, item_id })))
    .execute()
  if (values.inspectorIds.length)
    await tx
      .insertInto('inspection_inspectors')
      .values(values.inspectorIds.map((inspector_user_id) => ({ inspection_id: id, inspector_user_id })))
      .execute()
  if (values.visitorIds.length)
    await tx
      .insertInto('inspection_visitors')
      .values(values.visitorIds.map((user_id) => ({ inspection_id: id, user_id })))
      .execute()
  return id
}

export type LockedInspection = NonNullable<Awaited<ReturnType<typeof lockInspection>>>

export async function lockInspection(tx: Tx, id: string) {
  return tx.selectFrom('inspections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function lockInspectionByCode(tx: Tx, code: string) {
  return tx
    .selectFrom('inspections')
    .selectAll()
    .where('check_code', '=', code)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateInspection(tx: Tx, id: string, changes: Updateable<InspectionsTable>) {
  await tx
    .updateTable('inspections')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function inspectionEventInsert(tx: Tx, inspectionId: string, event: CaseEventRecord) {
  return tx.insertInto('inspection_events').values({
    inspection_id: inspectionId,
    ...caseEventColumns(event),
  })
}

export async function insertInspectionEvent(
  ...args: Parameters<typeof inspectionEventInsert>
): Promise<void> {
  await inspectionEventInsert(...args).execute()
}

/** Who is on an inspection: its inspectors and its visitors (ids only, for the roles on it). */
export async function findTeamIds(db: Executor, inspectionId: string): Promise<string[]> {
  const [inspectors, visitors] = await Promise.all([
    db
      .selectFrom('inspection_inspectors')
      .select('inspector_user_id as id')
      .where('inspection_id', '=', inspectionId)
      .execute(),
    db
      .selectFrom('inspection_visitors')
      .select('user_id as id')
      .where('inspection_id', '=', inspectionId)
      .execute(),
  ])
  return [...inspectors, ...visitors].map((r) => r.id)
}

const summaryColumns = [
  'n.id',
  'n.number',
  'n.kind',
  'n.visit_purpose',
  'n.status',
  'n.enterprise_id',
  'e.name as enterprise_name',
  'n.department_id',
  'd.name as department_name',
  'n.planned_on',
  'n.window_ends_on',
  'n.created_at',
] as const

export type InspectionDetailRow = NonNullable<Awaited<ReturnType<typeof findInspectionDetail>>>

export async function findInspectionDetail(db: Executor, where: { id: string } | { checkCode: string }) {
  return db
    .selectFrom('inspections as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .innerJoin('users as p', 'p.id', 'n.planned_by')
    .leftJoin('users as a', 'a.id', 'n.approved_by')
    .select([
      ...summaryColumns,
      'n.check_code',
      'n.purpose',
      'p.display_name as planned_by_name',
      'n.planned_by',
      'a.display_name as approved_by_name',
      'n.approved_at',
      'n.decision_note',
      'n.checked_in_at',
      'n.version',
    ])
    .where('id' in where ? sql<boolean>`n.id = ${where.id}` : sql<boolean>`n.check_code = ${where.checkCode}`)
    .executeTakeFirst()
}

/** The items of some inspections, with their basis. */
export async function findItemsOf(db: Executor, inspectionIds: readonly string[]) {
  if (!inspectionIds.length) return []
  return db
    .selectFrom('inspection_item_links as l')
    .innerJoin('inspection_items as i', 'i.id', 'l.item_id')
    .select(['l.inspection_id', 'i.id', 'i.code', 'i.name', 'i.basis'])
    .where('l.inspection_id', 'in', inspectionIds)
    .orderBy('i.code')
    .execute()
}

/** The people on an inspection: inspectors with their certificate number, then visitors. */
export async function findPeopleOf(db: Executor, inspectionId: string) {
  const inspectors = await db
    .selectFrom('inspection_inspectors as t')
    .innerJoin('inspectors as s', 's.user_id', 't.inspector_user_id')
    .innerJoin('users as u', 'u.id', 't.inspector_user_id')
    .select(['u.id as user_id', 'u.display_name', 's.certificate_no'])
    .where('t.inspection_id', '=', inspectionId)
    .orderBy('s.certificate_no')
    .execute()
  const visitors = await db
    .selectFrom('inspection_visitors as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['u.id as user_id', 'u.display_name'])
    .where('v.inspection_id', '=', inspectionId)
    .orderBy('u.display_name')
    .execute()
  return [...inspectors, ...visitors.map((v) => ({ ...v, certificate_no: null }))]
}

export async function findEventsOf(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspection_events as v')
    .leftJoin('users as u', 'u.id', 'v.actor_user_id')
    .select(['v.type', 'v.at', 'u.display_name as actor_name', 'v.note'])
    .where('v.inspection_id', '=', inspectionId)
    .orderBy('v.id')
    .execute()
}

/**
 * The console's list: the inspections of some bodies (null: all), or those a person is on;
 * newest plans first, at most 500.
 */
export async function findInspections(
  db: Executor,
  filter: {
    departmentIds: readonly string[] | null
    status?: InspectionState
    departmentId?: string
    enterpriseId?: string
  },
) {
  let query = db
    .selectFrom('inspections as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .select(summaryColumns)
  if (filter.departmentIds !== null) {
    if (!filter.departmentIds.length) return []
    query = query.where('n.department_id', 'in', filter.departmentIds)
  }
  if (filter.status) query = query.where('n.status', '=', filter.status)
  if (filter.departmentId) query = query.where('n.department_id', '=', filter.departmentId)
  if (filter.enterpriseId) query = query.where('n.enterprise_id', '=', filter.enterpriseId)
  return query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(500).execute()
}

/** The enterprises a person acts for (their own inspections' history and the door). */
export async function findEnterpriseIdsOfMember(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enterprise_members')
    .select('enterprise_id')
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.enterprise_id)
}

/**
 * Every inspection and visit of some enterprises (what was only planned or rejected is the bodies'
 * business: the enterprise sees what was approved for it), with the level of its rating if any.
 */
export async function findEnterpriseInspections(db: Executor, enterpriseIds: readonly string[]) {
  if (!enterpriseIds.length) return []
  return db
    .selectFrom('inspections as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .select((eb) => [
      'n.id',
      'n.number',
      'n.kind',
      'n.visit_purpose',
      'n.status',
      'n.enterprise_id',
      'e.name as enterprise_name',
      'd.name as department_name',
      'n.planned_on',
      'n.window_ends_on',
      'n.checked_in_at',
      eb
        .selectFrom('ratings as r')
        .select('r.level')
        .whereRef('r.subject_id', '=', 'n.id')
        .where('r.subject_type', '=', 'inspection')
        .orderBy('r.rated_at', 'desc')
        .limit(1)
        .as('rating_level'),
      eb
        .exists(
          eb
            .selectFrom('inspection_results as x')
            .select('x.inspection_id')
            .whereRef('x.inspection_id', '=', 'n.id'),
        )
        .as('has_result'),
    ])
    .where('n.enterprise_id', 'in', enterpriseIds)
    .where('n.status', 'not in', ['planned', 'rejected'])
    .orderBy('n.planned_on', 'desc')
    .orderBy('n.id')
    .limit(500)
    .execute()
}

export async function insertUnregisteredVisitReport(
  tx: Tx,
  values: {
    enterpriseId: string
    reportedBy: string
    bodyName: string
    note: string
    presentedCode: string | null
    visitedOn: string
  },
): Promise<string> {
  const row = await tx
    .insertInto('unregistered_visit_reports')
    .values({
      enterprise_id: values.enterpriseId,
      reported_by: values.reportedBy,
      body_name: values.bodyName,
      note: values.note,
      presented_code: values.presentedCode,
      visited_on: values.visitedOn,
      reported_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findUnregisteredVisitReports(db: Executor, where: { id?: string } = {}) {
  let query = db
    .selectFrom('unregistered_visit_reports as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .select([
      'r.id',
      'r.enterprise_id',
      'e.name as enterprise_name',
      'r.body_name',
      'r.note',
      'r.presented_code',
      'r.visited_on',
      'r.reported_at',
    ])
  if (where.id) query = query.where('r.id', '=', where.id)
  return query.orderBy('r.reported_at', 'desc').orderBy('r.id').limit(500).execute()
}

// ── ratings (the ratings module's registry asks these) ─────────────────────────────────────────

export async function findRateableInspection(db: Executor, id: string) {
  return db
    .selectFrom('inspections as n')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .select([
      'n.id',
      'n.number',
      'n.kind',
      'n.status',
      'n.enterprise_id',
      'n.department_id',
      'd.name as department_name',
      'n.checked_in_at',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst()
}

export const RATEABLE_STATES = ['checked_in', 'result_recorded', 'closed'] as const

export async function findCheckedInInspections(
  db: Executor,
  filter: { enterpriseId?: string; finishedBefore?: Date; finishedAfter?: Date; limit: number },
) {
  let query = db
    .selectFrom('inspections as n')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .select([
      'n.id',
      'n.number',
      'n.kind',
      'n.status',
      'n.enterprise_id',
      'n.department_id',
      'd.name as department_name',
      'n.checked_in_at',
    ])
    .where('n.status', 'in', RATEABLE_STATES)
    .where('n.checked_in_at', 'is not', null)
  if (filter.enterpriseId) query = query.where('n.enterprise_id', '=', filter.enterpriseId)
  if (filter.finishedBefore) query = query.where('n.checked_in_at', '<=', filter.finishedBefore)
  if (filter.finishedAfter) query = query.where('n.checked_in_at', '>=', filter.finishedAfter)
  return query.orderBy('n.checked_in_at', 'desc').limit(filter.limit).execute()
}
