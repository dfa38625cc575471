import { hasRole, requireRole, requireSignedIn, type Actor } from '../../kernel/auth/actor'
import { maskPhone } from '../../shared/phone'
import { writeAudit } from '../../kernel/audit/audit'
import { definePresenter } from '../../kernel/present'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import {
  findEnterpriseForClaim,
  findMembershipRole,
  findRegistryRecord,
  grantMembership,
} from '../enterprises'
import { staffToNotify } from '../users'
import type { ClaimReview, Dispute } from './enterprise-claims.schema'
import { presentClaim } from './enterprise-claims.service'
import * as q from './enterprise-claims.queries'

/**
 * Who decides a claim that a code cannot: the enterprise's managers (manager_approval) and the bureau's
 * task force (licence_review, and disputes — "this is not my company").
 */

const presentLicenceFile = definePresenter({ id: 'id', fileName: 'file_name', contentType: 'content_type' })

async function presentReview(deps: AppDeps, row: q.ClaimRow): Promise<ClaimReview> {
  const [file, registry] = await Promise.all([
    row.licence_file_id ? q.findFileMeta(deps.db, row.licence_file_id) : undefined,
    findRegistryRecord(deps.db, row.enterprise_uscc),
  ])
  return {
    ...presentClaim(row),
    // The task force calls the claimant back; a manager sees the number masked.
    claimantPhone: row.claimant_phone!,
    claimantName: row.claimant_name,
    idNumberMasked: row.id_number_masked,
    identityCheck: (row.identity_check as ClaimReview['identityCheck']) ?? null,
    licenceFile: file ? presentLicenceFile(file) : null,
    registry: registry
      ? {
          name: registry.name,
          legalRepresentative: registry.legalRepresentative,
          updatedAt: registry.updatedAt.toISOString(),
        }
      : null,
  }
}

/** The claims by approval waiting for an enterprise's managers. Refuses: NOT_FOUND (not a manager of it). */
export async function listClaimsForManagers(deps: AppDeps, actor: Actor, enterpriseId: string) {
  const user = requireRole(actor, 'enterprise')
  if ((await findMembershipRole(deps.db, enterpriseId, user.userId)) !== 'manager') throw notFound()
  const rows = await q.findClaimsOfEnterprise(deps.db, enterpriseId, 'manager_approval')
  return rows.map((row) => ({ ...presentClaim(row), claimantPhone: maskPhone(row.claimant_phone!) }))
}

/** Licence reviews for the task force. Refuses: FORBIDDEN. */
export async function listClaimReviews(
  deps: AppDeps,
  actor: Actor,
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired',
): Promise<ClaimReview[]> {
  requireRole(actor, 'dispatcher', 'bureau_leader')
  const rows = await q.findClaimsForReview(deps.db, status)
  return Promise.all(rows.map((row) => presentReview(deps, row)))
}

/**
 * A manager decides a claim by approval (granting manager or agent, agent by default); the task force
 * decides a licence review (granting manager). A refusal says why. The claimant hears either way.
 * Refuses: NOT_FOUND, FORBIDDEN (neither a manager of the enterprise nor the task force, as the claim
 * needs), ENTERPRISE_CLAIM_NOT_PENDING, ENTERPRISE_CLAIM_NOT_DECIDABLE (a code claim), VALIDATION_FAILED
 * (a refusal without its reason).
 */
export async function decideClaim(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { approve: boolean; role?: 'manager' | 'agent' | undefined; note?: string | undefined },
) {
  const user = requireSignedIn(actor)
  if (!input.approve && !input.note)
    throw new AppError('VALIDATION_FAILED', {
      fields: { note: translate('enterpriseClaims.reasonRequired') },
    })
  await deps.db.transaction().execute(async (tx) => {
    const claim = await q.lockClaim(tx, id)
    if (!claim) throw notFound()
    if (claim.method === 'manager_approval') {
      if (user.userKind !== 'enterprise') throw new AppError('FORBIDDEN')
      if ((await findMembershipRole(tx, claim.enterprise_id, user.userId)) !== 'manager') throw notFound()
    } else if (claim.method === 'licence_review') {
      if (!hasRole(user, 'dispatcher')) throw new AppError('FORBIDDEN')
    } else {
      throw new AppError('ENTERPRISE_CLAIM_NOT_DECIDABLE')
    }
    if (claim.status !== 'pending') throw new AppError('ENTERPRISE_CLAIM_NOT_PENDING')
    const role = claim.method === 'licence_review' ? 'manager' : (input.role ?? 'agent')
    if (input.approve)
      await grantMembership(tx, {
        enterpriseId: claim.enterprise_id,
        userId: claim.claimant_id,
        role,
        grantedBy: user.userId,
      })
    await q.updateClaim(tx, id, {
      status: input.approve ? 'approved' : 'rejected',
      granted_role: input.approve ? role : null,
      decided_by: user.userId,
      decided_at: new Date(),
      decision_note: input.note ?? null,
    })
    await deps.notifier.enqueue(tx, {
      recipient: { userId: claim.claimant_id },
      template: input.approve ? 'enterprise_claim.approved' : 'enterprise_claim.rejected',
      params: { enterprise: claim.enterprise_name, note: input.note ?? '' },
      channels: ['inbox', 'sms'],
      isSolicited: true,
    })
    await writeAudit(tx, user, {
      action: input.approve ? 'enterprise_claim.approve' : 'enterprise_claim.reject',
      entityType: 'enterprise_claim',
      entityId: id,
      before: { status: 'pending' },
      after: {
        status: input.approve ? 'approved' : 'rejected',
        enterpriseId: claim.enterprise_id,
        ...(input.approve ? { role } : {}),
      },
    })
  })
  const row = (await q.findClaim(deps.db, id))!
  return user.userKind === 'staff'
    ? presentReview(deps, row)
    : { ...presentClaim(row), claimantPhone: maskPhone(row.claimant_phone!) }
}

/** The licence file: to its uploader and to the task force. Refuses: NOT_FOUND. */
export async function getClaimFile(deps: AppDeps, actor: Actor, fileId: string) {
  const user = requireSignedIn(actor)
  const file = await q.findFileContent(deps.db, fileId)
  const mayRead =
    file &&
    (file.uploaded_by === user.userId || hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader'))
  if (!mayRead) throw notFound()
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}

const presentDisputeColumns = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  enterpriseUscc: 'enterprise_uscc',
  reason: 'reason',
  contactPhone: 'contact_phone',
  status: 'status',
  resolution: 'resolution',
  createdAt: 'created_at',
  resolvedAt: 'resolved_at',
})

function presentDispute(row: q.DisputeRow): Dispute {
  return { ...presentDisputeColumns(row), reporterPhone: row.reporter_phone! }
}

/**
 * "This is not my company": anyone signed in as an enterprise user says an enterprise on the platform
 * is held by the wrong people; the task force hears of it. Refuses: FORBIDDEN, NOT_FOUND (no such enterprise).
 */
export async function fileDispute(
  deps: AppDeps,
  actor: Actor,
  input: { uscc: string; reason: string; contactPhone?: string | undefined },
): Promise<{ id: string; status: 'open' }> {
  const user = requireRole(actor, 'enterprise')
  const enterprise = await findEnterpriseForClaim(deps.db, input.uscc)
  if (!enterprise) throw notFound()
  const id = await deps.db.transaction().execute(async (tx) => {
    const { id } = await q.insertDispute(tx, {
      enterprise_id: enterprise.id,
      reported_by: user.userId,
      reason: input.reason,
      contact_phone: input.contactPhone ?? null,
    })
    for (const userId of await staffToNotify(tx, null, ['dispatcher']))
      await deps.notifier.enqueue(tx, {
        recipient: { userId },
        template: 'enterprise_claim.disputed',
        params: { enterprise: enterprise.name },
      })
    await writeAudit(tx, user, {
      action: 'enterprise_dispute.file',
      entityType: 'enterprise_dispute',
      entityId: id,
      after: { enterpriseId: enterprise.id },
    })
    return id
  })
  return { id, status: 'open' }
}

export async function listDisputes(deps: AppDeps, actor: Actor, status: 'open' | 'resolved') {
  requireRole(actor, 'dispatcher', 'bureau_leader')
  return (await q.findDisputes(deps.db, status)).map(presentDispute)
}

/** The task force records what it found and did. Refuses: FORBIDDEN, NOT_FOUND, DISPUTE_ALREADY_RESOLVED. */
export async function resolveDispute(deps: AppDeps, actor: Actor, id: string, input: { resolution: string }) {
  const dispatcher = requireRole(actor, 'dispatcher')
  await deps.db.transaction().execute(async (tx) => {
    const dispute = await q.findDispute(tx, id)
    if (!dispute) throw notFound()
    if (!(await q.resolveDispute(tx, id, { resolution: input.resolution, by: dispatcher.userId })))
      throw new AppError('DISPUTE_ALREADY_RESOLVED')
    await deps.notifier.enqueue(tx, {
      recipient: { userId: dispute.reported_by },
      template: 'enterprise_claim.dispute_resolved',
      params: { enterprise: dispute.enterprise_name, resolution: input.resolution },
      channels: ['inbox', 'sms'],
      isSolicited: true,
    })
    await writeAudit(tx, dispatcher, {
      action: 'enterprise_dispute.resolve',
      entityType: 'enterprise_dispute',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'resolved', resolution: input.resolution },
    })
  })
  return presentDispute((await q.findDispute(deps.db, id))!)
}

/** The task force's part of the worklist: licences to check and disputes to look into. */
export async function countClaimWork(deps: AppDeps, actor: Actor) {
  const user = requireSignedIn(actor)
  if (!hasRole(user, 'dispatcher')) return []
  const [reviews, disputes] = await Promise.all([
    q.findClaimsForReview(deps.db, 'pending'),
    q.findDisputes(deps.db, 'open'),
  ])
  return [
    { key: 'enterpriseClaims.reviews', count: reviews.length, path: '/staff/enterprise-claims' },
    {
      key: 'enterpriseClaims.disputes',
      count: disputes.length,
      path: '/staff/enterprise-claims?tab=disputes',
    },
  ]
}
