import type { Actor } from '../../kernel/auth/actor'
import { AppError, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { Audience } from '../../kernel/timeline/audience'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import { moveClocksTo, startAppealClock, voidAppealClocks } from './appeal-clock-store.service'
import {
  notifyEnterprise,
  notifyStaff,
  runAction,
  type ActionContext,
  type ActionOutcome,
} from './appeal-action'
import type { Tier } from './appeal-settings'
import { startCoHandlerClocks } from './appeals-co-handling.service'
import { APPEAL_STATES } from './appeal-states'
import type { DispatchInput } from './appeals.schema'
import { endCurrentAssignments, insertAssignment } from './appeal-assignments.queries'
import { findClocks } from './appeal-clocks.queries'
import { findAppeal } from './appeal-row.queries'
import { insertEvent } from './appeal-timeline.queries'
import { findCategory } from './appeals-catalogue.queries'
import { findActiveDepartments, findFallbackOwner } from './appeals-departments.queries'

/**
 * The task force (专班): accept or reject what came in, merge duplicates, dispatch to the owning
 * department — or the fallback owner, or a lead with co-handlers — and arbitrate repeated returns.
 */

async function checkedCategory(
  ctx: ActionContext,
  code: string | undefined,
): Promise<{ code: string; tier: Tier } | undefined> {
  if (code === undefined) return undefined
  const category = await findCategory(ctx.tx, code)
  if (!category?.is_active)
    throw new AppError('VALIDATION_FAILED', {
      fields: { categoryCode: translate('appeals.unknownCategory') },
    })
  return { code: category.code, tier: category.default_tier }
}

/** Refuses: FORBIDDEN (not the task force), NOT_FOUND, APPEAL_NOT_ACCEPTABLE, VALIDATION_FAILED (category). */
export async function acceptAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: {
    categoryCode?: string | undefined
    tier?: Tier | undefined
    note?: string | undefined
    noteAudience?: Audience | undefined
  },
) {
  return runAction(deps, actor, id, 'accept', async (ctx) => {
    const category = await checkedCategory(ctx, input.categoryCode)
    return {
      changes: {
        ...(category ? { category_code: category.code } : {}),
        ...(input.tier ? { tier: input.tier } : {}),
      },
      event: { note: input.note ?? null, noteAudience: input.noteAudience, audience: 'enterprise' },
      audit: { categoryCode: input.categoryCode, tier: input.tier },
    }
  })
}

/** Not a valid appeal (reason required; the enterprise is told). Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_REJECTABLE. */
export async function rejectAppeal(deps: AppDeps, actor: Actor, id: string, input: { reason: string }) {
  return runAction(deps, actor, id, 'reject', async (ctx) => {
    await notifyEnterprise(ctx, 'appeal.rejected', { reason: input.reason })
    return {
      changes: { status_reason: input.reason, close_reason: 'rejected', closed_at: ctx.now },
      // The reason is what the enterprise is told: its dialog says so.
      event: { note: input.reason, noteAudience: 'enterprise', audience: 'enterprise' },
      audit: { reason: input.reason },
    }
  })
}

/**
 * A duplicate joins its original (which must still be open); the enterprise is told which number to follow.
 * Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_MERGEABLE, VALIDATION_FAILED (itself, or a closed original).
 */
export async function mergeAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { originalId: string; note?: string | undefined; noteAudience?: Audience | undefined },
) {
  return runAction(deps, actor, id, 'merge', async (ctx) => {
    if (input.originalId === id)
      throw new AppError('VALIDATION_FAILED', { fields: { originalId: translate('appeals.mergeSelf') } })
    const original = await findAppeal(ctx.tx, input.originalId)
    if (!original || APPEAL_STATES[original.status] === 'closed') {
      throw new AppError('VALIDATION_FAILED', { fields: { originalId: translate('appeals.mergeTarget') } })
    }
    await insertEvent(ctx.tx, {
      appealId: original.id,
      type: 'merged_in',
      actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      actorRole: 'dispatcher',
      data: { number: ctx.appeal.number },
      audience: 'internal',
    })
    await notifyEnterprise(ctx, 'appeal.merged', { original: original.number })
    return {
      changes: {
        merged_into: original.id,
        close_reason: 'merged',
        closed_at: ctx.now,
        status_reason: input.note ?? null,
      },
      event: {
        note: input.note ?? null,
        noteAudience: input.noteAudience,
        data: { original: original.number },
        audience: 'enterprise',
      },
      audit: { mergedInto: original.id },
    }
  })
}

async function resolveDepartments(ctx: ActionContext, leadId: string | undefined, coIds: string[]) {
  const fields: FieldErrors = {}
  let lead: { id: string; name: string } | undefined
  if (leadId) {
    lead = (await findActiveDepartments(ctx.tx, [leadId]))[0]
    if (!lead) fields.leadDepartmentId = translate('appeals.unknownDepartment')
  } else {
    lead = await findFallbackOwner(ctx.tx)
    if (!lead) fields.leadDepartmentId = translate('appeals.noFallbackOwner')
  }
  const unique = [...new Set(coIds)]
  const co = await findActiveDepartments(ctx.tx, unique)
  unique.forEach((coId, i) => {
    if (!co.some((d) => d.id === coId))
      fields[`coDepartmentIds.${i}`] = translate('appeals.unknownDepartment')
    if (lead && coId === lead.id) fields[`coDepartmentIds.${i}`] = translate('appeals.leadAlsoCo')
  })
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  return { lead: lead!, co }
}

/**
 * Gives the appeal to a lead department (and co-handlers). The first dispatch starts the first-contact
 * and resolution clocks; a re-dispatch moves them, running, to the new lead — returning a case never
 * resets its clock. Every dispatch starts a sign-for clock for the lead.
 */
async function dispatchTo(
  ctx: ActionContext,
  input: {
    leadId: string | undefined
    coIds: string[]
    tier?: Tier | undefined
    categoryCode?: string | undefined
    note?: string | undefined
    noteAudience?: Audience | undefined
    binding?: boolean
  },
): Promise<ActionOutcome> {
  const category = await checkedCategory(ctx, input.categoryCode)
  const { lead, co } = await resolveDepartments(ctx, input.leadId, input.coIds)
  const tier = input.tier ?? ctx.appeal.tier
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null
  await endCurrentAssignments(ctx.tx, ctx.appeal.id)
  // Sign-for clocks and co-handlers' parts belong to the assignments that just ended.
  await voidAppealClocks(ctx.env, ctx.appeal.id, (r) => r.kind === 'sign_for' || r.kind === 'co_part')
  const leadAssignment = await insertAssignment(ctx.tx, {
    appeal_id: ctx.appeal.id,
    department_id: lead.id,
    role: 'lead',
    dispatched_at: ctx.now,
    dispatched_by: userId,
  })
  for (const d of co) {
    const assignment = await insertAssignment(ctx.tx, {
      appeal_id: ctx.appeal.id,
      department_id: d.id,
      role: 'co',
      dispatched_at: ctx.now,
      dispatched_by: userId,
    })
    await startCoHandlerClocks(
      ctx,
      { id: assignment.id, departmentId: d.id },
      { cycle: ctx.appeal.cycle, tier, signFor: true },
    )
  }
  const isFirst = ctx.appeal.first_dispatched_at === null
  if (isFirst) {
    for (const kind of ['first_contact', 'resolution'] as const) {
      await startAppealClock(ctx.env, {
        appealId: ctx.appeal.id,
        kind,
        cycle: ctx.appeal.cycle,
        tier,
        departmentId: lead.id,
      })
    }
  } else {
    await moveClocksTo(ctx.env, ctx.appeal.id, lead.id)
  }
  await startAppealClock(ctx.env, {
    appealId: ctx.appeal.id,
    kind: 'sign_for',
    cycle: ctx.appeal.cycle,
    tier,
    departmentId: lead.id,
    assignmentId: leadAssignment.id,
  })
  const signBy = (await findClocks(ctx.tx, ctx.appeal.id)).find(
    (c) => c.assignment_id === leadAssignment.id,
  )?.due_at
  await notifyStaff(ctx, [lead.id, ...co.map((d) => d.id)], ['handler', 'department_head'], {
    template: 'appeal.dispatched',
    params: {
      number: ctx.appeal.number,
      title: ctx.appeal.title,
      due: signBy ? formatInstant(signBy, ctx.calendar.timeZone) : '-',
    },
  })
  return {
    changes: {
      tier,
      lead_department_id: lead.id,
      ...(category ? { category_code: category.code } : {}),
      ...(isFirst ? { first_dispatched_at: ctx.now } : {}),
      ...(input.binding ? { is_binding: true } : {}),
    },
    event: {
      note: input.note ?? null,
      noteAudience: input.noteAudience,
      departmentId: lead.id,
      data: { lead: lead.name, co: co.map((d) => d.name), fallback: !input.leadId },
      audience: 'enterprise',
    },
    audit: {
      leadDepartmentId: lead.id,
      coDepartmentIds: co.map((d) => d.id),
      tier,
      binding: !!input.binding,
    },
  }
}

/** Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_DISPATCHABLE, VALIDATION_FAILED (departments, category). */
export async function dispatchAppeal(deps: AppDeps, actor: Actor, id: string, input: DispatchInput) {
  return runAction(deps, actor, id, 'dispatch', (ctx) =>
    dispatchTo(ctx, {
      leadId: input.leadDepartmentId,
      coIds: input.coDepartmentIds,
      tier: input.tier,
      categoryCode: input.categoryCode,
      note: input.note,
      noteAudience: input.noteAudience,
    }),
  )
}

/** The task force decides where a repeatedly returned appeal belongs; that assignment binds. Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_IN_ARBITRATION. */
export async function arbitrateAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { departmentId: string; note: string; noteAudience: Audience },
) {
  return runAction(deps, actor, id, 'arbitrate', (ctx) =>
    dispatchTo(ctx, {
      leadId: input.departmentId,
      coIds: [],
      note: input.note,
      noteAudience: input.noteAudience,
      binding: true,
    }),
  )
}
