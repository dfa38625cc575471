import { requireRole, type Actor } from '../../kernel/auth/actor'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { runApplicationAction, type ApplicationContext, type ApplicationOutcome } from './application-action'
import { decideApplication } from './application-decision'
import { getStaffApplication } from './applications-queue.service'
import * as sq from './applications-staff.queries'
import type { ReviewTaskRow } from './applications-staff.queries'
import { progressReview, previousStage, type ReviewTask } from './review-progress'
import type { DecideTaskInput, DelegateTaskInput, StaffApplication } from './services.schema'

/**
 * Review steps (审查环节) of an accepted application, by staff of the matter's department holding the
 * step's role: claim, give back, pass on to a colleague, decide (approve, refuse, return to the
 * previous stage). Each is the table's `review` move (to: the same state while steps remain, approved
 * or refused at the end), so it is locked, checked, on the timeline and audited like any move.
 *
 * Refusals: FORBIDDEN (not a handler or head anywhere; the table's roles), NOT_FOUND (not of the
 * matter's department, no such task),
 * APPLICATION_NOT_UNDER_REVIEW (not accepted), REVIEW_TASK_WRONG_ROLE, REVIEW_TASK_NOT_OPEN,
 * REVIEW_TASK_HELD_BY_OTHER, REVIEW_TASK_NOT_YOURS, REVIEW_NO_PREVIOUS_STAGE, REVIEW_DELEGATE_INVALID.
 */

type TaskWork = (
  ctx: ApplicationContext & { userId: string },
  task: ReviewTaskRow,
  tasks: ReviewTaskRow[],
) => Promise<ApplicationOutcome>

async function onTask(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
  taskId: string,
  work: TaskWork,
): Promise<StaffApplication> {
  const user = requireRole(actor, 'handler', 'department_head')
  await runApplicationAction(deps, user, applicationId, 'review', async (ctx) => {
    const tasks = await sq.findReviewTasks(ctx.tx, ctx.row.id)
    const task = tasks.find((t) => t.id === taskId)
    if (!task) throw notFound()
    if (ctx.roles === 'system' || !ctx.roles.includes(task.role)) throw new AppError('REVIEW_TASK_WRONG_ROLE')
    return work({ ...ctx, userId: user.userId }, task, tasks)
  })
  return getStaffApplication(deps, user, applicationId)
}

const step = (task: ReviewTaskRow) => ({ task: task.id, step: task.step_key, stage: task.stage })

/** An open step becomes the caller's (claiming one already theirs changes nothing). */
export function claimTask(deps: AppDeps, actor: Actor, applicationId: string, taskId: string) {
  return onTask(deps, actor, applicationId, taskId, async (ctx, task) => {
    if (task.status === 'claimed' && task.assignee_id !== ctx.userId)
      throw new AppError('REVIEW_TASK_HELD_BY_OTHER')
    if (task.status !== 'open' && task.status !== 'claimed') throw new AppError('REVIEW_TASK_NOT_OPEN')
    await sq.setTaskAssignee(ctx.tx, task.id, 'claimed', ctx.userId)
    return { event: { data: { op: 'claim', ...step(task) } }, audit: { op: 'claim', ...step(task) } }
  })
}

/** The holder gives a step back to the department (anyone of the role may claim it again). */
export function unclaimTask(deps: AppDeps, actor: Actor, applicationId: string, taskId: string) {
  return onTask(deps, actor, applicationId, taskId, async (ctx, task) => {
    if (task.status !== 'claimed' || task.assignee_id !== ctx.userId)
      throw new AppError('REVIEW_TASK_NOT_YOURS')
    await sq.setTaskAssignee(ctx.tx, task.id, 'open', null)
    return { event: { data: { op: 'unclaim', ...step(task) } }, audit: { op: 'unclaim', ...step(task) } }
  })
}

/**
 * The holder of a step (or whoever could claim it while it is open) passes it to a named colleague
 * holding the step's role in the department; a department head may pass on any undecided step.
 */
export function delegateTask(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
  taskId: string,
  input: DelegateTaskInput,
) {
  return onTask(deps, actor, applicationId, taskId, async (ctx, task) => {
    if (task.status !== 'open' && task.status !== 'claimed') throw new AppError('REVIEW_TASK_NOT_OPEN')
    const isHead = ctx.roles !== 'system' && ctx.roles.includes('department_head')
    if (task.status === 'claimed' && task.assignee_id !== ctx.userId && !isHead)
      throw new AppError('REVIEW_TASK_NOT_YOURS')
    const colleague = await sq.findColleague(ctx.tx, input.assigneeId, task.role, ctx.row.department_id!)
    if (!colleague)
      throw new AppError('REVIEW_DELEGATE_INVALID', {
        fields: { assigneeId: 'services.review.delegateInvalid' },
      })
    await sq.setTaskAssignee(ctx.tx, task.id, 'claimed', colleague.id)
    const data = { op: 'delegate', ...step(task), to: colleague.id, toName: colleague.display_name }
    return { event: { data, ...(input.note ? { note: input.note } : {}) }, audit: data }
  })
}

/**
 * A decision on a step the caller holds (an open one is claimed on the way). The last approval
 * approves the application; a refusal by a step that may decide refuses it with reason and legal
 * basis; a return reopens the previous stage with its note.
 */
export function decideTask(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
  taskId: string,
  input: DecideTaskInput,
) {
  return onTask(deps, actor, applicationId, taskId, async (ctx, task, tasks) => {
    if (task.status === 'claimed' && task.assignee_id !== ctx.userId)
      throw new AppError('REVIEW_TASK_HELD_BY_OTHER')
    if (task.status !== 'open' && task.status !== 'claimed') throw new AppError('REVIEW_TASK_NOT_OPEN')
    const progressTasks: ReviewTask[] = tasks.map((t) => ({
      id: t.id,
      stage: t.stage,
      role: t.role,
      status: t.status,
      outcome: t.outcome,
      assigneeId: t.assignee_id,
      decidedBy: t.decided_by,
    }))
    if (input.outcome === 'return' && previousStage(progressTasks, task.stage) === null)
      throw new AppError('REVIEW_NO_PREVIOUS_STAGE')
    const progress = progressReview(progressTasks, {
      taskId: task.id,
      outcome: input.outcome,
      by: ctx.userId,
    })
    const note = input.note ?? input.reason ?? null
    await sq.updateReviewTasks(ctx.tx, progress.changes, {
      by: ctx.userId,
      at: ctx.now,
      note,
      taskId: task.id,
    })
    const data = { op: 'decide', ...step(task), outcome: input.outcome, openedStage: progress.openedStage }
    if (progress.result === 'continue') return { event: { data, note }, audit: data }
    const decision = await decideApplication(ctx, {
      outcome: progress.result === 'approved' ? 'approve' : 'refuse',
      reason: progress.result === 'approved' ? (input.note ?? null) : input.reason!,
      legalBasis: progress.result === 'approved' ? null : input.legalBasis!,
    })
    return {
      ...decision,
      event: { ...decision.event, data: { ...decision.event?.data, ...data } },
      audit: { ...decision.audit, ...data },
    }
  })
}

/** 归档: a finished application is filed (archived_at); the state stays. Staff of the department. */
export async function archiveApplication(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
): Promise<StaffApplication> {
  const user = requireRole(actor, 'handler', 'department_head')
  await runApplicationAction(deps, user, applicationId, 'archive', async ({ row, now }) => {
    if (row.archived_at) return { audit: { alreadyArchived: true } }
    return { changes: { archived_at: now } }
  })
  return getStaffApplication(deps, user, applicationId)
}
