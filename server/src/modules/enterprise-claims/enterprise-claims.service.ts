import { requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { maskPhone } from '../../shared/phone'
import { hashToken, randomDigits, safeEqual } from '../../kernel/auth/tokens'
import { writeAudit } from '../../kernel/audit/audit'
import { definePresenter } from '../../kernel/present'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { acceptUpload } from '../../kernel/uploads'
import { checkIdNumber, maskIdNumber } from '../../shared/id-number'
import {
  findEnterpriseForClaim,
  findManagerIds,
  findMembershipRole,
  findRegistryRecord,
  grantMembership,
} from '../enterprises'
import { staffToNotify } from '../users'
import type { Claim, StartClaimInput } from './enterprise-claims.schema'
import * as q from './enterprise-claims.queries'

/**
 * Claiming an enterprise already on the platform (企业认领): someone registered it before, or the city
 * seeded it from its registry. Three ways, each audited: a one-time code to the legal representative's
 * phone in the market-regulation registry; the current managers' approval; the bureau's check of an
 * uploaded business licence with the identity verifier's answers beside it.
 */
export const CLAIM_LIMITS = {
  codeTtlMs: 10 * 60_000,
  resendMs: 60_000,
  codesPerClaim: 5,
  codesPerPhonePerDay: 10,
  attemptsPerCode: 5,
}

const DAY_MS = 86_400_000

/** The claim's own columns; where a code went and when another may be sent are computed beside them. */
const presentClaimColumns = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  method: 'method',
  status: 'status',
  note: 'note',
  grantedRole: 'granted_role',
  decisionNote: 'decision_note',
  createdAt: 'created_at',
  decidedAt: 'decided_at',
})

export function presentClaim(row: q.ClaimRow, now = new Date()): Claim {
  const isCode = row.method === 'legal_rep_code'
  return {
    ...presentClaimColumns(row),
    codeSentTo: isCode && row.code_phone ? maskPhone(row.code_phone) : null,
    codeExpiresAt: isCode ? (row.code_expires_at?.toISOString() ?? null) : null,
    resendAfter:
      isCode && row.code_sent_at && row.status === 'pending'
        ? new Date(Math.max(now.getTime(), row.code_sent_at.getTime() + CLAIM_LIMITS.resendMs)).toISOString()
        : null,
  }
}

async function enterpriseOrNotFound(deps: AppDeps, db: Tx | AppDeps['db'], uscc: string) {
  const enterprise = await findEnterpriseForClaim(db, uscc)
  if (!enterprise) throw notFound()
  return enterprise
}

/**
 * What a person may use to claim the enterprise of a credit code: its name (public in the registry),
 * where a code would go (masked), whether it has managers. Refuses: FORBIDDEN (not an enterprise user),
 * NOT_FOUND (no enterprise with that code on the platform: register it instead).
 */
export async function lookupForClaim(deps: AppDeps, actor: Actor, uscc: string) {
  const user = requireRole(actor, 'enterprise')
  const enterprise = await enterpriseOrNotFound(deps, deps.db, uscc)
  const [registry, managers, role] = await Promise.all([
    findRegistryRecord(deps.db, uscc),
    findManagerIds(deps.db, enterprise.id),
    findMembershipRole(deps.db, enterprise.id, user.userId),
  ])
  const phone = registry?.legalRepresentativePhone ?? null
  return {
    enterpriseName: enterprise.name,
    methods: [
      { method: 'legal_rep_code' as const, isAvailable: !!phone, sentTo: phone ? maskPhone(phone) : null },
      { method: 'manager_approval' as const, isAvailable: managers.length > 0, sentTo: null },
      { method: 'licence_review' as const, isAvailable: true, sentTo: null },
    ],
    isMember: role !== null,
  }
}

/** Sends (or sends again) the claim's code to the registry phone. Refuses: RATE_LIMITED. */
async function sendCode(deps: AppDeps, tx: Tx, claim: q.ClaimRow, now: Date): Promise<void> {
  if (claim.code_sent_at && now.getTime() - claim.code_sent_at.getTime() < CLAIM_LIMITS.resendMs)
    throw new AppError('RATE_LIMITED', {
      params: {
        seconds: Math.ceil((claim.code_sent_at.getTime() + CLAIM_LIMITS.resendMs - now.getTime()) / 1000),
      },
    })
  const sentToPhone = await q.countCodesToPhone(tx, claim.code_phone!, new Date(now.getTime() - DAY_MS))
  if (claim.codes_sent >= CLAIM_LIMITS.codesPerClaim || sentToPhone >= CLAIM_LIMITS.codesPerPhonePerDay)
    throw new AppError('RATE_LIMITED', { params: { seconds: Math.ceil(DAY_MS / 1000) } })
  const code = randomDigits(6)
  await q.updateClaim(tx, claim.id, {
    code_hash: hashToken(`${claim.id}:${code}`),
    code_sent_at: now,
    code_expires_at: new Date(now.getTime() + CLAIM_LIMITS.codeTtlMs),
    codes_sent: claim.codes_sent + 1,
    code_attempts: 0,
  })
  // Urgent: a code never waits behind the contact cap. The text names who asks, masked.
  await deps.notifier.enqueue(tx, {
    recipient: { phone: claim.code_phone! },
    template: 'enterprise_claim.code',
    params: {
      code,
      enterprise: claim.enterprise_name,
      claimant: maskPhone(claim.claimant_phone!),
      minutes: CLAIM_LIMITS.codeTtlMs / 60_000,
    },
    channels: ['sms'],
    isUrgent: true,
  })
}

async function notifyUsers(
  deps: AppDeps,
  tx: Tx,
  userIds: string[],
  template: string,
  params: Record<string, string>,
) {
  for (const userId of userIds)
    await deps.notifier.enqueue(tx, {
      recipient: { userId },
      template,
      params,
      channels: ['inbox', 'sms'],
      isSolicited: true,
    })
}

/** What the identity verifier says of a licence-review claimant: asked before the transaction (an outside call). */
async function checkIdentity(deps: AppDeps, input: StartClaimInput) {
  const today = cityToday(deps)
  const idCheck = checkIdNumber(input.idNumber ?? '', today)
  if (!idCheck.ok)
    throw new AppError('VALIDATION_FAILED', {
      fields: { idNumber: translate(`enterpriseClaims.idNumber.${idCheck.rule}`) },
    })
  const name = input.claimantName!
  const [person, licenceHolder] = await Promise.all([
    deps.identity.verifyPerson({ name, idNumber: idCheck.number }),
    deps.identity.verifyLicenceHolder({ uscc: input.uscc, holderName: name, idNumber: idCheck.number }),
  ])
  return {
    masked: maskIdNumber(idCheck.number),
    check: { person, licenceHolder, verifier: deps.identity.name },
  }
}

/**
 * Starts a claim. A second start of the same way answers the pending claim (a double tap); another way
 * while one is pending is refused. Refuses: FORBIDDEN, NOT_FOUND, ALREADY_A_MEMBER,
 * ENTERPRISE_CLAIM_PENDING, ENTERPRISE_CLAIM_METHOD_UNAVAILABLE (no registry phone; no managers),
 * VALIDATION_FAILED (ID number, licence file), RATE_LIMITED.
 */
export async function startClaim(deps: AppDeps, actor: Actor, input: StartClaimInput): Promise<Claim> {
  const user = requireRole(actor, 'enterprise')
  const identity = input.method === 'licence_review' ? await checkIdentity(deps, input) : undefined
  const id = await deps.db.transaction().execute(async (tx) => {
    const enterprise = await enterpriseOrNotFound(deps, tx, input.uscc)
    if ((await findMembershipRole(tx, enterprise.id, user.userId)) !== null)
      throw new AppError('ALREADY_A_MEMBER')
    const pending = await q.findPendingClaim(tx, enterprise.id, user.userId)
    if (pending) {
      if (pending.method !== input.method) throw new AppError('ENTERPRISE_CLAIM_PENDING')
      return pending.id
    }
    const now = new Date()
    let codePhone: string | null = null
    let managers: string[] = []
    if (input.method === 'legal_rep_code') {
      codePhone = (await findRegistryRecord(tx, input.uscc))?.legalRepresentativePhone ?? null
      if (!codePhone) throw new AppError('ENTERPRISE_CLAIM_METHOD_UNAVAILABLE')
    } else if (input.method === 'manager_approval') {
      managers = await findManagerIds(tx, enterprise.id)
      if (managers.length === 0) throw new AppError('ENTERPRISE_CLAIM_METHOD_UNAVAILABLE')
    } else if (!(await q.isOwnUnusedFile(tx, input.licenceFileId!, user.userId))) {
      throw new AppError('VALIDATION_FAILED', {
        fields: { licenceFileId: translate('enterpriseClaims.licenceNotYours') },
      })
    }
    const { id } = await q.insertClaim(tx, {
      enterprise_id: enterprise.id,
      claimant_id: user.userId,
      method: input.method,
      note: input.note ?? null,
      code_phone: codePhone,
      claimant_name: identity ? input.claimantName! : null,
      id_number_masked: identity?.masked ?? null,
      identity_check: identity ? JSON.stringify(identity.check) : null,
      licence_file_id: identity ? input.licenceFileId! : null,
    })
    const claim = (await q.findClaim(tx, id))!
    if (input.method === 'legal_rep_code') await sendCode(deps, tx, claim, now)
    if (input.method === 'manager_approval')
      await notifyUsers(deps, tx, managers, 'enterprise_claim.asked', {
        enterprise: enterprise.name,
        claimant: maskPhone(claim.claimant_phone!),
      })
    if (input.method === 'licence_review')
      for (const userId of await staffToNotify(tx, null, ['dispatcher']))
        await deps.notifier.enqueue(tx, {
          recipient: { userId },
          template: 'enterprise_claim.review',
          params: { enterprise: enterprise.name },
        })
    await writeAudit(tx, user, {
      action: 'enterprise_claim.start',
      entityType: 'enterprise_claim',
      entityId: id,
      after: {
        enterpriseId: enterprise.id,
        method: input.method,
        ...(identity
          ? {
              identity: {
                person: identity.check.person.verdict,
                licenceHolder: identity.check.licenceHolder.verdict,
              },
            }
          : {}),
      },
    })
    return id
  })
  if (input.method === 'legal_rep_code') deps.notifier.deliverUrgentNow()
  return presentClaim((await q.findClaim(deps.db, id))!)
}

async function lockOwnPending(tx: Tx, user: UserActor, id: string) {
  const claim = await q.lockClaim(tx, id)
  if (!claim || claim.claimant_id !== user.userId) throw notFound()
  if (claim.status !== 'pending') throw new AppError('ENTERPRISE_CLAIM_NOT_PENDING')
  return claim
}

/** Refuses: NOT_FOUND (not the claimant's), ENTERPRISE_CLAIM_NOT_PENDING, ENTERPRISE_CLAIM_METHOD_UNAVAILABLE (not a code claim), RATE_LIMITED. */
export async function resendCode(deps: AppDeps, actor: Actor, id: string): Promise<Claim> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    const claim = await lockOwnPending(tx, user, id)
    if (claim.method !== 'legal_rep_code') throw new AppError('ENTERPRISE_CLAIM_METHOD_UNAVAILABLE')
    await sendCode(deps, tx, claim, new Date())
  })
  deps.notifier.deliverUrgentNow()
  return presentClaim((await q.findClaim(deps.db, id))!)
}

/**
 * The claimant enters the code the legal representative passed on: they become a manager, and the
 * enterprise's managers hear of it. A wrong code counts; the fifth wrong one ends the code.
 * Refuses: NOT_FOUND, ENTERPRISE_CLAIM_NOT_PENDING, VALIDATION_FAILED (wrong or expired code).
 */
export async function verifyCode(deps: AppDeps, actor: Actor, id: string, code: string): Promise<Claim> {
  const user = requireRole(actor, 'enterprise')
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const claim = await lockOwnPending(tx, user, id)
    if (claim.method !== 'legal_rep_code') throw new AppError('ENTERPRISE_CLAIM_METHOD_UNAVAILABLE')
    const now = new Date()
    const isLive =
      !!claim.code_hash &&
      !!claim.code_expires_at &&
      claim.code_expires_at > now &&
      claim.code_attempts < CLAIM_LIMITS.attemptsPerCode
    if (!isLive || !safeEqual(claim.code_hash!, hashToken(`${claim.id}:${code}`))) {
      // The attempt is kept even though the request fails: the transaction commits it.
      await q.updateClaim(tx, id, { code_attempts: claim.code_attempts + 1 })
      return 'wrong' as const
    }
    const managers = await findManagerIds(tx, claim.enterprise_id)
    await grantMembership(tx, {
      enterpriseId: claim.enterprise_id,
      userId: user.userId,
      role: 'manager',
      grantedBy: null,
    })
    await q.updateClaim(tx, id, {
      status: 'approved',
      granted_role: 'manager',
      decided_at: now,
      code_hash: null,
    })
    await notifyUsers(deps, tx, managers, 'enterprise_claim.claimed_by_code', {
      enterprise: claim.enterprise_name,
      claimant: maskPhone(claim.claimant_phone!),
    })
    await writeAudit(tx, user, {
      action: 'enterprise_claim.verify_code',
      entityType: 'enterprise_claim',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'approved', enterpriseId: claim.enterprise_id, role: 'manager' },
    })
    return 'approved' as const
  })
  if (outcome === 'wrong')
    throw new AppError('VALIDATION_FAILED', { fields: { code: translate('enterpriseClaims.wrongCode') } })
  return presentClaim((await q.findClaim(deps.db, id))!)
}

/** Refuses: NOT_FOUND, ENTERPRISE_CLAIM_NOT_PENDING. */
export async function withdrawClaim(deps: AppDeps, actor: Actor, id: string): Promise<Claim> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    await lockOwnPending(tx, user, id)
    await q.updateClaim(tx, id, { status: 'withdrawn', decided_at: new Date(), code_hash: null })
    await writeAudit(tx, user, {
      action: 'enterprise_claim.withdraw',
      entityType: 'enterprise_claim',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'withdrawn' },
    })
  })
  return presentClaim((await q.findClaim(deps.db, id))!)
}

export async function listMyClaims(deps: AppDeps, actor: Actor): Promise<Claim[]> {
  const user = requireRole(actor, 'enterprise')
  const now = new Date()
  return (await q.findClaimsOfClaimant(deps.db, user.userId)).map((r) => presentClaim(r, now))
}

/** A licence for a licence-review claim: an image or a PDF by its bytes. Refuses: FORBIDDEN, ATTACHMENT_REJECTED. */
export async function uploadLicence(deps: AppDeps, actor: Actor, file: { name: string; bytes: Uint8Array }) {
  const user = requireRole(actor, 'enterprise')
  const accepted = acceptUpload(file)
  const row = await q.insertFile(deps.db, {
    fileName: accepted.fileName,
    contentType: accepted.contentType,
    content: accepted.content,
    sha256: accepted.sha256,
    uploadedBy: user.userId,
  })
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes }
}
