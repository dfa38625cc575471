import crypto from 'node:crypto'
import { requireRole, requireSignedIn, systemActor, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { assertCanSee, holdingOf, requireViewer } from './appeal-access'
import {
  notifyEnterprise,
  notifyStaff,
  runAction,
  runSystemAction,
  type ActionContext,
} from './appeal-action'
import { startAppealClock, voidAppealClocks } from './appeal-clock-store.service'
import { startCoHandlerClocks } from './appeals-co-handling.service'
import { ratingOutcome } from './appeal-states'
import { appealStage } from './appeal-rateable'
import { recordCaseRating } from '../ratings'
import { findAssignments } from './appeal-assignments.queries'
import { endOpenPause } from './appeal-pauses.queries'
import { insertRating } from './appeal-ratings.queries'
import { findAppeal, type AppealRow } from './appeal-row.queries'
import { insertEvent } from './appeal-timeline.queries'
import {
  completeReturnVisit,
  findPendingVisitOf,
  findReturnVisitForUpdate,
  findReturnVisits,
  insertReturnVisit,
  lockAutoClosable,
} from './appeals-closing.queries'

/**
 * The enterprise closes the loop: it confirms and rates the answer, or finds it unsolved and the
 * appeal reopens. Nobody else can close an answered appeal as solved; a reply left unanswered closes
 * as "no rating", never as satisfied. Return visits come from the task force, never the department.
 */

/**
 * Refuses: FORBIDDEN (not an enterprise user of the appeal), NOT_FOUND, APPEAL_NOT_CONFIRMABLE,
 * VALIDATION_FAILED (“solved” without a level).
 */
export async function rateAnswer(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { solved: boolean; level: number | null; comment: string | null },
) {
  if (input.solved && input.level === null)
    throw new AppError('VALIDATION_FAILED', { fields: { level: translate('appeals.levelRequired') } })
  const outcome = ratingOutcome(input)
  return runAction(deps, actor, id, outcome, async (ctx) => {
    await insertRating(ctx.tx, {
      appealId: id,
      cycle: ctx.appeal.cycle,
      solved: input.solved,
      level: input.level,
      comment: input.comment,
      by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    })
    // The one rating model (issue 13): the same rating, one row per answer cycle, in this transaction.
    if (input.level !== null && ctx.actor.kind === 'user')
      await recordCaseRating(ctx.tx, ctx.actor, {
        subjectType: 'appeal',
        subjectId: id,
        stage: appealStage(ctx.appeal.cycle),
        enterpriseId: ctx.appeal.enterprise_id,
        departmentId: ctx.holding.leadDepartmentId,
        level: input.level,
        comment: input.comment,
      })
    // The enterprise's own words: both sides read them.
    const event = {
      note: input.comment,
      noteAudience: 'enterprise' as const,
      data: { solved: input.solved, level: input.level },
      audience: 'enterprise' as const,
    }
    const latest = { latest_solved: input.solved, latest_level: input.level }
    if (outcome === 'confirm') {
      await sampleReturnVisit(ctx, input.level !== null && input.level <= 3 ? 'low_rating' : 'random')
      return {
        changes: { ...latest, close_reason: 'solved', closed_at: ctx.now, auto_close_at: null },
        event,
        audit: { solved: true, level: input.level },
      }
    }
    // Reopen: a new cycle with a new resolution clock, the original dispatch time kept for the figures.
    const cycle = ctx.appeal.cycle + 1
    const lead = ctx.holding.leadDepartmentId
    await startAppealClock(ctx.env, {
      appealId: id,
      kind: 'resolution',
      cycle,
      tier: ctx.appeal.tier,
      departmentId: lead,
    })
    // The co-handlers owe a part of the new answer too.
    for (const a of (await findAssignments(ctx.tx, id)).filter((a) => a.is_current && a.role === 'co'))
      await startCoHandlerClocks(
        ctx,
        { id: a.id, departmentId: a.department_id },
        { cycle, tier: ctx.appeal.tier, signFor: false },
      )
    await notifyStaff(ctx, lead ? [lead] : null, ['handler', 'department_head'], {
      template: 'appeal.reopened',
      params: { number: ctx.appeal.number },
    })
    return {
      changes: {
        ...latest,
        cycle,
        reopen_count: ctx.appeal.reopen_count + 1,
        replied_at: null,
        auto_close_at: null,
      },
      event,
      audit: { solved: input.solved, level: input.level, reopened: true },
    }
  })
}

/** Withdrawn before an answer, with a reason; listed per department for audit. Refuses: FORBIDDEN, NOT_FOUND, APPEAL_NOT_WITHDRAWABLE. */
export async function withdrawAppeal(deps: AppDeps, actor: Actor, id: string, input: { reason: string }) {
  return runAction(deps, actor, id, 'withdraw', async (ctx) => {
    await endOpenPause(ctx.tx, id, ctx.now, null)
    await voidAppealClocks(ctx.env, id)
    const lead = ctx.holding.leadDepartmentId
    if (lead)
      await notifyStaff(ctx, [lead], ['handler', 'department_head'], {
        template: 'appeal.withdrawn',
        params: { number: ctx.appeal.number, reason: input.reason },
      })
    return {
      changes: { close_reason: 'withdrawn', closed_at: ctx.now, status_reason: input.reason },
      event: { note: input.reason, noteAudience: 'enterprise', departmentId: lead, audience: 'enterprise' },
      audit: { reason: input.reason, leadDepartmentId: lead },
    }
  })
}

/** Job: replies nobody rated close as "no rating" once their working days are up. */
export async function closeUnratedReplies(deps: AppDeps, now = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const due = await lockAutoClosable(tx, now, 200)
    for (const appeal of due) {
      await runSystemAction(
        deps,
        tx,
        systemActor('auto-close'),
        appeal,
        'close_without_rating',
        async (ctx) => {
          await notifyEnterprise(ctx, 'appeal.auto_closed', {})
          await sampleReturnVisit(ctx, 'no_rating')
          return {
            changes: { close_reason: 'no_rating', closed_at: ctx.now, auto_close_at: null },
            event: { audience: 'enterprise' },
          }
        },
      )
    }
    return due.length
  })
}

/**
 * Draws the appeal for a return visit: always after a low or missing rating, otherwise at the sample
 * rate. The visit is a survey the enterprise answers in the app; sending it is an unsolicited contact,
 * so it goes through the contact cap (deferred, never dropped, when the enterprise had enough).
 */
async function sampleReturnVisit(ctx: ActionContext, reason: 'random' | 'low_rating' | 'no_rating') {
  if (reason === 'random' && crypto.randomInt(0, 1_000_000) >= ctx.settings.returnVisitSampleRate * 1_000_000)
    return
  const visit = await insertReturnVisit(ctx.tx, {
    appealId: ctx.appeal.id,
    cycle: ctx.appeal.cycle,
    reason,
  })
  if (!visit) return
  await ctx.deps.notifier.enqueue(ctx.tx, {
    recipient: { enterpriseId: ctx.appeal.enterprise_id },
    template: 'appeal.return_visit',
    params: { number: ctx.appeal.number },
    channels: ['inbox', 'sms'],
  })
}

async function recordVisit(
  tx: Tx,
  userId: string,
  appeal: AppealRow,
  visitId: string,
  outcome: {
    status: 'done' | 'unreachable'
    solved: boolean | null
    level: number | null
    note: string | null
  },
) {
  await completeReturnVisit(tx, visitId, { ...outcome, by: userId })
  await insertEvent(tx, {
    appealId: appeal.id,
    type: 'return_visit',
    actorUserId: userId,
    actorRole: null,
    note: outcome.note,
    data: { status: outcome.status, solved: outcome.solved, level: outcome.level },
    audience: 'internal',
  })
}

/** The enterprise answers the return-visit survey of its appeal. Refuses: NOT_FOUND (no visit pending). */
export async function answerReturnVisit(
  deps: AppDeps,
  actor: Actor,
  appealId: string,
  input: { solved: boolean; level: number | null; comment: string | null },
) {
  const user = requireSignedIn(actor)
  return deps.db.transaction().execute(async (tx) => {
    const viewer = await requireViewer(tx, user)
    if (viewer.kind !== 'enterprise') throw new AppError('FORBIDDEN')
    const appeal = await findAppeal(tx, appealId)
    if (!appeal) throw notFound()
    assertCanSee(viewer, appeal, await holdingOf(tx, appealId))
    const visit = await findPendingVisitOf(tx, appealId)
    if (!visit) throw notFound()
    await recordVisit(tx, user.userId, appeal, visit.id, {
      status: 'done',
      solved: input.solved,
      level: input.level,
      note: input.comment,
    })
    await writeAudit(tx, user, {
      action: 'appeal.answer_return_visit',
      entityType: 'appeal',
      entityId: appealId,
      after: { solved: input.solved, level: input.level },
    })
    return { ok: true as const }
  })
}

/**
 * The task force records a visit made by phone. The call is a contact like any message, answered or
 * not, so it counts against the enterprise's contact cap.
 * Refuses: FORBIDDEN, NOT_FOUND, RETURN_VISIT_ALREADY_DONE, CONTACT_CAP_REACHED (the enterprise has had
 * its share of contacts this week: call after the time the error names).
 */
export async function recordReturnVisit(
  deps: AppDeps,
  actor: Actor,
  visitId: string,
  input: {
    status: 'done' | 'unreachable'
    solved: boolean | null
    level: number | null
    note: string | null
  },
) {
  const dispatcher = requireRole(actor, 'dispatcher')
  return deps.db.transaction().execute(async (tx) => {
    const visit = await findReturnVisitForUpdate(tx, visitId)
    if (!visit) throw notFound()
    if (visit.status !== 'pending') throw new AppError('RETURN_VISIT_ALREADY_DONE')
    const appeal = (await findAppeal(tx, visit.appeal_id))!
    const calendar = await deps.calendar.calendar(tx)
    await deps.notifier.recordManualContact(tx, {
      enterpriseId: appeal.enterprise_id,
      template: 'appeal.return_visit_call',
      params: { number: appeal.number },
      timeZone: calendar.timeZone,
    })
    await recordVisit(tx, dispatcher.userId, appeal, visitId, input)
    await writeAudit(tx, dispatcher, {
      action: 'appeal.record_return_visit',
      entityType: 'appeal',
      entityId: appeal.id,
      after: input,
    })
    if (input.solved === false) {
      await notifyStaff({ deps, tx, appeal }, null, ['dispatcher'], {
        template: 'appeal.visit_unsolved',
        params: { number: appeal.number },
      })
    }
    return { ok: true as const }
  })
}

export async function listReturnVisits(
  deps: AppDeps,
  actor: Actor,
  status: 'pending' | 'done' | 'unreachable' | undefined,
) {
  requireRole(actor, 'dispatcher', 'bureau_leader')
  const rows = await findReturnVisits(deps.db, status, 200)
  return rows.map((r) => ({
    id: r.id,
    appealId: r.appeal_id,
    appealNumber: r.number,
    enterpriseName: r.enterprise_name,
    sampleReason: r.sample_reason,
    status: r.status,
    sampledAt: r.sampled_at.toISOString(),
    solved: r.solved,
    level: r.level,
    note: r.note,
  }))
}
