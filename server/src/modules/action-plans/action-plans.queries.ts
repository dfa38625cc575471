import type { Updateable } from 'kysely'
import { sql } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { PlanTaskReportKind, PlanTasksTable } from './action-plans.tables'
import { OWED_PLAN_TASK_STATES } from './plan-task-states'

/** All the SQL of the action plan (a lint rule keeps it here). */

const NO_ID = '00000000-0000-0000-0000-000000000000'
const idsOrNone = (ids: readonly string[]) => (ids.length ? [...ids] : [NO_ID])
const OWED = [...OWED_PLAN_TASK_STATES]

// ── areas ────────────────────────────────────────────────────────────────────

export async function findAreas(db: Executor) {
  return db
    .selectFrom('action_plan_areas')
    .select(['id', 'position', 'name', 'summary'])
    .orderBy('position')
    .execute()
}

export async function findArea(db: Executor, id: string) {
  return db.selectFrom('action_plan_areas').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
}

/** Appends an area at the end; answers undefined when the name is taken. */
export async function insertArea(tx: Tx, area: { name: string; summary: string }) {
  // The whole table is locked for the append so two creators cannot take one position.
  await sql`LOCK TABLE action_plan_areas IN SHARE ROW EXCLUSIVE MODE`.execute(tx)
  return tx
    .insertInto('action_plan_areas')
    .values((eb) => ({
      name: area.name,
      summary: area.summary,
      position: eb
        .selectFrom('action_plan_areas')
        .select(sql<number>`coalesce(max(position), 0) + 1`.as('p')),
    }))
    .onConflict((oc) => oc.column('name').doNothing())
    .returning(['id', 'position', 'name', 'summary'])
    .executeTakeFirst()
}

// ── tasks ────────────────────────────────────────────────────────────────────

export async function departmentExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst())
}

export async function insertTask(
  tx: Tx,
  task: {
    areaId: string
    title: string
    description: string
    expectedOutput: string
    ownerDepartmentId: string
    deadline: string
    createdBy: string
    at: Date
  },
): Promise<string> {
  const row = await tx
    .insertInto('plan_tasks')
    .values({
      area_id: task.areaId,
      title: task.title,
      description: task.description,
      expected_output: task.expectedOutput,
      owner_department_id: task.ownerDepartmentId,
      deadline: task.deadline,
      created_by: task.createdBy,
      created_at: task.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function taskQuery(db: Executor) {
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('action_plan_areas as a', 'a.id', 't.area_id')
    .innerJoin('departments as d', 'd.id', 't.owner_department_id')
    .selectAll('t')
    .select(['a.name as area_name', 'a.position as area_position', 'd.name as owner_department_name'])
}

export type PlanTaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>

export async function findTask(db: Executor, id: string) {
  return taskQuery(db).where('t.id', '=', id).executeTakeFirst()
}

export async function lockTask(tx: Tx, id: string) {
  await tx.selectFrom('plan_tasks').select('id').where('id', '=', id).forUpdate().execute()
  return findTask(tx, id)
}

/** `departmentIds` null: every owner unit (the bureau, the public view). */
export async function findTasks(
  db: Executor,
  filter: {
    departmentIds: string[] | null
    status?: string | undefined
    areaId?: string | undefined
    overdueOn?: string | undefined
  },
  // The staff list shows at most 1,000; the public view reads the whole plan (the bureau writes it:
  // a city plan has a few hundred tasks, and 10,000 is far past any).
  limit = 1000,
) {
  let query = taskQuery(db)
  if (filter.departmentIds)
    query = query.where('t.owner_department_id', 'in', idsOrNone(filter.departmentIds))
  if (filter.status) query = query.where('t.status', '=', filter.status as never)
  if (filter.areaId) query = query.where('t.area_id', '=', filter.areaId)
  if (filter.overdueOn) query = query.where('t.status', 'in', OWED).where('t.deadline', '<', filter.overdueOn)
  return query
    .orderBy('a.position')
    .orderBy('t.deadline')
    .orderBy('t.title')
    .orderBy('t.id')
    .limit(limit)
    .execute()
}

export async function updateTask(tx: Tx, id: string, changes: Updateable<PlanTasksTable>) {
  await tx
    .updateTable('plan_tasks')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function taskEventInsert(tx: Tx, taskId: string, event: CaseEventRecord, at = new Date()) {
  return tx.insertInto('plan_task_events').values({
    plan_task_id: taskId,
    ...caseEventColumns(event, at),
  })
}

export async function insertTaskEvent(...args: Parameters<typeof taskEventInsert>): Promise<void> {
  await taskEventInsert(...args).execute()
}

export async function findTaskEvents(db: Executor, taskId: string) {
  return db
    .selectFrom('plan_task_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.at', 'e.type', 'e.note', 'u.display_name as actor_name'])
    .where('e.plan_task_id', '=', taskId)
    .orderBy('e.id')
    .execute()
}

// ── reports ──────────────────────────────────────────────────────────────────

export async function insertReport(
  tx: Tx,
  report: {
    taskId: string
    kind: PlanTaskReportKind
    percent: number
    text: string
    evidenceIds: string[]
    by: string
    at: Date
  },
) {
  await tx
    .insertInto('plan_task_reports')
    .values({
      task_id: report.taskId,
      kind: report.kind,
      percent: report.percent,
      text: report.text,
      evidence_ids: report.evidenceIds,
      reported_by: report.by,
      reported_at: report.at,
    })
    .execute()
}

export async function findReports(db: Executor, taskId: string) {
  return db
    .selectFrom('plan_task_reports as r')
    .leftJoin('users as u', 'u.id', 'r.reported_by')
    .select(['r.id', 'r.kind', 'r.percent', 'r.text', 'r.evidence_ids', 'r.reported_at'])
    .select('u.display_name as reported_by_name')
    .where('r.task_id', '=', taskId)
    .orderBy('r.seq')
    .execute()
}

// ── files ────────────────────────────────────────────────────────────────────

export async function insertFile(
  db: Executor,
  row: { taskId: string; fileName: string; contentType: string; content: Buffer; sha256: string; by: string },
) {
  return db
    .insertInto('plan_task_files')
    .values({
      task_id: row.taskId,
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

export async function findFiles(db: Executor, taskId: string) {
  return db
    .selectFrom('plan_task_files')
    .select(['id', 'file_name', 'content_type', 'size_bytes'])
    .where('task_id', '=', taskId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export async function findFile(db: Executor, id: string) {
  return db.selectFrom('plan_task_files').selectAll().where('id', '=', id).executeTakeFirst()
}

// ── the sweep ────────────────────────────────────────────────────────────────

/**
 * Tasks still owed whose deadline is at most `lastDeadline` and that still need a reminder or (past
 * their deadline) an escalation.
 */
export async function findTasksToSweep(db: Executor, lastDeadline: string) {
  return db
    .selectFrom('plan_tasks as t')
    .select([
      't.id',
      't.title',
      't.owner_department_id',
      't.status',
      't.deadline',
      't.reminded_at',
      't.escalated_at',
    ])
    .where('t.status', 'in', OWED)
    .where('t.deadline', '<=', lastDeadline)
    .where((eb) => eb.or([eb('t.reminded_at', 'is', null), eb('t.escalated_at', 'is', null)]))
    .orderBy('t.deadline')
    .orderBy('t.id')
    .limit(1000)
    .execute()
}

/** Marks the reminder sent, once (answers whether this call marked it). */
export async function markReminded(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('plan_tasks')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Marks the task escalated, once, still owed (answers whether this call marked it). */
export async function markEscalated(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('plan_tasks')
    .set({ escalated_at: at })
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .where('status', 'in', OWED)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function setSupervisionCase(tx: Tx, id: string, caseId: string) {
  await tx.updateTable('plan_tasks').set({ supervision_case_id: caseId }).where('id', '=', id).execute()
}

// ── figures ──────────────────────────────────────────────────────────────────

/** Per owner unit: tasks by status, overdue today, accepted on time (submitted by the deadline day). */
export async function findUnitFigures(db: Executor, city: { today: string; timeZone: string }) {
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('departments as d', 'd.id', 't.owner_department_id')
    .groupBy(['t.owner_department_id', 'd.name'])
    .select(['t.owner_department_id as department_id', 'd.name as department_name'])
    .select([
      sql<number>`count(*)::int`.as('tasks'),
      sql<number>`count(*) FILTER (WHERE t.status = 'not_started')::int`.as('not_started'),
      sql<number>`count(*) FILTER (WHERE t.status = 'in_progress')::int`.as('in_progress'),
      sql<number>`count(*) FILTER (WHERE t.status = 'submitted')::int`.as('submitted'),
      sql<number>`count(*) FILTER (WHERE t.status = 'returned')::int`.as('returned'),
      sql<number>`count(*) FILTER (WHERE t.status = 'accepted')::int`.as('accepted'),
      sql<number>`count(*) FILTER (WHERE t.status IN ('not_started', 'in_progress', 'returned') AND t.deadline < ${city.today})::int`.as(
        'overdue',
      ),
      sql<number>`count(*) FILTER (WHERE t.escalated_at IS NOT NULL)::int`.as('escalated'),
      sql<number>`count(*) FILTER (WHERE t.status = 'accepted' AND (t.submitted_at AT TIME ZONE ${city.timeZone})::date <= t.deadline)::int`.as(
        'accepted_on_time',
      ),
    ])
    .orderBy('d.name')
    .execute()
}

// ── demo ─────────────────────────────────────────────────────────────────────

export async function countAreas(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('action_plan_areas')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

export async function findDepartmentIdsByCodes(db: Executor, codes: readonly string[]) {
  return db
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('code', 'in', [...codes])
    .execute()
}

export async function findUserIdByUsername(db: Executor, username: string) {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  return row?.id
}
