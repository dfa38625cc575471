import { type Actor } from '../../kernel/auth/actor'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import { recordCaseRating } from '../ratings'
import type { AppDeps } from '../../kernel/http/app-env'
import { requireEnterpriseAccess } from '../enterprises'
import { requireDepartmentStaff } from './benefits-access'
import type { ResubmitInput, SupplementInput, DecisionInput } from './benefits.schema'
import * as q from './benefits.queries'
import {
  notifyDepartment,
  notifyEnterprise,
  runClaimAction,
  snapshotOf,
  type ClaimContext,
} from './claim-action'
import { dueAfterResume, remainingAtPause } from './claim-clock'
import { checkMaterials, checkTypedAccount, formToKeep } from './claims-intake.service'
import { requirePayableAccount } from '../settlement-accounts'
import './benefits.messages'

/**
 * The department's review of an application on the working-day clock — supplement requests (补正)
 * that stop it, the handler's recommendation (standard), the decision — and what the enterprise
 * does with its own claim: resubmit, withdraw, rate.
 */

const fmt = (deps: AppDeps, at: Date) => formatInstant(at, deps.config.timeZone)
const money = (amount: number | null) => (amount ?? 0).toFixed(2)

/** Reviewing is the paying department's work: the bureau reads claims but does not decide them. */
async function staffActor(deps: AppDeps, actor: Actor) {
  return { kind: 'staff' as const, viewer: await requireDepartmentStaff(deps.db, actor) }
}

async function enterpriseActor(deps: AppDeps, actor: Actor, enterpriseId: string) {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  return { kind: 'enterprise' as const, user, enterpriseId }
}

/**
 * The department asks for missing or better materials: the clock stops with its working minutes
 * left kept on the claim, and the enterprise is told what to supply.
 * Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_REVIEWABLE, VALIDATION_FAILED (a material the item does not ask for).
 */
export async function requestSupplement(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  input: SupplementInput,
) {
  return runClaimAction(deps, await staffActor(deps, actor), claimId, 'request_supplement', async (ctx) => {
    const known = snapshotOf(ctx.claim).requiredMaterials.map((m) => m.key)
    const fields = Object.fromEntries(
      input.materialKeys
        .map((key, i) => [i, key] as const)
        .filter(([, key]) => !known.includes(key))
        .map(([i]) => [`materialKeys.${i}`, translate('benefits.material.unknown')]),
    )
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
    const remaining = remainingAtPause(await ctx.calendar(), ctx.claim.due_at!, ctx.now)
    await notifyEnterprise(deps, ctx.tx, ctx.claim, 'benefits.supplement_requested', { note: input.note })
    return {
      changes: {
        remaining_minutes: remaining,
        supplement_count: ctx.claim.supplement_count + 1,
      },
      // What the enterprise must supply, all at once: the note is addressed to it.
      event: {
        note: input.note,
        data: { materialKeys: input.materialKeys, remainingMinutes: remaining },
        noteAudience: 'enterprise',
        audience: 'enterprise',
      },
      audit: { remainingMinutes: remaining, materialKeys: input.materialKeys },
    }
  })
}

/**
 * The enterprise answers a supplement request: new files (replacing earlier ones of the same
 * material), form changes, a note. The clock resumes with the minutes it had left; a standard
 * application goes back to the handler for a fresh recommendation.
 * Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_RESUBMITTABLE, VALIDATION_FAILED (materials, a typed bank
 * account that is not the settlement account), SETTLEMENT_ACCOUNT_REQUIRED (a typed one and no account).
 */
export async function resubmitClaim(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  claimId: string,
  input: ResubmitInput,
) {
  return runClaimAction(
    deps,
    await enterpriseActor(deps, actor, enterpriseId),
    claimId,
    'resubmit',
    async (ctx) => {
      const item = snapshotOf(ctx.claim)
      const present = new Set(
        (await q.findMaterialsOf(ctx.tx, [ctx.claim.id]))
          .filter((m) => m.superseded_at === null)
          .map((m) => m.material_key!),
      )
      const requested = await q.findLatestSupplementRequest(ctx.tx, ctx.claim.id)
      const mustReupload = (
        (requested?.data as { materialKeys?: string[] } | undefined)?.materialKeys ?? []
      ).filter((k) => item.requiredMaterials.some((m) => m.key === k))
      const typed = input.form?.bankAccount
      await checkMaterials(ctx.tx, ctx.user, item.requiredMaterials, input.materials, {
        present,
        mustReupload,
        more:
          typed === undefined
            ? {}
            : checkTypedAccount(
                { bankAccount: typed },
                (await requirePayableAccount(ctx.tx, ctx.claim.enterprise_id)).account_number,
                'form.bankAccount',
              ),
      })
      const round = ctx.claim.supplement_count + 1
      await q.supersedeMaterials(ctx.tx, ctx.claim.id, Object.keys(input.materials), ctx.now)
      for (const [key, ids] of Object.entries(input.materials))
        await q.linkMaterials(ctx.tx, ctx.claim.id, key, ids, round)
      const dueAt = dueAfterResume(
        await ctx.calendar(),
        ctx.now,
        ctx.claim.remaining_minutes ?? 0,
        ctx.claim.due_at!,
      )
      await notifyDepartment(deps, ctx.tx, ctx.claim.department_id, ['handler', 'department_head'], {
        template: 'benefits.claim_resubmitted',
        params: { number: ctx.claim.number, claimId: ctx.claim.id, title: item.title, due: fmt(deps, dueAt) },
      })
      return {
        changes: {
          due_at: dueAt,
          remaining_minutes: null,
          ...(input.form ? { form: JSON.stringify({ ...ctx.claim.form, ...formToKeep(input.form) }) } : {}),
          // a standard application is recommended afresh on what was resubmitted
          recommendation: null,
          recommended_amount: null,
          recommendation_note: null,
          recommended_by: null,
          recommended_at: null,
        },
        event: {
          note: input.note ?? null,
          data: { materials: Object.keys(input.materials), round, dueAt: dueAt.toISOString() },
          noteAudience: 'enterprise',
          audience: 'enterprise',
        },
        audit: { dueAt: dueAt.toISOString(), materials: Object.keys(input.materials) },
      }
    },
  )
}

/** The amount an approval gives: what the reviewer says, else the recommendation, else the expected amount. */
function approvedAmountOf(ctx: ClaimContext, input: DecisionInput): number | null {
  const amount = input.amount ?? ctx.claim.recommended_amount ?? ctx.claim.expected_amount
  if (amount === null && snapshotOf(ctx.claim).benefitKind !== 'service')
    throw new AppError('VALIDATION_FAILED', { fields: { amount: translate('benefits.amountRequired') } })
  return amount
}

function requireReason(input: DecisionInput): string | null {
  if (!input.approve && !input.reason)
    throw new AppError('VALIDATION_FAILED', { fields: { reason: translate('benefits.reasonRequired') } })
  return input.reason ?? null
}

/**
 * The handler's recommendation on a standard application: the department head decides next.
 * Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_REVIEWABLE, VALIDATION_FAILED (reason for a rejection; an amount).
 */
export async function recommendClaim(deps: AppDeps, actor: Actor, claimId: string, input: DecisionInput) {
  return runClaimAction(deps, await staffActor(deps, actor), claimId, 'recommend', async (ctx) => {
    const reason = requireReason(input)
    const amount = input.approve ? approvedAmountOf(ctx, input) : null
    await notifyDepartment(deps, ctx.tx, ctx.claim.department_id, ['department_head'], {
      template: 'benefits.claim_recommended',
      params: {
        number: ctx.claim.number,
        claimId: ctx.claim.id,
        title: snapshotOf(ctx.claim).title,
        recommendation: translate(
          input.approve ? 'benefits.recommendation.approve' : 'benefits.recommendation.reject',
          undefined,
          'zh-CN',
        ),
      },
    })
    return {
      changes: {
        recommendation: input.approve ? 'approve' : 'reject',
        recommended_amount: amount,
        recommendation_note: reason,
        recommended_by: ctx.user.userId,
        recommended_at: ctx.now,
      },
      // The recommendation is the department's internal step.
      event: { note: reason, data: { approve: input.approve, amount } },
      audit: { approve: input.approve, amount },
    }
  })
}

/**
 * The decision: approve with an amount (default the recommended, else the expected amount) or reject
 * with a reason. Fast: the department's handler or head; standard: the head, not the one who recommended.
 * Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_DECIDABLE, CLAIM_SAME_REVIEWER, VALIDATION_FAILED.
 */
export async function decideClaim(deps: AppDeps, actor: Actor, claimId: string, input: DecisionInput) {
  const action = input.approve ? 'approve' : 'reject'
  return runClaimAction(deps, await staffActor(deps, actor), claimId, action, async (ctx) => {
    if (ctx.claim.mode === 'standard_application' && ctx.claim.recommended_by === ctx.user.userId)
      throw new AppError('CLAIM_SAME_REVIEWER')
    const reason = requireReason(input)
    const amount = input.approve ? approvedAmountOf(ctx, input) : null
    const isLate = !!ctx.claim.due_at && ctx.claim.due_at < ctx.now
    if (input.approve)
      await notifyEnterprise(deps, ctx.tx, ctx.claim, 'benefits.claim_approved', { amount: money(amount) })
    else await notifyEnterprise(deps, ctx.tx, ctx.claim, 'benefits.claim_rejected', { reason: reason! })
    return {
      changes: {
        approved_amount: amount,
        decision_reason: reason,
        decided_by: ctx.user.userId,
        decided_at: ctx.now,
        ...(input.approve ? {} : { closed_at: ctx.now }),
      },
      // A decision's reason is owed to the applicant.
      event: { note: reason, data: { amount, isLate }, noteAudience: 'enterprise', audience: 'enterprise' },
      audit: { amount, reason, isLate },
    }
  })
}

/** The enterprise withdraws before a decision. Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_WITHDRAWABLE. */
export async function withdrawClaim(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  claimId: string,
  input: { reason: string },
) {
  return runClaimAction(
    deps,
    await enterpriseActor(deps, actor, enterpriseId),
    claimId,
    'withdraw',
    async (ctx) => ({
      changes: { status_reason: input.reason, closed_at: ctx.now, remaining_minutes: null },
      event: { note: input.reason, noteAudience: 'enterprise', audience: 'enterprise' },
      audit: { reason: input.reason },
    }),
  )
}

/** 好差评 on a paid or rejected claim, once. Refuses: FORBIDDEN, NOT_FOUND, CLAIM_NOT_RATABLE. */
export async function rateClaim(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  claimId: string,
  input: { level: number; comment?: string | undefined },
) {
  return runClaimAction(
    deps,
    await enterpriseActor(deps, actor, enterpriseId),
    claimId,
    'rate',
    async (ctx) => {
      if (ctx.claim.rating_level !== null) throw new AppError('CLAIM_NOT_RATABLE')
      // The one rating model (issue 13): the same rating as a ratings row, in this transaction.
      await recordCaseRating(ctx.tx, ctx.user, {
        subjectType: 'benefit_claim',
        subjectId: claimId,
        stage: 'final',
        enterpriseId: ctx.claim.enterprise_id,
        departmentId: ctx.claim.department_id,
        level: input.level,
        comment: input.comment ?? null,
      })
      return {
        changes: {
          rating_level: input.level,
          rating_comment: input.comment ?? null,
          rated_by: ctx.user.userId,
          rated_at: ctx.now,
        },
        event: {
          note: input.comment ?? null,
          data: { level: input.level },
          noteAudience: 'enterprise',
          audience: 'enterprise',
        },
        audit: { level: input.level },
      }
    },
  )
}
