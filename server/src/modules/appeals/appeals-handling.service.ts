import type { Actor } from '../../kernel/auth/actor'
import { requireRole } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { Audience } from '../../kernel/timeline/audience'
import {
  contextFor,
  notifyEnterprise,
  notifyStaff,
  runAction,
  type ActionContext,
  type ActionOutcome,
} from './appeal-action'
import {
  extendResolution,
  meterOf,
  pauseAppealClocks,
  rowToClock,
  resumeAppealClocks,
  stopAppealClocks,
  voidAppealClocks,
} from './appeal-clock-store.service'
import { isPastBudget } from '../../kernel/cases/clock'
import { settleCoHandlers } from './appeals-co-handling.service'
import * as hq from './appeals-handling.queries'
import { APPEAL_TABLE, replyTarget, returnTarget } from './appeal-states'
import { endCurrentAssignments, findAssignments, updateAssignment } from './appeal-assignments.queries'
import { findUnlinkedAttachments, linkAttachments } from './appeal-attachments.queries'
import { findClocks } from './appeal-clocks.queries'
import {
  recordExtensionDecision,
  endOpenPause,
  findExtensions,
  insertExtension,
  insertPause,
} from './appeal-pauses.queries'
import { recordReplyDecision, insertReply } from './appeal-replies.queries'
import { findAppeal, lockAppeal } from './appeal-row.queries'
import { insertEvent } from './appeal-timeline.queries'
import { findDepartmentNames } from './appeals-departments.queries'

/** What the department holding an appeal does with it: sign for, return, pause, contact, extend, reply. */

/** An approval moves the deadline only while the appeal is still in a state an extension may be asked in. */
const EXTENDABLE_STATES: readonly string[] = APPEAL_TABLE.fromStates('request_extension')

const leadOf = (ctx: ActionContext) => ctx.holding.leadDepartmentId!
const userIdOf = (ctx: ActionContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null)

/** Refuses: FORBIDDEN (not the lead department), NOT_FOUND, APPEAL_NOT_SIGNABLE. */
export async function signForAppeal(deps: AppDeps, actor: Actor, id: string) {
  return runAction(deps, actor, id, 'sign_for', async (ctx) => {
    const assignment = (await findAssignments(ctx.tx, id)).find((a) => a.is_current && a.role === 'lead')!
    await updateAssignment(ctx.tx, assignment.id, { signed_at: ctx.now, signed_by: userIdOf(ctx) })
    await stopAppealClocks(ctx.env, id, (r) => r.kind === 'sign_for' && r.assignment_id === assignment.id)
    return { event: { departmentId: assignment.department_id, audience: 'enterprise' } }
  })
}

/**
 * A mis-routed appeal goes back to the task force with a reason. Past the return limit it goes to
 * arbitration; after arbitration it cannot be returned at all. The appeal's clocks keep running.
 * Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_RETURNABLE, APPEAL_ASSIGNMENT_BINDING.
 */
export async function returnAppeal(deps: AppDeps, actor: Actor, id: string, input: { reason: string }) {
  return runAction(deps, actor, id, 'return', async (ctx) => {
    const target = returnTarget({
      returnCount: ctx.appeal.return_count,
      maxReturns: ctx.settings.maxReturns,
      isBinding: ctx.appeal.is_binding,
    })
    if (!target.ok) throw new AppError(target.code)
    const current = (await findAssignments(ctx.tx, id)).filter((a) => a.is_current)
    const lead = current.find((a) => a.role === 'lead')!
    await updateAssignment(ctx.tx, lead.id, { returned_at: ctx.now, return_reason: input.reason })
    await endCurrentAssignments(ctx.tx, id)
    // Sign-for clocks and co-handlers' parts belong to the assignments the return just ended.
    await voidAppealClocks(ctx.env, id, (r) => r.kind === 'sign_for' || r.kind === 'co_part')
    await notifyStaff(ctx, null, ['dispatcher'], {
      template: target.to === 'arbitration' ? 'appeal.arbitration' : 'appeal.returned',
      params: { number: ctx.appeal.number, department: lead.department_name, reason: input.reason },
    })
    return {
      to: target.to,
      changes: { return_count: ctx.appeal.return_count + 1 },
      event: { note: input.reason, departmentId: lead.department_id },
      audit: {
        reason: input.reason,
        departmentId: lead.department_id,
        returnCount: ctx.appeal.return_count + 1,
      },
    }
  })
}

/** A documented pause: the clocks stop until it ends. Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_PAUSABLE. */
export async function pauseAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { reason: 'awaiting_enterprise' | 'awaiting_third_party'; note: string; noteAudience: Audience },
) {
  return runAction(deps, actor, id, 'pause', async (ctx) => {
    await insertPause(ctx.tx, {
      appealId: id,
      reason: input.reason,
      note: input.note,
      at: ctx.now,
      by: userIdOf(ctx)!,
    })
    await pauseAppealClocks(ctx.env, id, input.reason)
    if (input.reason === 'awaiting_enterprise')
      await notifyEnterprise(ctx, 'appeal.paused', { note: input.note }, true)
    return {
      event: {
        note: input.note,
        noteAudience: input.noteAudience,
        data: { reason: input.reason },
        departmentId: leadOf(ctx),
        audience: 'enterprise',
      },
      audit: { reason: input.reason },
    }
  })
}

/** Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_PAUSED. */
export async function resumeAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { note?: string | undefined; noteAudience?: Audience | undefined },
) {
  return runAction(deps, actor, id, 'resume', async (ctx) => {
    await endOpenPause(ctx.tx, id, ctx.now, userIdOf(ctx))
    await resumeAppealClocks(ctx.env, id)
    return {
      event: {
        note: input.note ?? null,
        noteAudience: input.noteAudience,
        departmentId: leadOf(ctx),
        audience: 'enterprise',
      },
    }
  })
}

/** A recorded contact: a call or a visit with a named person, or a message the platform delivers. */
export type ContactInput = {
  method: 'phone' | 'visit' | 'message'
  contactPerson?: string | undefined
  contactedAt?: string | undefined
  note: string
  noteAudience: Audience
}

/** Clocks drift a little between a phone and the server: a contact typed as "now" is not refused. */
const CLOCK_SKEW_MS = 2 * 60_000

/**
 * The department records a contact with the enterprise; the first-contact clock stops now, when it is
 * recorded — never at the time typed in, so a contact cannot be back-dated into the budget. A
 * message is sent to the enterprise by the platform (a message it received); a call or a visit names
 * the person spoken to. Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_CONTACTABLE, VALIDATION_FAILED
 * (a contact time in the future or before the dispatch).
 */
export async function recordContact(deps: AppDeps, actor: Actor, id: string, input: ContactInput) {
  return runAction(deps, actor, id, 'record_contact', async (ctx) => {
    const contactedAt = input.contactedAt ? new Date(input.contactedAt) : ctx.now
    if (contactedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS)
      throw new AppError('VALIDATION_FAILED', {
        fields: { contactedAt: translate('appeals.contactedAtFuture') },
      })
    const dispatchedAt = ctx.appeal.first_dispatched_at
    if (dispatchedAt && contactedAt.getTime() < dispatchedAt.getTime())
      throw new AppError('VALIDATION_FAILED', {
        fields: { contactedAt: translate('appeals.contactedAtBeforeDispatch') },
      })
    const department = leadOf(ctx)
    await hq.insertContact(ctx.tx, {
      appealId: id,
      cycle: ctx.appeal.cycle,
      departmentId: department,
      method: input.method,
      contactPerson: input.method === 'message' ? null : (input.contactPerson ?? null),
      contactedAt,
      note: input.note,
      noteAudience: input.noteAudience,
      by: userIdOf(ctx)!,
    })
    if (input.method === 'message') {
      const name = (await findDepartmentNames(ctx.tx, [department])).get(department) ?? ''
      await notifyEnterprise(ctx, 'appeal.contact_message', { department: name, note: input.note }, true)
    }
    await stopAppealClocks(ctx.env, id, (r) => r.kind === 'first_contact')
    return {
      changes: ctx.appeal.first_contact_at ? {} : { first_contact_at: ctx.now },
      event: {
        note: input.note,
        noteAudience: input.noteAudience,
        data: { method: input.method, contactedAt: contactedAt.toISOString() },
        departmentId: department,
        audience: 'enterprise',
      },
      audit: { method: input.method, contactedAt: contactedAt.toISOString() },
    }
  })
}

/** Whether this cycle's resolution clock has used its budget: an extension asked for then would rewrite a breach. */
async function isResolutionPastDue(ctx: ActionContext): Promise<boolean> {
  const row = (await findClocks(ctx.tx, ctx.appeal.id)).find(
    (r) => r.kind === 'resolution' && r.cycle === ctx.appeal.cycle && r.stopped_at === null,
  )
  if (!row) return false
  return isPastBudget(rowToClock(row), ctx.now, meterOf(row, ctx.calendar))
}

/**
 * The department head asks the task force for more working days; one request waits at a time, and
 * only before the deadline.
 * Refuses: FORBIDDEN (not the lead's head), NOT_FOUND, APPEAL_NOT_EXTENDABLE, CONFLICT (one is already
 * waiting), EXTENSION_TOO_LATE (the resolution deadline has passed: the breach stands).
 */
export async function requestExtension(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { workingDays: number; reason: string },
) {
  return runAction(deps, actor, id, 'request_extension', async (ctx) => {
    if ((await findExtensions(ctx.tx, id)).some((x) => x.status === 'requested'))
      throw new AppError('CONFLICT')
    if (await isResolutionPastDue(ctx)) throw new AppError('EXTENSION_TOO_LATE')
    const department = leadOf(ctx)
    const extension = await insertExtension(ctx.tx, {
      appealId: id,
      departmentId: department,
      workingDays: input.workingDays,
      reason: input.reason,
      by: userIdOf(ctx)!,
    })
    const name = (await findDepartmentNames(ctx.tx, [department])).get(department) ?? ''
    await notifyStaff(ctx, null, ['dispatcher'], {
      template: 'appeal.extension_requested',
      params: { number: ctx.appeal.number, department: name, days: input.workingDays, reason: input.reason },
    })
    return {
      event: {
        note: input.reason,
        data: { workingDays: input.workingDays, extensionId: extension.id },
        departmentId: department,
      },
    }
  })
}

/**
 * The task force decides an extension request; an approval adds working days to the resolution clock.
 * Refuses: FORBIDDEN (not the task force), NOT_FOUND, EXTENSION_ALREADY_DECIDED, APPEAL_NOT_EXTENDABLE
 * (an approval once the appeal is no longer being handled: answered, withdrawn or closed).
 */
export async function decideExtension(
  deps: AppDeps,
  actor: Actor,
  id: string,
  extensionId: string,
  input: { approve: boolean; note?: string | undefined; noteAudience?: Audience | undefined },
) {
  const dispatcher = requireRole(actor, 'dispatcher')
  return deps.db.transaction().execute(async (tx) => {
    const appeal = await lockAppeal(tx, id)
    if (!appeal) throw notFound()
    const extension = (await findExtensions(tx, id)).find((x) => x.id === extensionId)
    if (!extension) throw notFound()
    if (input.approve && !EXTENDABLE_STATES.includes(appeal.status))
      throw new AppError('APPEAL_NOT_EXTENDABLE')
    const decided = await recordExtensionDecision(tx, extensionId, {
      approve: input.approve,
      by: dispatcher.userId,
      note: input.note ?? null,
    })
    if (!decided) throw new AppError('EXTENSION_ALREADY_DECIDED')
    const ctx = await contextFor(deps, tx, dispatcher, appeal)
    if (input.approve) await extendResolution(ctx.env, id, appeal.cycle, extension.working_days)
    await insertEvent(tx, {
      appealId: id,
      type: input.approve ? 'extension_approved' : 'extension_rejected',
      actorUserId: dispatcher.userId,
      actorRole: 'dispatcher',
      departmentId: extension.department_id,
      note: input.note ?? null,
      noteAudience: input.noteAudience ?? 'internal',
      data: { workingDays: extension.working_days },
      // A longer deadline is the enterprise's business; a refused request is internal.
      audience: input.approve ? 'enterprise' : 'internal',
    })
    await writeAudit(tx, dispatcher, {
      action: input.approve ? 'appeal.approve_extension' : 'appeal.reject_extension',
      entityType: 'appeal',
      entityId: id,
      after: { extensionId, workingDays: extension.working_days },
    })
    await notifyStaff(ctx, [extension.department_id], ['department_head', 'handler'], {
      template: 'appeal.extension_decided',
      params: {
        number: appeal.number,
        decision: translate(
          input.approve ? 'appeals.decision.approved' : 'appeals.decision.rejected',
          undefined,
          'zh-CN',
        ),
      },
    })
    return findAppeal(tx, id)
  })
}

/** The answer reaches the enterprise: clocks stop, the auto-close countdown starts, the enterprise is asked to rate. */
async function deliverReply(ctx: ActionContext): Promise<ActionOutcome['changes']> {
  // The reply reaches the enterprise: a message it receives, so it also meets the first contact if that is
  // still open (docs/METRICS.md). Co-handlers' clocks were settled when the reply was written.
  await stopAppealClocks(ctx.env, ctx.appeal.id, (r) => r.kind === 'first_contact' || r.kind === 'resolution')
  await notifyEnterprise(ctx, 'appeal.replied', {}, true)
  return {
    replied_at: ctx.now,
    auto_close_at: ctx.calendar.addWorkingDays(ctx.now, ctx.settings.autoCloseWorkingDays),
    ...(ctx.appeal.first_contact_at ? {} : { first_contact_at: ctx.now }),
  }
}

/**
 * The department's answer, with attachments. With approval on, it waits for the department head.
 * Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_REPLIABLE, VALIDATION_FAILED (attachments).
 */
export async function replyToAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { body: string; attachmentIds: string[]; missingPartsReason?: string | undefined },
) {
  return runAction(deps, actor, id, 'reply', async (ctx) => {
    const owned = await findUnlinkedAttachments(ctx.tx, input.attachmentIds, userIdOf(ctx)!)
    if (owned.length !== new Set(input.attachmentIds).size) {
      throw new AppError('VALIDATION_FAILED', {
        fields: { attachmentIds: translate('appeals.attachmentsNotYours') },
      })
    }
    const missing = await settleCoHandlers(ctx, input.missingPartsReason)
    const to = replyTarget(ctx.settings.replyNeedsApproval)
    const reply = await insertReply(ctx.tx, {
      appealId: id,
      cycle: ctx.appeal.cycle,
      departmentId: leadOf(ctx),
      body: input.body,
      status: to === 'replied' ? 'approved' : 'pending_approval',
      by: userIdOf(ctx)!,
      missingPartsReason: missing.length ? input.missingPartsReason! : null,
    })
    await linkAttachments(ctx.tx, input.attachmentIds, id, reply.id)
    if (to === 'awaiting_approval') {
      await notifyStaff(ctx, [leadOf(ctx)], ['department_head'], {
        template: 'appeal.reply_pending',
        params: { number: ctx.appeal.number },
      })
      return {
        to,
        event: { departmentId: leadOf(ctx), data: { replyId: reply.id, missingParts: missing } },
      }
    }
    return {
      to,
      changes: await deliverReply(ctx),
      event: {
        departmentId: leadOf(ctx),
        data: { replyId: reply.id, missingParts: missing },
        audience: 'enterprise',
      },
    }
  })
}

/** The department head approves or sends back the pending reply. Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NO_REPLY_TO_APPROVE. */
export async function decideReply(
  deps: AppDeps,
  actor: Actor,
  id: string,
  replyId: string,
  input: { approve: boolean; note?: string | undefined; noteAudience?: Audience | undefined },
) {
  return runAction(deps, actor, id, input.approve ? 'approve_reply' : 'reject_reply', async (ctx) => {
    const decided = await recordReplyDecision(ctx.tx, replyId, {
      approve: input.approve,
      by: userIdOf(ctx)!,
      note: input.note ?? null,
    })
    if (!decided || decided.appeal_id !== id) throw new AppError('APPEAL_NO_REPLY_TO_APPROVE')
    if (!input.approve)
      await notifyStaff(ctx, [leadOf(ctx)], ['handler'], {
        template: 'appeal.reply_sent_back',
        params: { number: ctx.appeal.number, note: input.note ?? '-' },
      })
    return {
      changes: input.approve ? await deliverReply(ctx) : {},
      event: {
        note: input.note ?? null,
        noteAudience: input.noteAudience,
        departmentId: leadOf(ctx),
        audience: input.approve ? 'enterprise' : 'internal',
        data: { replyId },
      },
    }
  })
}
