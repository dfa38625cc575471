import { systemActor, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import { notifyEach } from '../../kernel/cases/outbox'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { acceptUpload } from '../../kernel/uploads'
import { staffToNotify } from '../users'
import {
  departmentScope,
  requireParticipant,
  rolesOn,
  runAnswerAction,
  runRectificationAction,
} from './self-inspection-actions'
import { SELF_INSPECTION_ANSWER_TABLE } from './self-inspection-answer-states'
import { isAnswerOverdue, isRectificationOverdue, shouldRemind } from './self-inspection-deadlines'
import type {
  AnswerListInput,
  EvidenceFile,
  IssueSelfInspectionTaskInput,
  MarkRectificationDoneInput,
  RectificationListInput,
  ReopenRectificationInput,
  ReturnSelfInspectionAnswerInput,
  SaveSelfInspectionFindingsInput,
  SelfInspectionAnswer,
  SelfInspectionAnswerSummary,
  SelfInspectionFindingAnswer,
  SelfInspectionRectification,
  SelfInspectionTask,
  SelfInspectionTaskSummary,
} from './self-inspections.schema'
import './self-inspections.messages'
import * as q from './self-inspections.queries'
import type { AnswerRow, RectificationRow } from './self-inspections.queries'

/**
 * Self-inspection (自查自纠): the bureau issues a task with a checklist to departments; each
 * department answers its own copy (its handlers draft, its head submits); the bureau returns it with
 * notes or accepts it; accepted problems are rectifications tracked to done. Permissions first in
 * every function; every change in one transaction and audited (the case kit for the moves).
 */

const requireBureau = (actor: Actor) => requireParticipant(actor, 'bureau')

async function tellHeads(
  deps: AppDeps,
  tx: Tx,
  departmentIds: readonly string[],
  template: string,
  params: Record<string, string>,
) {
  const heads = await staffToNotify(tx, [...departmentIds], ['department_head'])
  await notifyEach(deps.notifier, tx, heads, { template, params })
}

// ── tasks ────────────────────────────────────────────────────────────────────

/**
 * The bureau issues a task: each department gets its own copy (not started) and its heads are told.
 * Refuses: FORBIDDEN (not the bureau), SELF_INSPECTION_DEADLINE_PAST, SELF_INSPECTION_DEPARTMENT_UNKNOWN.
 */
export async function issueTask(deps: AppDeps, actor: Actor, input: IssueSelfInspectionTaskInput) {
  const user = requireBureau(actor)
  const now = new Date()
  if (input.deadline < cityToday(deps, now)) throw new AppError('SELF_INSPECTION_DEADLINE_PAST')
  const departmentIds = [...new Set(input.departmentIds)]
  const known = await q.findExistingDepartments(deps.db, departmentIds)
  if (known.length !== departmentIds.length) throw new AppError('SELF_INSPECTION_DEPARTMENT_UNKNOWN')
  const id = await deps.db.transaction().execute(async (tx) => {
    const taskId = await q.insertTask(tx, {
      title: input.title,
      scope: input.scope,
      basis: input.basis,
      deadline: input.deadline,
      issuedBy: user.userId,
      at: now,
    })
    await q.insertItems(tx, taskId, input.items)
    const answers = await q.insertAnswers(tx, taskId, departmentIds)
    for (const answer of answers)
      await q.insertAnswerEvent(tx, answer.id, {
        type: 'issue',
        actorUserId: user.userId,
        actorRole: 'bureau',
        departmentId: answer.department_id,
        note: null,
        noteAudience: 'internal',
        data: {},
        audience: 'internal',
      })
    await tellHeads(deps, tx, departmentIds, 'self_inspections.issued', {
      title: input.title,
      deadline: input.deadline,
    })
    await writeAudit(tx, user, {
      action: 'self_inspection_task.issue',
      entityType: 'self_inspection_task',
      entityId: taskId,
      after: { title: input.title, deadline: input.deadline, items: input.items.length, departmentIds },
    })
    return taskId
  })
  return getTask(deps, user, id)
}

const presentTask = definePresenter({
  id: 'id',
  title: 'title',
  scope: 'scope',
  basis: 'basis',
  deadline: 'deadline',
  issuedAt: 'issued_at',
  issuedByName: 'issued_by_name',
})

type CountRow = Awaited<ReturnType<typeof q.findAnswerCounts>>[number]

function boardRow(row: CountRow, deadline: string, today: string) {
  return {
    answerId: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    status: row.status,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    overdue: isAnswerOverdue(row.status, deadline, today),
    problems: Number(row.problems ?? 0),
    openRectifications: Number(row.open_rectifications ?? 0),
    overdueRectifications: Number(row.overdue_rectifications ?? 0),
  }
}

/** The bureau's list of tasks with their progress. Refuses: FORBIDDEN (not the bureau). */
export async function listTasks(
  deps: AppDeps,
  actor: Actor,
): Promise<{ items: SelfInspectionTaskSummary[] }> {
  requireBureau(actor)
  const today = cityToday(deps)
  const tasks = await q.findTasks(deps.db)
  const counts = await q.findAnswerCounts(
    deps.db,
    tasks.map((t) => t.id),
    today,
  )
  return {
    items: tasks.map((task) => {
      const rows = counts.filter((c) => c.task_id === task.id).map((c) => boardRow(c, task.deadline, today))
      const statuses = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 }
      for (const r of rows) statuses[r.status]++
      return {
        id: task.id,
        title: task.title,
        deadline: task.deadline,
        issuedAt: task.issued_at.toISOString(),
        issuedByName: task.issued_by_name,
        departments: rows.length,
        statuses,
        overdue: rows.filter((r) => r.overdue).length,
        openRectifications: rows.reduce((n, r) => n + r.openRectifications, 0),
      }
    }),
  }
}

/** One task with its checklist and its board (departments × status). Refuses: FORBIDDEN, NOT_FOUND. */
export async function getTask(deps: AppDeps, actor: Actor, id: string): Promise<SelfInspectionTask> {
  requireBureau(actor)
  const task = await q.findTask(deps.db, id)
  if (!task) throw notFound()
  const today = cityToday(deps)
  const [items, counts] = await Promise.all([
    q.findItems(deps.db, id),
    q.findAnswerCounts(deps.db, [id], today),
  ])
  return { ...presentTask(task), items, board: counts.map((c) => boardRow(c, task.deadline, today)) }
}

// ── copies ───────────────────────────────────────────────────────────────────

function presentSummary(row: AnswerRow, today: string): SelfInspectionAnswerSummary {
  return {
    id: row.id,
    taskId: row.task_id,
    title: row.title,
    deadline: row.deadline,
    departmentId: row.department_id,
    departmentName: row.department_name,
    status: row.status,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    overdue: isAnswerOverdue(row.status, row.deadline, today),
    version: row.version,
  }
}

/** Copies the caller holds (the bureau: every one, filtered). Refuses: FORBIDDEN (no department role). */
export async function listAnswers(deps: AppDeps, actor: Actor, input: AnswerListInput) {
  const user = requireParticipant(actor, 'any')
  const departmentIds = departmentScope(user, input.departmentId)
  const today = cityToday(deps)
  const rows = await q.findAnswers(deps.db, { departmentIds, status: input.status, taskId: input.taskId })
  return { items: rows.map((r) => presentSummary(r, today)) }
}

const presentRectificationRow = definePresenter({
  id: 'id',
  answerId: 'answer_id',
  taskTitle: 'task_title',
  departmentId: 'department_id',
  departmentName: 'department_name',
  itemText: 'item_text',
  measure: 'measure',
  owner: 'owner',
  dueDate: 'due_date',
  status: 'status',
  doneNote: 'done_note',
  doneEvidenceIds: 'done_evidence_ids',
  doneAt: 'done_at',
  confirmedAt: 'confirmed_at',
  version: 'version',
})

function presentRectification(row: RectificationRow, today: string): SelfInspectionRectification {
  return { ...presentRectificationRow(row), overdue: isRectificationOverdue(row.status, row.due_date, today) }
}

function presentFile(row: {
  id: string
  file_name: string
  content_type: string
  size_bytes: number
}): EvidenceFile {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes }
}

/** A copy the caller holds with its checklist, findings, files, rectifications and timeline. Refuses: NOT_FOUND. */
export async function getAnswer(deps: AppDeps, actor: Actor, id: string): Promise<SelfInspectionAnswer> {
  const user = requireParticipant(actor, 'any')
  const row = await q.findAnswer(deps.db, id)
  const roles = row ? rolesOn(user, row.department_id) : []
  if (!row || !roles.length) throw notFound()
  const today = cityToday(deps)
  const [items, findings, files, rectifications, events] = await Promise.all([
    q.findItems(deps.db, row.task_id),
    q.findFindings(deps.db, id),
    q.findFiles(deps.db, id),
    q.findRectifications(deps.db, { departmentIds: null, answerId: id }),
    q.findAnswerEvents(deps.db, id),
  ])
  const byItem = new Map(findings.map((f) => [f.item_id, f]))
  const answerOf = (itemId: string): SelfInspectionFindingAnswer | null => {
    const f = byItem.get(itemId)
    if (!f) return null
    return {
      finding: f.finding,
      description: f.description,
      evidenceIds: f.evidence_ids,
      plan:
        f.plan_measure && f.plan_owner && f.plan_due_date
          ? { measure: f.plan_measure, owner: f.plan_owner, dueDate: f.plan_due_date }
          : null,
      returnNote: f.return_note,
    }
  }
  const table = SELF_INSPECTION_ANSWER_TABLE
  return {
    ...presentSummary(row, today),
    scope: row.scope,
    basis: row.basis,
    reviewNote: row.review_note,
    acceptedAt: row.accepted_at ? row.accepted_at.toISOString() : null,
    items: items.map((item) => ({ ...item, answer: answerOf(item.id) })),
    files: files.map(presentFile),
    rectifications: rectifications.map((r) => presentRectification(r, today)),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      actorName: e.actor_name,
      note: e.note,
    })),
    actions: table.actions.filter((a) => table.mayTake(a, roles) && table.move(row.status, a).ok),
    viewerRoles: roles,
  }
}

/**
 * The department saves findings (any subset of the checklist; an item saved again is replaced). A
 * returned copy stays "returned" until submitted again.
 * Refuses: NOT_FOUND, FORBIDDEN (the bureau), SELF_INSPECTION_ANSWER_NOT_EDITABLE, VERSION_CONFLICT,
 * SELF_INSPECTION_ITEM_UNKNOWN, SELF_INSPECTION_FILE_UNKNOWN.
 */
export async function saveFindings(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SaveSelfInspectionFindingsInput,
) {
  const user = requireParticipant(actor, 'department')
  await runAnswerAction(deps, user, id, 'save', input.version, async ({ tx, row }) => {
    const items = new Set((await q.findItems(tx, row.task_id)).map((i) => i.id))
    const files = new Set((await q.findFiles(tx, row.id)).map((f) => f.id))
    for (const f of input.findings) {
      if (!items.has(f.itemId)) throw new AppError('SELF_INSPECTION_ITEM_UNKNOWN')
      if (f.evidenceIds.some((e) => !files.has(e))) throw new AppError('SELF_INSPECTION_FILE_UNKNOWN')
      await q.upsertFinding(tx, row.id, {
        itemId: f.itemId,
        finding: f.finding,
        description: f.description,
        evidenceIds: [...new Set(f.evidenceIds)],
        plan: f.finding === 'problem' ? (f.plan ?? null) : null,
      })
    }
    return {
      to: row.status === 'returned' ? 'returned' : 'draft',
      audit: { items: input.findings.map((f) => f.itemId) },
    }
  })
  return getAnswer(deps, user, id)
}

/**
 * The head submits the copy for review: every item answered, every problem with its plan.
 * Refuses: NOT_FOUND, FORBIDDEN (not the head), SELF_INSPECTION_ANSWER_NOT_SUBMITTABLE, VERSION_CONFLICT,
 * SELF_INSPECTION_ANSWER_INCOMPLETE.
 */
export async function submitAnswer(deps: AppDeps, actor: Actor, id: string, version: number) {
  const user = requireParticipant(actor, 'head')
  await runAnswerAction(deps, user, id, 'submit', version, async ({ tx, row, now }) => {
    const items = await q.findItems(tx, row.task_id)
    const findings = new Map((await q.findFindings(tx, row.id)).map((f) => [f.item_id, f]))
    const incomplete = items.some((item) => {
      const f = findings.get(item.id)
      return !f || (f.finding === 'problem' && !f.plan_measure)
    })
    if (incomplete) throw new AppError('SELF_INSPECTION_ANSWER_INCOMPLETE')
    const problems = [...findings.values()].filter((f) => f.finding === 'problem').length
    return { changes: { submitted_at: now }, audit: { problems } }
  })
  return getAnswer(deps, user, id)
}

/**
 * The bureau returns the copy with a note and notes per item; the department's heads are told.
 * Refuses: NOT_FOUND, FORBIDDEN, SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW, VERSION_CONFLICT,
 * SELF_INSPECTION_ITEM_UNKNOWN.
 */
export async function returnAnswer(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReturnSelfInspectionAnswerInput,
) {
  const user = requireParticipant(actor, 'bureau')
  await runAnswerAction(deps, user, id, 'return', input.version, async ({ tx, row }) => {
    const items = new Set((await q.findItems(tx, row.task_id)).map((i) => i.id))
    if (input.itemNotes.some((n) => !items.has(n.itemId))) throw new AppError('SELF_INSPECTION_ITEM_UNKNOWN')
    await q.setReturnNotes(tx, row.id, new Map(input.itemNotes.map((n) => [n.itemId, n.note])))
    await tellHeads(deps, tx, [row.department_id], 'self_inspections.returned', {
      title: row.title,
      note: input.note,
    })
    return {
      changes: { review_note: input.note },
      event: { note: input.note },
      audit: { note: input.note, itemNotes: input.itemNotes.length },
    }
  })
  return getAnswer(deps, user, id)
}

/**
 * The bureau accepts the copy: each problem becomes an open rectification with its plan.
 * Refuses: NOT_FOUND, FORBIDDEN, SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW, VERSION_CONFLICT.
 */
export async function acceptAnswer(deps: AppDeps, actor: Actor, id: string, version: number) {
  const user = requireParticipant(actor, 'bureau')
  await runAnswerAction(deps, user, id, 'accept', version, async ({ tx, row, now }) => {
    const opened = await q.insertRectificationsOfAnswer(tx, row.id, row.department_id)
    await tellHeads(deps, tx, [row.department_id], 'self_inspections.accepted', {
      title: row.title,
      rectifications: String(opened),
    })
    return { changes: { accepted_at: now, review_note: null }, audit: { rectifications: opened } }
  })
  return getAnswer(deps, user, id)
}

// ── evidence files ───────────────────────────────────────────────────────────

/**
 * Stores one evidence file for a copy of the caller's department (for its findings or a
 * rectification). Refuses: NOT_FOUND, FORBIDDEN (the bureau does not upload), ATTACHMENT_REJECTED.
 */
export async function uploadFile(
  deps: AppDeps,
  actor: Actor,
  answerId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<EvidenceFile> {
  const user = requireParticipant(actor, 'department')
  const row = await q.findAnswer(deps.db, answerId)
  const roles = row ? rolesOn(user, row.department_id) : []
  if (!row || !roles.length) throw notFound()
  if (!roles.includes('head') && !roles.includes('handler')) throw new AppError('FORBIDDEN')
  const upload = acceptUpload(file)
  return deps.db.transaction().execute(async (tx) => {
    const stored = await q.insertFile(tx, { ...upload, answerId, by: user.userId })
    await writeAudit(tx, user, {
      action: 'self_inspection_file.upload',
      entityType: 'self_inspection_answer',
      entityId: answerId,
      after: { fileId: stored.id, fileName: stored.file_name, sha256: upload.sha256 },
    })
    return presentFile(stored)
  })
}

/** A file of a copy the caller holds. Refuses: NOT_FOUND. */
export async function downloadFile(deps: AppDeps, actor: Actor, id: string) {
  const user = requireParticipant(actor, 'any')
  const file = await q.findFile(deps.db, id)
  const answer = file ? await q.findAnswer(deps.db, file.answer_id) : undefined
  if (!file || !answer || !rolesOn(user, answer.department_id).length) throw notFound()
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}

// ── rectifications ───────────────────────────────────────────────────────────

/** Rectifications the caller holds (the bureau: every one). Refuses: FORBIDDEN. */
export async function listRectifications(deps: AppDeps, actor: Actor, input: RectificationListInput) {
  const user = requireParticipant(actor, 'any')
  const departmentIds = departmentScope(user, input.departmentId)
  const today = cityToday(deps)
  const rows = await q.findRectifications(deps.db, {
    departmentIds,
    status: input.status,
    overdueOn: input.overdue === 'true' ? today : undefined,
  })
  return { items: rows.map((r) => presentRectification(r, today)) }
}

async function getRectification(deps: AppDeps, id: string) {
  const row = await q.findRectification(deps.db, id)
  if (!row) throw notFound()
  return presentRectification(row, cityToday(deps))
}

/**
 * The department reports a rectification done with what was done and evidence.
 * Refuses: NOT_FOUND, FORBIDDEN (the bureau), SELF_INSPECTION_RECTIFICATION_NOT_OPEN, VERSION_CONFLICT,
 * SELF_INSPECTION_FILE_UNKNOWN.
 */
export async function markRectificationDone(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: MarkRectificationDoneInput,
) {
  const user = requireParticipant(actor, 'department')
  await runRectificationAction(deps, user, id, 'mark_done', input.version, async ({ tx, row, now }) => {
    const files = new Set((await q.findFiles(tx, row.answer_id)).map((f) => f.id))
    if (input.evidenceIds.some((e) => !files.has(e))) throw new AppError('SELF_INSPECTION_FILE_UNKNOWN')
    return {
      changes: { done_note: input.note, done_evidence_ids: [...new Set(input.evidenceIds)], done_at: now },
      event: { note: input.note },
      audit: { note: input.note, evidence: input.evidenceIds.length },
    }
  })
  return getRectification(deps, id)
}

/** The bureau confirms a rectification reported done. Refuses: NOT_FOUND, FORBIDDEN, …_NOT_DONE, VERSION_CONFLICT. */
export async function confirmRectification(deps: AppDeps, actor: Actor, id: string, version: number) {
  const user = requireParticipant(actor, 'bureau')
  await runRectificationAction(deps, user, id, 'confirm', version, async ({ now }) => ({
    changes: { confirmed_at: now },
  }))
  return getRectification(deps, id)
}

/**
 * The bureau sends a rectification reported done back to open, with a note; the heads are told.
 * Refuses: NOT_FOUND, FORBIDDEN, SELF_INSPECTION_RECTIFICATION_NOT_DONE, VERSION_CONFLICT.
 */
export async function reopenRectification(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReopenRectificationInput,
) {
  const user = requireParticipant(actor, 'bureau')
  await runRectificationAction(deps, user, id, 'reopen', input.version, async ({ tx, row }) => {
    await tellHeads(deps, tx, [row.department_id], 'self_inspections.rectification_reopened', {
      title: row.task_title,
      note: input.note,
    })
    return { changes: { done_at: null }, event: { note: input.note }, audit: { note: input.note } }
  })
  return getRectification(deps, id)
}

// ── reminders ────────────────────────────────────────────────────────────────

/**
 * Reminds the heads of each department that still owes its copy when the deadline is near (once per
 * copy; REMIND_WITHIN_WORKING_DAYS working days by the kernel calendar). Answers how many were reminded.
 */
export async function remindNearDeadlines(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const today = cityToday(deps, now)
  const calendar = await deps.calendar.calendar(deps.db)
  const isWorkingDay = (date: string) => calendar.isWorkingDay(date)
  // Three working days are never more than three weeks of calendar days (the longest holiday is a week).
  const candidates = await q.findAnswersToRemind(deps.db, addDays(today, 21))
  const system = systemActor('self-inspection reminders')
  let reminded = 0
  for (const c of candidates) {
    if (
      !shouldRemind(
        isWorkingDay,
        { status: c.status, remindedAt: c.reminded_at, deadline: c.deadline },
        today,
      )
    )
      continue
    await deps.db.transaction().execute(async (tx) => {
      if (!(await q.markReminded(tx, c.id, now))) return
      await tellHeads(deps, tx, [c.department_id], 'self_inspections.deadline_near', {
        title: c.title,
        deadline: c.deadline,
      })
      await q.insertAnswerEvent(tx, c.id, {
        type: 'remind',
        actorUserId: null,
        actorRole: 'system',
        departmentId: c.department_id,
        note: null,
        noteAudience: 'internal',
        data: { deadline: c.deadline },
        audience: 'internal',
      })
      await writeAudit(tx, system, {
        action: 'self_inspection_answer.remind',
        entityType: 'self_inspection_answer',
        entityId: c.id,
        after: { deadline: c.deadline },
      })
      reminded++
    })
  }
  return reminded
}
