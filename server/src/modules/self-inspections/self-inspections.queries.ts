import type { Updateable } from 'kysely'
import { sql } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type {
  SelfInspectionAnswersTable,
  SelfInspectionFinding,
  SelfInspectionRectificationsTable,
} from './self-inspections.tables'

/** All the SQL of self-inspections (a lint rule keeps it here). */

const NO_ID = '00000000-0000-0000-0000-000000000000'
const idsOrNone = (ids: readonly string[]) => (ids.length ? [...ids] : [NO_ID])

// ── tasks ────────────────────────────────────────────────────────────────────

export async function findExistingDepartments(db: Executor, ids: readonly string[]) {
  const rows = await db.selectFrom('departments').select('id').where('id', 'in', idsOrNone(ids)).execute()
  return rows.map((r) => r.id)
}

export async function insertTask(
  tx: Tx,
  task: { title: string; scope: string; basis: string; deadline: string; issuedBy: string; at: Date },
): Promise<string> {
  const row = await tx
    .insertInto('self_inspection_tasks')
    .values({
      title: task.title,
      scope: task.scope,
      basis: task.basis,
      deadline: task.deadline,
      issued_by: task.issuedBy,
      issued_at: task.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertItems(
  tx: Tx,
  taskId: string,
  items: readonly { text: string; guidance: string }[],
) {
  await tx
    .insertInto('self_inspection_items')
    .values(
      items.map((item, i) => ({
        task_id: taskId,
        position: i + 1,
        text: item.text,
        guidance: item.guidance,
      })),
    )
    .execute()
}

export async function insertAnswers(tx: Tx, taskId: string, departmentIds: readonly string[]) {
  return tx
    .insertInto('self_inspection_answers')
    .values(departmentIds.map((departmentId) => ({ task_id: taskId, department_id: departmentId })))
    .returning(['id', 'department_id'])
    .execute()
}

function taskQuery(db: Executor) {
  return db
    .selectFrom('self_inspection_tasks as t')
    .leftJoin('users as u', 'u.id', 't.issued_by')
    .selectAll('t')
    .select('u.display_name as issued_by_name')
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>

export async function findTask(db: Executor, id: string) {
  return taskQuery(db).where('t.id', '=', id).executeTakeFirst()
}

export async function findTasks(db: Executor) {
  return taskQuery(db).orderBy('t.issued_at', 'desc').orderBy('t.id').limit(200).execute()
}

export async function findItems(db: Executor, taskId: string) {
  return db
    .selectFrom('self_inspection_items')
    .select(['id', 'position', 'text', 'guidance'])
    .where('task_id', '=', taskId)
    .orderBy('position')
    .execute()
}

// ── answers (one department's copy) ──────────────────────────────────────────

function answerQuery(db: Executor) {
  return db
    .selectFrom('self_inspection_answers as a')
    .innerJoin('self_inspection_tasks as t', 't.id', 'a.task_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select(['t.title', 't.deadline', 't.scope', 't.basis', 'd.name as department_name'])
}

export type AnswerRow = NonNullable<Awaited<ReturnType<typeof findAnswer>>>

export async function findAnswer(db: Executor, id: string) {
  return answerQuery(db).where('a.id', '=', id).executeTakeFirst()
}

export async function lockAnswer(tx: Tx, id: string) {
  await tx.selectFrom('self_inspection_answers').select('id').where('id', '=', id).forUpdate().execute()
  return findAnswer(tx, id)
}

/** `departmentIds` null: every department (the bureau). */
export async function findAnswers(
  db: Executor,
  filter: { departmentIds: string[] | null; status?: string | undefined; taskId?: string | undefined },
) {
  let query = answerQuery(db)
  if (filter.departmentIds) query = query.where('a.department_id', 'in', idsOrNone(filter.departmentIds))
  if (filter.status) query = query.where('a.status', '=', filter.status as never)
  if (filter.taskId) query = query.where('a.task_id', '=', filter.taskId)
  return query.orderBy('t.deadline', 'desc').orderBy('d.name').orderBy('a.id').limit(500).execute()
}

/** Copies of the tasks with their open and overdue rectifications and problems, for boards. */
export async function findAnswerCounts(db: Executor, taskIds: readonly string[], today: string) {
  return db
    .selectFrom('self_inspection_answers as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'a.id',
      'a.task_id',
      'a.department_id',
      'd.name as department_name',
      'a.status',
      'a.submitted_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('self_inspection_findings as f')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('f.answer_id', '=', 'a.id')
        .where('f.finding', '=', 'problem')
        .as('problems'),
      eb
        .selectFrom('self_inspection_rectifications as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.answer_id', '=', 'a.id')
        .where('r.status', '!=', 'confirmed')
        .as('open_rectifications'),
      eb
        .selectFrom('self_inspection_rectifications as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.answer_id', '=', 'a.id')
        .where('r.status', '=', 'open')
        .where('r.due_date', '<', today)
        .as('overdue_rectifications'),
    ])
    .where('a.task_id', 'in', idsOrNone(taskIds))
    .orderBy('d.name')
    .orderBy('a.id')
    .execute()
}

export async function updateAnswer(tx: Tx, id: string, changes: Updateable<SelfInspectionAnswersTable>) {
  await tx
    .updateTable('self_inspection_answers')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function answerEventInsert(tx: Tx, answerId: string, event: CaseEventRecord) {
  return tx.insertInto('self_inspection_answer_events').values({
    self_inspection_answer_id: answerId,
    ...caseEventColumns(event),
  })
}

export async function insertAnswerEvent(...args: Parameters<typeof answerEventInsert>): Promise<void> {
  await answerEventInsert(...args).execute()
}

export async function findAnswerEvents(db: Executor, answerId: string) {
  return db
    .selectFrom('self_inspection_answer_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.at', 'e.type', 'e.note', 'u.display_name as actor_name'])
    .where('e.self_inspection_answer_id', '=', answerId)
    .orderBy('e.id')
    .execute()
}

/** Copies still owed whose deadline is at most `lastDeadline` and that were not reminded yet. */
export async function findAnswersToRemind(db: Executor, lastDeadline: string) {
  return db
    .selectFrom('self_inspection_answers as a')
    .innerJoin('self_inspection_tasks as t', 't.id', 'a.task_id')
    .select(['a.id', 'a.department_id', 'a.status', 'a.reminded_at', 't.deadline', 't.title'])
    .where('a.status', 'in', ['not_started', 'draft', 'returned'])
    .where('a.reminded_at', 'is', null)
    .where('t.deadline', '<=', lastDeadline)
    .limit(500)
    .execute()
}

/** Marks the reminder sent, once (answers whether this call marked it). */
export async function markReminded(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('self_inspection_answers')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// ── findings ─────────────────────────────────────────────────────────────────

export async function findFindings(db: Executor, answerId: string) {
  return db.selectFrom('self_inspection_findings').selectAll().where('answer_id', '=', answerId).execute()
}

export async function upsertFinding(
  tx: Tx,
  answerId: string,
  f: {
    itemId: string
    finding: SelfInspectionFinding
    description: string
    evidenceIds: string[]
    plan: { measure: string; owner: string; dueDate: string } | null
  },
) {
  const values = {
    finding: f.finding,
    description: f.description,
    evidence_ids: f.evidenceIds,
    plan_measure: f.plan?.measure ?? null,
    plan_owner: f.plan?.owner ?? null,
    plan_due_date: f.plan?.dueDate ?? null,
  }
  await tx
    .insertInto('self_inspection_findings')
    .values({ answer_id: answerId, item_id: f.itemId, ...values })
    .onConflict((oc) => oc.columns(['answer_id', 'item_id']).doUpdateSet(values))
    .execute()
}

/** The bureau's notes per item on a return: the named items get theirs, every other item none. */
export async function setReturnNotes(tx: Tx, answerId: string, notes: ReadonlyMap<string, string>) {
  await tx
    .updateTable('self_inspection_findings')
    .set({ return_note: null })
    .where('answer_id', '=', answerId)
    .execute()
  for (const [itemId, note] of notes)
    await tx
      .updateTable('self_inspection_findings')
      .set({ return_note: note })
      .where('answer_id', '=', answerId)
      .where('item_id', '=', itemId)
      .execute()
}

// ── files ────────────────────────────────────────────────────────────────────

export async function insertFile(
  db: Executor,
  row: {
    answerId: string
    fileName: string
    contentType: string
    content: Buffer
    sha256: string
    by: string
  },
) {
  return db
    .insertInto('self_inspection_files')
    .values({
      answer_id: row.answerId,
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

export async function findFiles(db: Executor, answerId: string) {
  return db
    .selectFrom('self_inspection_files')
    .select(['id', 'file_name', 'content_type', 'size_bytes'])
    .where('answer_id', '=', answerId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export async function findFile(db: Executor, id: string) {
  return db.selectFrom('self_inspection_files').selectAll().where('id', '=', id).executeTakeFirst()
}

// ── rectifications ───────────────────────────────────────────────────────────

/** Every accepted problem of a copy becomes a rectification with its plan. */
export async function insertRectificationsOfAnswer(tx: Tx, answerId: string, departmentId: string) {
  const problems = await tx
    .selectFrom('self_inspection_findings')
    .select(['id', 'plan_measure', 'plan_owner', 'plan_due_date'])
    .where('answer_id', '=', answerId)
    .where('finding', '=', 'problem')
    .execute()
  if (!problems.length) return 0
  await tx
    .insertInto('self_inspection_rectifications')
    .values(
      problems.map((p) => ({
        answer_id: answerId,
        finding_id: p.id,
        department_id: departmentId,
        measure: p.plan_measure ?? '',
        owner: p.plan_owner ?? '',
        due_date: p.plan_due_date ?? '',
      })),
    )
    .execute()
  return problems.length
}

function rectificationQuery(db: Executor) {
  return db
    .selectFrom('self_inspection_rectifications as r')
    .innerJoin('self_inspection_answers as a', 'a.id', 'r.answer_id')
    .innerJoin('self_inspection_tasks as t', 't.id', 'a.task_id')
    .innerJoin('self_inspection_findings as f', 'f.id', 'r.finding_id')
    .innerJoin('self_inspection_items as i', 'i.id', 'f.item_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .selectAll('r')
    .select(['t.title as task_title', 'i.text as item_text', 'd.name as department_name'])
}

export type RectificationRow = NonNullable<Awaited<ReturnType<typeof findRectification>>>

export async function findRectification(db: Executor, id: string) {
  return rectificationQuery(db).where('r.id', '=', id).executeTakeFirst()
}

export async function lockRectification(tx: Tx, id: string) {
  await tx
    .selectFrom('self_inspection_rectifications')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .execute()
  return findRectification(tx, id)
}

export async function findRectifications(
  db: Executor,
  filter: {
    departmentIds: string[] | null
    answerId?: string | undefined
    status?: string | undefined
    overdueOn?: string | undefined
  },
) {
  let query = rectificationQuery(db)
  if (filter.departmentIds) query = query.where('r.department_id', 'in', idsOrNone(filter.departmentIds))
  if (filter.answerId) query = query.where('r.answer_id', '=', filter.answerId)
  if (filter.status) query = query.where('r.status', '=', filter.status as never)
  if (filter.overdueOn)
    query = query.where('r.status', '=', 'open').where('r.due_date', '<', filter.overdueOn)
  return query.orderBy('r.due_date').orderBy('i.position').orderBy('r.id').limit(500).execute()
}

export async function updateRectification(
  tx: Tx,
  id: string,
  changes: Updateable<SelfInspectionRectificationsTable>,
) {
  await tx
    .updateTable('self_inspection_rectifications')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

// ── figures ──────────────────────────────────────────────────────────────────

/** The counts behind selfInspectionFigures (docs/METRICS.md): tasks issued in [from, to). */
export async function findFigures(
  db: Executor,
  range: { from: Date; to: Date },
  city: { today: string; timeZone: string },
) {
  const today = city.today
  const row = await db
    .selectFrom('self_inspection_answers as a')
    .innerJoin('self_inspection_tasks as t', 't.id', 'a.task_id')
    .where('t.issued_at', '>=', range.from)
    .where('t.issued_at', '<', range.to)
    .select([
      sql<number>`count(DISTINCT t.id)::int`.as('tasks'),
      sql<number>`count(*)::int`.as('answers'),
      sql<number>`count(*) FILTER (WHERE a.status = 'accepted')::int`.as('accepted'),
      sql<number>`count(*) FILTER (WHERE a.status = 'submitted')::int`.as('submitted'),
      sql<number>`count(*) FILTER (WHERE a.status IN ('not_started', 'draft', 'returned'))::int`.as('owed'),
      sql<number>`count(*) FILTER (WHERE a.status IN ('not_started', 'draft', 'returned') AND t.deadline < ${today})::int`.as(
        'overdue',
      ),
      sql<number>`count(*) FILTER (WHERE a.submitted_at IS NOT NULL AND (a.submitted_at AT TIME ZONE ${city.timeZone})::date <= t.deadline)::int`.as(
        'submitted_on_time',
      ),
    ])
    .executeTakeFirstOrThrow()
  const rect = await db
    .selectFrom('self_inspection_rectifications as r')
    .innerJoin('self_inspection_answers as a', 'a.id', 'r.answer_id')
    .innerJoin('self_inspection_tasks as t', 't.id', 'a.task_id')
    .where('t.issued_at', '>=', range.from)
    .where('t.issued_at', '<', range.to)
    .select([
      sql<number>`count(*)::int`.as('problems'),
      sql<number>`count(*) FILTER (WHERE r.status = 'open')::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE r.status = 'done')::int`.as('done'),
      sql<number>`count(*) FILTER (WHERE r.status = 'confirmed')::int`.as('confirmed'),
      sql<number>`count(*) FILTER (WHERE r.status = 'open' AND r.due_date < ${today})::int`.as('overdue'),
    ])
    .executeTakeFirstOrThrow()
  return { answers: row, rectifications: rect }
}

// ── demo ─────────────────────────────────────────────────────────────────────

export async function countTasks(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('self_inspection_tasks')
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
