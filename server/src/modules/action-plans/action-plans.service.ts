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
import { openSupervisionCase } from '../supervision'
import { staffToNotify } from '../users'
import type {
  AcceptPlanTaskInput,
  CreatePlanAreaInput,
  CreatePlanTaskInput,
  PlanArea,
  PlanEvidenceFile,
  PlanTask,
  PlanTaskListInput,
  PlanTaskSummary,
  PublicActionPlan,
  ReportPlanTaskProgressInput,
  ReturnPlanTaskInput,
  SubmitPlanTaskInput,
} from './action-plans.schema'
import './action-plans.messages'
import * as q from './action-plans.queries'
import type { PlanTaskRow } from './action-plans.queries'
import { actionPlanFigures } from './action-plans.figures'
import { isPlanTaskOverdue, shouldEscalate, shouldRemind } from './plan-task-deadlines'
import { ownerScope, requireParticipant, rolesOn, runPlanTaskAction } from './plan-task-action'
import { PLAN_TASK_TABLE, type PlanTaskState } from './plan-task-states'

/**
 * The action plan (行动方案): the bureau writes the plan as areas → tasks with owner units; the owner
 * unit reports progress and submits a task done with evidence; the bureau accepts or returns it; a
 * sweep reminds before the deadline and escalates an overdue task to the supervision ladder; anyone
 * reads the public view. Permissions first in every function; every change in one transaction and
 * audited (the case kit for the moves).
 */

async function tellOwnerUnit(
  deps: AppDeps,
  tx: Tx,
  departmentId: string,
  template: string,
  params: Record<string, string>,
) {
  const staff = await staffToNotify(tx, [departmentId], ['department_head', 'handler'])
  await notifyEach(deps.notifier, tx, staff, { template, params })
}

// ── areas ────────────────────────────────────────────────────────────────────

/** The bureau adds an area at the end of the plan. Refuses: FORBIDDEN, PLAN_AREA_NAME_TAKEN. */
export async function createArea(deps: AppDeps, actor: Actor, input: CreatePlanAreaInput): Promise<PlanArea> {
  const user = requireParticipant(actor, 'bureau')
  return deps.db.transaction().execute(async (tx) => {
    const area = await q.insertArea(tx, { name: input.name, summary: input.summary })
    if (!area) throw new AppError('PLAN_AREA_NAME_TAKEN')
    await writeAudit(tx, user, {
      action: 'action_plan_area.create',
      entityType: 'action_plan_area',
      entityId: area.id,
      after: { name: area.name, position: area.position },
    })
    return area
  })
}

// ── tasks ────────────────────────────────────────────────────────────────────

/**
 * The bureau adds a task to an area, owned by a department; the unit's heads and handlers are told.
 * Refuses: FORBIDDEN, PLAN_AREA_UNKNOWN, PLAN_TASK_OWNER_UNKNOWN, PLAN_TASK_DEADLINE_PAST.
 */
export async function createTask(deps: AppDeps, actor: Actor, input: CreatePlanTaskInput): Promise<PlanTask> {
  const user = requireParticipant(actor, 'bureau')
  const now = new Date()
  if (!(await q.findArea(deps.db, input.areaId))) throw new AppError('PLAN_AREA_UNKNOWN')
  if (!(await q.departmentExists(deps.db, input.ownerDepartmentId)))
    throw new AppError('PLAN_TASK_OWNER_UNKNOWN')
  if (input.deadline < cityToday(deps, now)) throw new AppError('PLAN_TASK_DEADLINE_PAST')
  const id = await deps.db.transaction().execute(async (tx) => {
    const taskId = await q.insertTask(tx, { ...input, createdBy: user.userId, at: now })
    await q.insertTaskEvent(tx, taskId, {
      type: 'create',
      actorUserId: user.userId,
      actorRole: 'bureau',
      departmentId: input.ownerDepartmentId,
      note: null,
      noteAudience: 'internal',
      data: { deadline: input.deadline },
      audience: 'internal',
    })
    await tellOwnerUnit(deps, tx, input.ownerDepartmentId, 'action_plans.assigned', {
      title: input.title,
      deadline: input.deadline,
    })
    await writeAudit(tx, user, {
      action: 'plan_task.create',
      entityType: 'plan_task',
      entityId: taskId,
      after: {
        areaId: input.areaId,
        title: input.title,
        ownerDepartmentId: input.ownerDepartmentId,
        deadline: input.deadline,
      },
    })
    return taskId
  })
  return getTask(deps, user, id)
}

const presentSummaryRow = definePresenter({
  id: 'id',
  areaId: 'area_id',
  areaName: 'area_name',
  title: 'title',
  expectedOutput: 'expected_output',
  ownerDepartmentId: 'owner_department_id',
  ownerDepartmentName: 'owner_department_name',
  deadline: 'deadline',
  status: 'status',
  progress: 'progress',
  submittedAt: 'submitted_at',
  acceptedAt: 'accepted_at',
  version: 'version',
})

function presentSummary(row: PlanTaskRow, today: string): PlanTaskSummary {
  return {
    ...presentSummaryRow(row),
    overdue: isPlanTaskOverdue(row.status, row.deadline, today),
    escalated: row.escalated_at !== null,
  }
}

/** Tasks the caller holds (the bureau: every one), filtered. Refuses: FORBIDDEN (no unit role). */
export async function listTasks(deps: AppDeps, actor: Actor, input: PlanTaskListInput) {
  const user = requireParticipant(actor, 'any')
  const today = cityToday(deps)
  const rows = await q.findTasks(deps.db, {
    departmentIds: ownerScope(user, input.ownerDepartmentId),
    status: input.status,
    areaId: input.areaId,
    overdueOn: input.overdue === 'true' ? today : undefined,
  })
  return { items: rows.map((r) => presentSummary(r, today)) }
}

function presentFile(row: {
  id: string
  file_name: string
  content_type: string
  size_bytes: number
}): PlanEvidenceFile {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes }
}

const presentReport = definePresenter({
  id: 'id',
  kind: 'kind',
  percent: 'percent',
  text: 'text',
  evidenceIds: 'evidence_ids',
  reportedByName: 'reported_by_name',
  reportedAt: 'reported_at',
})

/** One task the caller holds: its reports, evidence and timeline. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getTask(deps: AppDeps, actor: Actor, id: string): Promise<PlanTask> {
  const user = requireParticipant(actor, 'any')
  const row = await q.findTask(deps.db, id)
  const roles = row ? rolesOn(user, row.owner_department_id) : []
  if (!row || !roles.length) throw notFound()
  const [reports, files, events] = await Promise.all([
    q.findReports(deps.db, id),
    q.findFiles(deps.db, id),
    q.findTaskEvents(deps.db, id),
  ])
  const table = PLAN_TASK_TABLE
  return {
    ...presentSummary(row, cityToday(deps)),
    description: row.description,
    reviewNote: row.review_note,
    supervisionCaseId: row.supervision_case_id,
    reports: reports.map(presentReport),
    files: files.map(presentFile),
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

async function requireOwnFiles(tx: Tx, taskId: string, evidenceIds: readonly string[]) {
  const files = new Set((await q.findFiles(tx, taskId)).map((f) => f.id))
  if (evidenceIds.some((e) => !files.has(e))) throw new AppError('PLAN_TASK_FILE_UNKNOWN')
  return [...new Set(evidenceIds)]
}

/**
 * The owner unit reports progress: a percent below 100, what was done, evidence.
 * Refuses: NOT_FOUND, FORBIDDEN (the bureau), PLAN_TASK_NOT_REPORTABLE, VERSION_CONFLICT,
 * PLAN_TASK_FILE_UNKNOWN.
 */
export async function reportProgress(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReportPlanTaskProgressInput,
) {
  const user = requireParticipant(actor, 'unit')
  await runPlanTaskAction(deps, user, id, 'report', input.version, async ({ tx, row, now }) => {
    const evidenceIds = await requireOwnFiles(tx, row.id, input.evidenceIds)
    await q.insertReport(tx, {
      taskId: row.id,
      kind: 'progress',
      percent: input.percent,
      text: input.text,
      evidenceIds,
      by: user.userId,
      at: now,
    })
    return {
      changes: { progress: input.percent },
      event: { note: input.text },
      audit: { percent: input.percent, evidence: evidenceIds.length },
    }
  })
  return getTask(deps, user, id)
}

/**
 * The owner unit reports the task done with what it produced and at least one evidence file; the task
 * force hears of it. Refuses: NOT_FOUND, FORBIDDEN, PLAN_TASK_NOT_REPORTABLE, VERSION_CONFLICT,
 * PLAN_TASK_FILE_UNKNOWN.
 */
export async function submitTask(deps: AppDeps, actor: Actor, id: string, input: SubmitPlanTaskInput) {
  const user = requireParticipant(actor, 'unit')
  await runPlanTaskAction(deps, user, id, 'submit', input.version, async ({ tx, row, now }) => {
    const evidenceIds = await requireOwnFiles(tx, row.id, input.evidenceIds)
    if (!evidenceIds.length) throw new AppError('PLAN_TASK_EVIDENCE_REQUIRED')
    await q.insertReport(tx, {
      taskId: row.id,
      kind: 'completion',
      percent: 100,
      text: input.text,
      evidenceIds,
      by: user.userId,
      at: now,
    })
    const bureau = await staffToNotify(tx, null, ['dispatcher'])
    await notifyEach(deps.notifier, tx, bureau, {
      template: 'action_plans.submitted',
      params: { title: row.title, unit: row.owner_department_name },
    })
    return {
      changes: { progress: 100, submitted_at: now },
      event: { note: input.text },
      audit: { evidence: evidenceIds.length },
    }
  })
  return getTask(deps, user, id)
}

/**
 * The bureau returns the task with a note (internal: never on the public view); the unit is told.
 * Its progress goes back to the last progress report's. Refuses: NOT_FOUND, FORBIDDEN,
 * PLAN_TASK_NOT_UNDER_REVIEW, VERSION_CONFLICT.
 */
export async function returnTask(deps: AppDeps, actor: Actor, id: string, input: ReturnPlanTaskInput) {
  const user = requireParticipant(actor, 'bureau')
  await runPlanTaskAction(deps, user, id, 'return', input.version, async ({ tx, row }) => {
    const reports = await q.findReports(tx, row.id)
    const lastProgress = reports.filter((r) => r.kind === 'progress').at(-1)?.percent ?? 0
    await tellOwnerUnit(deps, tx, row.owner_department_id, 'action_plans.returned', {
      title: row.title,
      note: input.note,
    })
    return {
      changes: { review_note: input.note, progress: lastProgress },
      event: { note: input.note },
      audit: { note: input.note },
    }
  })
  return getTask(deps, user, id)
}

/** The bureau accepts the evidence: the task is done. Refuses: NOT_FOUND, FORBIDDEN, …_NOT_UNDER_REVIEW, VERSION_CONFLICT. */
export async function acceptTask(deps: AppDeps, actor: Actor, id: string, input: AcceptPlanTaskInput) {
  const user = requireParticipant(actor, 'bureau')
  await runPlanTaskAction(deps, user, id, 'accept', input.version, async ({ tx, row, now }) => {
    await tellOwnerUnit(deps, tx, row.owner_department_id, 'action_plans.accepted', { title: row.title })
    return {
      changes: { accepted_at: now, review_note: null, progress: 100 },
      event: { note: input.note ?? null },
      audit: { note: input.note ?? null },
    }
  })
  return getTask(deps, user, id)
}

// ── evidence files ───────────────────────────────────────────────────────────

/**
 * Stores one evidence file for a task of the caller's unit. Refuses: NOT_FOUND, FORBIDDEN (the bureau
 * does not upload), PLAN_TASK_NOT_REPORTABLE (reviewed or done), ATTACHMENT_REJECTED.
 */
export async function uploadFile(
  deps: AppDeps,
  actor: Actor,
  taskId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<PlanEvidenceFile> {
  const user = requireParticipant(actor, 'unit')
  const row = await q.findTask(deps.db, taskId)
  const roles = row ? rolesOn(user, row.owner_department_id) : []
  if (!row || !roles.length) throw notFound()
  if (!roles.includes('head') && !roles.includes('handler')) throw new AppError('FORBIDDEN')
  if (!PLAN_TASK_TABLE.move(row.status, 'report').ok) throw new AppError('PLAN_TASK_NOT_REPORTABLE')
  const upload = acceptUpload(file)
  return deps.db.transaction().execute(async (tx) => {
    const stored = await q.insertFile(tx, { ...upload, taskId, by: user.userId })
    await writeAudit(tx, user, {
      action: 'plan_task_file.upload',
      entityType: 'plan_task',
      entityId: taskId,
      after: { fileId: stored.id, fileName: stored.file_name, sha256: upload.sha256 },
    })
    return presentFile(stored)
  })
}

/** A file of a task the caller holds. Refuses: NOT_FOUND. */
export async function downloadFile(deps: AppDeps, actor: Actor, id: string) {
  const user = requireParticipant(actor, 'any')
  const file = await q.findFile(deps.db, id)
  const task = file ? await q.findTask(deps.db, file.task_id) : undefined
  if (!file || !task || !rolesOn(user, task.owner_department_id).length) throw notFound()
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}

// ── the public view ──────────────────────────────────────────────────────────

/** A returned task is still in progress to the public: the bureau's review is internal. */
const PUBLIC_STATUS: Record<PlanTaskState, PublicActionPlan['areas'][number]['tasks'][number]['status']> = {
  not_started: 'not_started',
  in_progress: 'in_progress',
  returned: 'in_progress',
  submitted: 'under_review',
  accepted: 'done',
}

const presentPublicTaskRow = definePresenter({
  id: 'id',
  title: 'title',
  expectedOutput: 'expected_output',
  ownerName: 'owner_department_name',
  deadline: 'deadline',
  progress: 'progress',
})

/**
 * The plan's progress for anyone, signed in or not: areas, tasks, owner units, deadlines, status,
 * progress. Built from an allow-list: no review notes, reports, evidence or staff names.
 */
export async function getPublicPlan(deps: AppDeps, now: Date = new Date()): Promise<PublicActionPlan> {
  const today = cityToday(deps, now)
  const [areas, tasks] = await Promise.all([
    q.findAreas(deps.db),
    q.findTasks(deps.db, { departmentIds: null }, 10_000),
  ])
  const publicTasks = tasks.map((t) => ({
    areaId: t.area_id,
    task: {
      ...presentPublicTaskRow(t),
      status: PUBLIC_STATUS[t.status],
      overdue: isPlanTaskOverdue(t.status, t.deadline, today),
    },
  }))
  return {
    areas: areas.map((a) => ({
      id: a.id,
      name: a.name,
      summary: a.summary,
      tasks: publicTasks.filter((t) => t.areaId === a.id).map((t) => t.task),
    })),
    totals: {
      tasks: publicTasks.length,
      done: publicTasks.filter((t) => t.task.status === 'done').length,
      overdue: publicTasks.filter((t) => t.task.overdue).length,
    },
    asOf: today,
  }
}

// ── the sweep: reminders and escalation ──────────────────────────────────────

/** How far ahead the sweep reads: five working days are never more than three weeks of calendar days. */
const LOOKAHEAD_DAYS = 21

/**
 * Reminds each owner unit once when a task's deadline is near, and escalates each task still owed
 * the day after its deadline once to the supervision ladder (source 'manual' with the task in the
 * reason, subject the owner unit: decision 0064). `now` is passed in (a sweep's pinned instant).
 * Answers how many were reminded and escalated.
 */
export async function sweepPlanTasks(
  deps: AppDeps,
  now: Date = new Date(),
): Promise<{ reminded: number; escalated: number }> {
  const today = cityToday(deps, now)
  const calendar = await deps.calendar.calendar(deps.db)
  const isWorkingDay = (date: string) => calendar.isWorkingDay(date)
  const candidates = await q.findTasksToSweep(deps.db, addDays(today, LOOKAHEAD_DAYS))
  const system = systemActor('action plan sweep')
  let reminded = 0
  let escalated = 0
  for (const c of candidates) {
    const task = {
      status: c.status,
      deadline: c.deadline,
      remindedAt: c.reminded_at,
      escalatedAt: c.escalated_at,
    }
    if (shouldEscalate(task, today)) {
      await deps.db.transaction().execute(async (tx) => {
        if (!(await q.markEscalated(tx, c.id, now))) return
        const opened = await openSupervisionCase(deps, tx, system, {
          source: 'overdue_plan_task',
          subjectType: 'plan_task',
          subjectId: c.id,
          departmentId: c.owner_department_id,
          reason: `行动方案任务逾期：「${c.title}」（完成时限 ${c.deadline}）`,
          at: now,
          data: { planTaskId: c.id, deadline: c.deadline },
        })
        await q.setSupervisionCase(tx, c.id, opened.id)
        await q.insertTaskEvent(
          tx,
          c.id,
          {
            type: 'escalate',
            actorUserId: null,
            actorRole: 'system',
            departmentId: c.owner_department_id,
            note: null,
            noteAudience: 'internal',
            data: { deadline: c.deadline, supervisionCaseId: opened.id },
            audience: 'internal',
          },
          now,
        )
        await writeAudit(tx, system, {
          action: 'plan_task.escalate',
          entityType: 'plan_task',
          entityId: c.id,
          after: { deadline: c.deadline, supervisionCaseId: opened.id },
        })
        escalated++
      })
    } else if (shouldRemind(isWorkingDay, task, today)) {
      await deps.db.transaction().execute(async (tx) => {
        if (!(await q.markReminded(tx, c.id, now))) return
        await tellOwnerUnit(deps, tx, c.owner_department_id, 'action_plans.deadline_near', {
          title: c.title,
          deadline: c.deadline,
        })
        await q.insertTaskEvent(
          tx,
          c.id,
          {
            type: 'remind',
            actorUserId: null,
            actorRole: 'system',
            departmentId: c.owner_department_id,
            note: null,
            noteAudience: 'internal',
            data: { deadline: c.deadline },
            audience: 'internal',
          },
          now,
        )
        await writeAudit(tx, system, {
          action: 'plan_task.remind',
          entityType: 'plan_task',
          entityId: c.id,
          after: { deadline: c.deadline },
        })
        reminded++
      })
    }
  }
  return { reminded, escalated }
}

// ── figures ──────────────────────────────────────────────────────────────────

/** The bureau's figures of the plan (docs/METRICS.md). Refuses: FORBIDDEN (not the bureau). */
export async function getFigures(deps: AppDeps, actor: Actor) {
  requireParticipant(actor, 'bureau')
  return actionPlanFigures(deps.db, { timeZone: deps.config.timeZone })
}
