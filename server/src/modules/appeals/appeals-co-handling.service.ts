import type { Actor } from '../../kernel/auth/actor'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { coDepartmentOf } from './appeal-access'
import { notifyStaff, runAction, type ActionContext } from './appeal-action'
import { startAppealClock, stopAppealClocks, voidAppealClocks } from './appeal-clock-store.service'
import type { Tier } from './appeal-settings'
import * as hq from './appeals-handling.queries'
import { findAssignments, updateAssignment } from './appeal-assignments.queries'

/**
 * Co-handlers (首接负责 with 协办): each co-handling department signs for its part and submits it to the
 * lead on a clock of its own (a share of the resolution target); the lead's reply waits for every part
 * of the round, or records why it did not. Their timeliness is counted in the figures (co-handling rate).
 */

const userIdOf = (ctx: ActionContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null)

/** A co-handler's clocks for a round: sign for (once per assignment) and submit its part. */
export async function startCoHandlerClocks(
  ctx: ActionContext,
  assignment: { id: string; departmentId: string },
  input: { cycle: number; tier: Tier; signFor: boolean },
): Promise<void> {
  const kinds = input.signFor ? (['sign_for', 'co_part'] as const) : (['co_part'] as const)
  for (const kind of kinds) {
    await startAppealClock(ctx.env, {
      appealId: ctx.appeal.id,
      kind,
      cycle: input.cycle,
      tier: input.tier,
      departmentId: assignment.departmentId,
      assignmentId: assignment.id,
    })
  }
}

async function currentCoAssignment(ctx: ActionContext) {
  const department = ctx.viewer ? coDepartmentOf(ctx.viewer, ctx.holding) : undefined
  const assignments = await findAssignments(ctx.tx, ctx.appeal.id)
  const assignment = assignments.find(
    (a) => a.is_current && a.role === 'co' && a.department_id === department,
  )
  if (!assignment) throw new AppError('FORBIDDEN')
  return assignment
}

/** Refuses: FORBIDDEN (not a current co-handler), NOT_FOUND, APPEAL_NOT_SIGNABLE (already signed for). */
export async function coSignForAppeal(deps: AppDeps, actor: Actor, id: string) {
  return runAction(deps, actor, id, 'co_sign_for', async (ctx) => {
    const assignment = await currentCoAssignment(ctx)
    if (assignment.signed_at) throw new AppError('APPEAL_NOT_SIGNABLE')
    await updateAssignment(ctx.tx, assignment.id, { signed_at: ctx.now, signed_by: userIdOf(ctx) })
    await stopAppealClocks(ctx.env, id, (r) => r.kind === 'sign_for' && r.assignment_id === assignment.id)
    return { event: { departmentId: assignment.department_id } }
  })
}

/**
 * The co-handler's part of the answer, for the lead (staff only). Submitting signs for it if nobody
 * had. Refuses: FORBIDDEN, NOT_FOUND, APPEAL_PART_NOT_ACCEPTED (the lead answered or it is closed),
 * APPEAL_PART_ALREADY_SUBMITTED (one part per department per round).
 */
export async function submitCoPart(deps: AppDeps, actor: Actor, id: string, input: { body: string }) {
  return runAction(deps, actor, id, 'submit_part', async (ctx) => {
    const assignment = await currentCoAssignment(ctx)
    const part = await hq.insertCoPart(ctx.tx, {
      appealId: id,
      assignmentId: assignment.id,
      cycle: ctx.appeal.cycle,
      departmentId: assignment.department_id,
      body: input.body,
      by: userIdOf(ctx)!,
    })
    if (!part) throw new AppError('APPEAL_PART_ALREADY_SUBMITTED')
    if (!assignment.signed_at)
      await updateAssignment(ctx.tx, assignment.id, { signed_at: ctx.now, signed_by: userIdOf(ctx) })
    await stopAppealClocks(
      ctx.env,
      id,
      (r) =>
        r.assignment_id === assignment.id &&
        (r.kind === 'sign_for' || (r.kind === 'co_part' && r.cycle === ctx.appeal.cycle)),
    )
    const lead = ctx.holding.leadDepartmentId
    await notifyStaff(ctx, lead ? [lead] : null, ['handler', 'department_head'], {
      template: 'appeal.co_part_submitted',
      params: { number: ctx.appeal.number, department: assignment.department_name },
    })
    return {
      event: { departmentId: assignment.department_id, data: { partId: part.id } },
      audit: { partId: part.id, departmentId: assignment.department_id },
    }
  })
}

/**
 * Before the lead replies: every current co-handler's part of this round is in, or the lead says why
 * it answers without them. A missing part's clocks are then settled as void — neither met nor missed
 * unless already past due, when the miss stands (a waiver cannot erase a breach).
 * Refuses: APPEAL_PARTS_MISSING (parts missing and no reason). Returns the missing departments' names.
 */
export async function settleCoHandlers(
  ctx: ActionContext,
  missingPartsReason: string | undefined,
): Promise<string[]> {
  const assignments = (await findAssignments(ctx.tx, ctx.appeal.id)).filter(
    (a) => a.is_current && a.role === 'co',
  )
  if (assignments.length === 0) return []
  const parts = await hq.findCoParts(ctx.tx, ctx.appeal.id)
  const missing = assignments.filter(
    (a) => !parts.some((p) => p.assignment_id === a.id && p.cycle === ctx.appeal.cycle),
  )
  if (missing.length === 0) return []
  const names = missing.map((a) => a.department_name)
  if (!missingPartsReason) {
    throw new AppError('APPEAL_PARTS_MISSING', {
      params: { departments: names.join('、') },
      fields: { missingPartsReason: translate('appeals.missingPartsReasonRequired') },
    })
  }
  const ids = new Set(missing.map((a) => a.id))
  await voidAppealClocks(ctx.env, ctx.appeal.id, (r) => r.assignment_id !== null && ids.has(r.assignment_id))
  return names
}
