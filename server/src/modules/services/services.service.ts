import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { requireEnterpriseAccess } from '../enterprises'
import { rolesOn, runApplicationAction } from './application-action'
import { completenessDueAt } from './application-deadlines'
import { tellApplicant } from './application-intake-notices'
import { presentApplication as present, presentNotice } from './application-present'
import { submitInTransaction } from './application-submit'
import { refuseBundlePart } from './bundles.service'
import type {
  Application,
  ApplicationList,
  ApplicationNoticeList,
  OpenApplicationInput,
  SupplementAnswerInput,
  ToleranceCommitmentInput,
  ToleranceFulfilmentInput,
} from './services.schema'
import './services.messages'
import * as q from './services.queries'

/**
 * Services, the applicant's side: an enterprise user opens applications on a published matter for an
 * enterprise they belong to, submits them, answers the one supplement request, signs and keeps a
 * 容缺 commitment. Each function checks permissions first; every change is audited (the case kit
 * writes the audit row of a move).
 */

/** Opens a draft on the matter's current published version. Refuses: MATTER_NOT_PUBLISHED (422). */
export async function openApplication(
  deps: AppDeps,
  actor: Actor,
  input: OpenApplicationInput,
): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  // Not a member of the enterprise: "not found", as for any enterprise the caller cannot see.
  await requireEnterpriseAccess(deps.db, user, input.enterpriseId, 'act')
  const version = await q.findCurrentPublishedVersion(deps.db, input.matterId)
  if (!version) throw new AppError('MATTER_NOT_PUBLISHED', { fields: { matterId: input.matterId } })
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await q.insertApplication(tx, {
      enterpriseId: input.enterpriseId,
      createdBy: user.userId,
      title: version.name,
      matterId: version.matter_id,
      matterVersionId: version.version_id,
      departmentId: version.department_id,
      jointHandling: version.joint_handling,
    })
    await q.insertApplicationEvent(tx, id, {
      type: 'open',
      actorUserId: user.userId,
      actorRole: 'enterprise',
      departmentId: null,
      note: null,
      noteAudience: 'internal',
      data: {},
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: 'application.open',
      entityType: 'application',
      entityId: id,
      after: { status: 'draft', enterpriseId: input.enterpriseId, matterVersionId: version.version_id },
    })
    return id
  })
  return getApplication(deps, user, id)
}

export async function listMyApplications(deps: AppDeps, actor: Actor): Promise<ApplicationList> {
  const user = requireRole(actor, 'enterprise')
  return { items: (await q.findApplicationsBy(deps.db, user.userId)).map(present) }
}

export async function getApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  const row = await q.findApplication(deps.db, id, user.userId)
  if (!row) throw notFound()
  return present(row)
}

/** The notices issued to the applicant on one of their applications, oldest first. */
export async function listApplicationNotices(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<ApplicationNoticeList> {
  const user = requireRole(actor, 'enterprise')
  if (!(await q.findApplication(deps.db, id, user.userId))) throw notFound()
  return { items: (await q.findApplicationNotices(deps.db, id)).map(presentNotice) }
}

/** Draft → submitted with its receipt (or decided at once: an instant matter); a bundle's part only with its bundle. */
export async function submitApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  const saved = await deps.db.transaction().execute(async (tx) => {
    await refuseBundlePart(tx, user, id)
    return submitInTransaction(deps, tx, user, id)
  })
  return present(saved)
}

/** Before any decision, by the applicant (the table refuses later); a bundle's part only with its bundle. */
export async function withdrawApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  await refuseBundlePart(deps.db, user, id)
  const saved = await runApplicationAction(deps, user, id, 'withdraw', async ({ now }) => ({
    changes: { closed_at: now },
    event: { audience: 'enterprise' },
  }))
  return present(saved)
}

/**
 * The answer to the one supplement request: back to the completeness check, 5 working days from
 * now; acceptance will count from this answer. Refuses: APPLICATION_SUPPLEMENT_OVERDUE.
 */
export async function answerSupplement(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SupplementAnswerInput,
): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  const saved = await runApplicationAction(deps, user, id, 'answer_supplement', async (ctx) => {
    if (ctx.row.supplement_due_at && ctx.now >= ctx.row.supplement_due_at)
      throw new AppError('APPLICATION_SUPPLEMENT_OVERDUE')
    const calendar = await deps.calendar.calendar(ctx.tx)
    const due = completenessDueAt(calendar, ctx.now)
    await tellApplicant(ctx, calendar, 'receipt', '收件凭证（补正材料）', (when) => [
      `本机关已于${when(ctx.now)}收到您的补正材料。`,
      `本机关将于${when(due)}前作出是否受理的决定；逾期未作出的，自收到补正材料之日起即为受理。`,
    ])
    return {
      changes: { supplement_answered_at: ctx.now, completeness_due_at: due },
      event: {
        audience: 'enterprise',
        note: input.note,
        noteAudience: 'enterprise',
        data: { uploadIds: input.uploadIds },
      },
    }
  })
  return present(saved)
}

/**
 * 容缺承诺书: while the completeness check is under way, the applicant commits to send named
 * materials later (only those the matter allows). Not a move of the table: the state stays; the
 * commitment is kept on the application, on its timeline and in the audit trail.
 * Refuses: APPLICATION_NOT_IN_CHECK, APPLICATION_TOLERANCE_NOT_ALLOWED.
 */
export async function signToleranceCommitment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ToleranceCommitmentInput,
): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  const saved = await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockApplicationById(tx, id)
    if (!row || !rolesOn(user, row).includes('applicant')) throw notFound()
    if (row.status !== 'submitted') throw new AppError('APPLICATION_NOT_IN_CHECK')
    const allowed = row.matter_version_id
      ? ((await q.findVersionTerms(tx, row.matter_version_id))?.tolerance_materials ?? [])
      : []
    const outside = input.items.filter((i) => !allowed.includes(i))
    if (outside.length > 0)
      throw new AppError('APPLICATION_TOLERANCE_NOT_ALLOWED', { fields: { items: outside.join('、') } })
    const now = new Date()
    const updated = await q.updateApplication(tx, id, {
      tolerance_items: JSON.stringify(input.items),
      tolerance_commitment: input.commitment,
      tolerance_signed_at: now,
    })
    await q.insertApplicationEvent(tx, id, {
      type: 'sign_tolerance_commitment',
      actorUserId: user.userId,
      actorRole: 'enterprise',
      departmentId: null,
      note: input.commitment,
      noteAudience: 'enterprise',
      data: { items: input.items },
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: 'application.sign_tolerance_commitment',
      entityType: 'application',
      entityId: id,
      after: { items: input.items },
    })
    return updated
  })
  return present(saved)
}

/** The materials a 容缺 acceptance waited for. Refuses: APPLICATION_NO_TOLERANCE_PENDING, APPLICATION_TOLERANCE_OVERDUE. */
export async function fulfilTolerance(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ToleranceFulfilmentInput,
): Promise<Application> {
  const user = requireRole(actor, 'enterprise')
  const saved = await runApplicationAction(deps, user, id, 'fulfil_tolerance', async (ctx) => {
    if (!ctx.row.tolerance_due_at || ctx.row.tolerance_fulfilled_at)
      throw new AppError('APPLICATION_NO_TOLERANCE_PENDING')
    if (ctx.now > ctx.row.tolerance_due_at) throw new AppError('APPLICATION_TOLERANCE_OVERDUE')
    return {
      changes: { tolerance_fulfilled_at: ctx.now },
      event: {
        audience: 'enterprise',
        note: input.note,
        noteAudience: 'enterprise',
        data: { uploadIds: input.uploadIds },
      },
    }
  })
  return present(saved)
}
