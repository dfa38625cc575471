import {
  primaryRole,
  requireRole,
  requireSignedIn,
  type Actor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { nextReadableNumber } from '../../kernel/readable-numbers'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import { currentLocale } from '../../kernel/context'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { requireEnterpriseAccess } from '../enterprises'
import type { CompiledItem, Explanation } from '../policies'
import { assertSameRequest, requestFingerprint } from '../../kernel/idempotency'
import { openOnce } from '../../kernel/cases/open-once'
import { acceptUpload, MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
import { checkAccountNumber, maskAccountNumber } from '../../shared/settlement-account'
import { requirePayableAccount } from '../settlement-accounts'
import { scopeOf, staffViewerOf } from './benefits-access'
import { eligibilityNow, expectedAmountOf, notEligible } from './benefits-eligibility.service'
import type { ApplicationForm, ApplyInput, ConsentInput } from './benefits.schema'
import * as q from './benefits.queries'
import { notifyDepartment, type ItemSnapshot } from './claim-action'
import { reviewDueAt } from './claim-clock'
import { ACTIVE_STATES, start, type StartAction } from './claim-states'
import { getEnterpriseClaim } from './claims-read.service'
import './benefits.messages'

/**
 * How a claim begins: the enterprise consents to a no-application benefit in one tap, or applies for
 * a fast or standard one with a form and materials. Eligibility is asked of the policies module at
 * that moment and its explanation kept with the claim. Every claim leads to money, so none starts
 * without the enterprise's settlement account. One active claim per item and enterprise; a retried
 * submit (the same idempotency key) answers the first claim.
 */

/** Files are checked like appeal attachments: the type from the first bytes, never the name. */
export const MAX_MATERIAL_BYTES = MAX_ATTACHMENT_BYTES

function snapshotItem(item: CompiledItem): ItemSnapshot {
  return {
    code: item.code,
    title: item.title,
    policyTitle: item.policyTitle,
    documentNumber: item.documentNumber,
    benefitKind: item.benefitKind,
    budgetCap: item.budgetCap,
    promisedWorkingDays: item.promisedWorkingDays,
    requiredMaterials: item.requiredMaterials,
    ruleVersion: item.ruleVersion,
  }
}

/**
 * Makes a claim once per idempotency key: the same request again answers the first claim, the key
 * with a different request (another item, form or kind of claim) is refused; a second active claim of
 * the item is refused. Refuses: IDEMPOTENCY_KEY_REUSED, BENEFIT_ALREADY_CLAIMED.
 */
async function claimOnce(
  deps: AppDeps,
  user: UserActor,
  enterpriseId: string,
  request: { claim: 'consent' | 'apply'; itemId: string; idempotencyKey: string },
  create: (tx: Tx, requestFingerprint: string) => Promise<string>,
): Promise<{ claimId: string; replayed: boolean }> {
  const { idempotencyKey, ...rest } = request
  const fingerprint = requestFingerprint({ ...rest, enterpriseId })
  const replay = async () => {
    const existing = await q.findClaimIdByIdempotencyKey(deps.db, user.userId, idempotencyKey)
    if (!existing) return undefined
    // Claims made before fingerprints were kept: the item and the enterprise still name the request.
    if (existing.item_id !== request.itemId || existing.enterprise_id !== enterpriseId)
      throw new AppError('IDEMPOTENCY_KEY_REUSED')
    assertSameRequest(existing.request_fingerprint, fingerprint)
    return existing.id
  }
  const once = await openOnce(deps.db, {
    replay,
    open: (tx) => create(tx, fingerprint),
    // The loser of a race may also have seen the winner's claim before the index did.
    isLostRace: (error) => error instanceof AppError && error.code === 'BENEFIT_ALREADY_CLAIMED',
    // Another key is a second claim of the item: refused.
    noWinner: () => new AppError('BENEFIT_ALREADY_CLAIMED'),
  })
  return { claimId: once.opened, replayed: once.replayed }
}

/**
 * The checks every claim starts with, in the caller's transaction. Refuses: NOT_FOUND, BENEFIT_WRONG_MODE,
 * BENEFIT_NOT_ELIGIBLE, BENEFIT_ALREADY_CLAIMED, SETTLEMENT_ACCOUNT_REQUIRED (no account to pay to yet:
 * the app shows the account form), SETTLEMENT_ACCOUNT_NAME_MISMATCH.
 */
async function startClaim(
  deps: AppDeps,
  tx: Tx,
  enterpriseId: string,
  itemId: string,
  action: StartAction,
): Promise<{
  item: CompiledItem
  explanation: Explanation
  to: ReturnType<typeof start> & { ok: true }
  account: Awaited<ReturnType<typeof requirePayableAccount>>
}> {
  const found = await eligibilityNow(deps, tx, enterpriseId, itemId)
  if (!found) throw notFound()
  const to = start(action, found.item.mode)
  if (!to.ok) throw new AppError(to.code)
  const { outcome } = found.explanation
  // A consent needs eligibility now; an application may also prove with its materials what is missing.
  if (outcome === 'ineligible' || (action === 'consent' && outcome !== 'eligible'))
    throw notEligible(found.explanation)
  if (await q.findActiveClaimId(tx, itemId, enterpriseId, ACTIVE_STATES))
    throw new AppError('BENEFIT_ALREADY_CLAIMED')
  // Asked last: an enterprise that may not claim is not sent off to add an account first.
  const account = await requirePayableAccount(tx, enterpriseId)
  return { ...found, to, account }
}

async function insertClaim(
  deps: AppDeps,
  tx: Tx,
  user: UserActor,
  enterpriseId: string,
  input: { idempotencyKey: string; requestFingerprint: string },
  started: Awaited<ReturnType<typeof startClaim>>,
  extra: { form?: Record<string, unknown>; dueAt?: Date | null },
  now: Date,
): Promise<{ id: string; number: string }> {
  const { item, explanation } = started
  const number = await nextReadableNumber(deps, tx, 'benefit_claim_counters', now, 'ZC')
  const row = await q.insertClaim(tx, {
    number,
    item_id: item.id,
    policy_id: item.policyId,
    enterprise_id: enterpriseId,
    department_id: item.departmentId,
    mode: item.mode,
    status: started.to.to,
    submitted_by: user.userId,
    idempotency_key: input.idempotencyKey,
    request_fingerprint: input.requestFingerprint,
    item_snapshot: JSON.stringify(snapshotItem(item)),
    explanation: JSON.stringify(explanation),
    outcome_at_claim: explanation.outcome === 'eligible' ? 'eligible' : 'undetermined',
    expected_amount: expectedAmountOf(explanation),
    form: JSON.stringify(extra.form ?? {}),
    due_at: extra.dueAt ?? null,
    created_at: now,
  })
  return { id: row.id, number }
}

/**
 * The enterprise consents to a no-application benefit (免申即享) it is eligible for now.
 * Refuses: FORBIDDEN (not a member), NOT_FOUND (no such item in force, no such enterprise),
 * BENEFIT_WRONG_MODE, BENEFIT_NOT_ELIGIBLE (with the failed conditions or missing facts),
 * BENEFIT_ALREADY_CLAIMED, SETTLEMENT_ACCOUNT_REQUIRED, SETTLEMENT_ACCOUNT_NAME_MISMATCH,
 * IDEMPOTENCY_KEY_REUSED (the key came before with another request).
 */
export async function consentToBenefit(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: ConsentInput,
) {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  const request = { claim: 'consent' as const, ...input }
  const { claimId, replayed } = await claimOnce(
    deps,
    user,
    enterpriseId,
    request,
    async (tx, fingerprint) => {
      const now = new Date()
      const started = await startClaim(deps, tx, enterpriseId, input.itemId, 'consent')
      const keyed = { idempotencyKey: input.idempotencyKey, requestFingerprint: fingerprint }
      const claim = await insertClaim(deps, tx, user, enterpriseId, keyed, started, {}, now)
      await q.insertEvent(tx, {
        claimId: claim.id,
        type: 'consent',
        actorUserId: user.userId,
        actorRole: primaryRole(user),
        data: { outcome: started.explanation.outcome, amount: expectedAmountOf(started.explanation) },
        audience: 'enterprise',
        at: now,
      })
      await writeAudit(tx, user, {
        action: 'benefit_claim.consent',
        entityType: 'benefit_claim',
        entityId: claim.id,
        after: { status: started.to.to, number: claim.number, itemId: input.itemId, enterpriseId },
      })
      return claim.id
    },
  )
  const detail = await getEnterpriseClaim(deps, actor, enterpriseId, claimId)
  return {
    replayed,
    claim: {
      ...detail,
      receipt: translate('benefits.receipt.consent', { title: detail.itemTitle, number: detail.number }),
    },
  }
}

/**
 * An older client still sends the bank account it used to type: it must be the settlement account's
 * number (the money goes nowhere else), else the field says which account the money goes to.
 */
export function checkTypedAccount(
  form: Partial<Pick<ApplicationForm, 'bankAccount'>>,
  settlementNumber: string,
  field: string,
): FieldErrors {
  if (form.bankAccount === undefined) return {}
  const typed = checkAccountNumber(form.bankAccount)
  if (typed.ok && typed.digits === settlementNumber) return {}
  return {
    [field]: translate('benefits.form.notSettlementAccount', { number: maskAccountNumber(settlementNumber) }),
  }
}

/** The form kept with the claim: never a bank account (the payout records the settlement account it went to). */
export function formToKeep<T extends Partial<ApplicationForm>>(form: T): Omit<T, 'bankName' | 'bankAccount'> {
  const { bankName: _name, bankAccount: _account, ...kept } = form
  return kept
}

/**
 * Every required material present, every named file the user's own and unused, every key one the
 * item asks for; on a resubmission also every material the supplement request named. All at once.
 */
export async function checkMaterials(
  tx: Tx,
  user: UserActor,
  required: ItemSnapshot['requiredMaterials'],
  given: Record<string, string[]>,
  options: { present?: Set<string>; mustReupload?: string[]; more?: FieldErrors } = {},
): Promise<void> {
  const fields: FieldErrors = { ...options.more }
  const en = currentLocale() === 'en'
  const nameOf = (m: ItemSnapshot['requiredMaterials'][number]) => (en ? m.nameEn : m.nameZh)
  const ids = Object.values(given).flat()
  const owned = new Set(await q.findUnlinkedMaterialIds(tx, ids, user.userId))
  for (const [key, files] of Object.entries(given)) {
    if (!required.some((m) => m.key === key))
      fields[`materials.${key}`] = translate('benefits.material.unknown')
    else if (files.some((id) => !owned.has(id)) || new Set(files).size !== files.length)
      fields[`materials.${key}`] = translate('benefits.material.notYours')
  }
  for (const m of required) {
    if (fields[`materials.${m.key}`]) continue
    const isGiven = (given[m.key]?.length ?? 0) > 0
    if (options.mustReupload?.includes(m.key) && !isGiven)
      fields[`materials.${m.key}`] = translate('benefits.material.reupload', { name: nameOf(m) })
    else if (m.isRequired && !isGiven && !options.present?.has(m.key))
      fields[`materials.${m.key}`] = translate('benefits.material.missing', { name: nameOf(m) })
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

/**
 * The enterprise applies for a fast or standard benefit (快申快享 / 标准申报) with its form and
 * materials; the review clock starts: due the promised number of working days after submission.
 * Refuses: FORBIDDEN, NOT_FOUND, BENEFIT_WRONG_MODE, BENEFIT_NOT_ELIGIBLE (ineligible: the failed
 * conditions), BENEFIT_ALREADY_CLAIMED, SETTLEMENT_ACCOUNT_REQUIRED, SETTLEMENT_ACCOUNT_NAME_MISMATCH,
 * VALIDATION_FAILED (each missing or wrong material, a typed bank account that is not the settlement account),
 * IDEMPOTENCY_KEY_REUSED (the key came before with another request).
 */
export async function applyForBenefit(deps: AppDeps, actor: Actor, enterpriseId: string, input: ApplyInput) {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  const request = { claim: 'apply' as const, ...input }
  const { claimId, replayed } = await claimOnce(
    deps,
    user,
    enterpriseId,
    request,
    async (tx, fingerprint) => {
      const now = new Date()
      const started = await startClaim(deps, tx, enterpriseId, input.itemId, 'apply')
      const { item } = started
      await checkMaterials(tx, user, item.requiredMaterials, input.materials, {
        more: checkTypedAccount(input.form, started.account.account_number, 'form.bankAccount'),
      })
      const calendar = await deps.calendar.calendar(tx)
      const dueAt = reviewDueAt(calendar, now, item.promisedWorkingDays)
      const claim = await insertClaim(
        deps,
        tx,
        user,
        enterpriseId,
        { idempotencyKey: input.idempotencyKey, requestFingerprint: fingerprint },
        started,
        { form: formToKeep(input.form), dueAt },
        now,
      )
      for (const [key, ids] of Object.entries(input.materials))
        await q.linkMaterials(tx, claim.id, key, ids, 1)
      await q.insertEvent(tx, {
        claimId: claim.id,
        type: 'apply',
        actorUserId: user.userId,
        actorRole: primaryRole(user),
        data: { outcome: started.explanation.outcome, dueAt: dueAt.toISOString() },
        audience: 'enterprise',
        at: now,
      })
      const enterpriseName = (await q.findEnterpriseName(tx, enterpriseId)) ?? ''
      await notifyDepartment(deps, tx, item.departmentId, ['handler', 'department_head'], {
        template: 'benefits.claim_submitted',
        params: {
          number: claim.number,
          claimId: claim.id,
          title: item.title,
          enterprise: enterpriseName,
          due: formatInstant(dueAt, deps.config.timeZone),
        },
      })
      await writeAudit(tx, user, {
        action: 'benefit_claim.apply',
        entityType: 'benefit_claim',
        entityId: claim.id,
        after: {
          status: started.to.to,
          number: claim.number,
          itemId: input.itemId,
          enterpriseId,
          dueAt: dueAt.toISOString(),
          materials: Object.keys(input.materials),
        },
      })
      return claim.id
    },
  )
  const detail = await getEnterpriseClaim(deps, actor, enterpriseId, claimId)
  return {
    replayed,
    claim: {
      ...detail,
      receipt: translate('benefits.receipt.apply', {
        number: detail.number,
        days: detail.promisedWorkingDays,
        due: detail.dueAt ? formatInstant(new Date(detail.dueAt), deps.config.timeZone) : '-',
      }),
    },
  }
}

/**
 * Stores one uploaded file for a later application or resubmission. The type comes from the bytes.
 * Refuses: FORBIDDEN (not an enterprise user), ATTACHMENT_REJECTED (wrong type, too large, empty).
 */
export async function uploadMaterial(deps: AppDeps, actor: Actor, file: { name: string; bytes: Uint8Array }) {
  const user = requireRole(actor, 'enterprise')
  const upload = acceptUpload(file, MAX_MATERIAL_BYTES)
  const row = await q.insertMaterial(deps.db, { ...upload, by: user.userId })
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes }
}

/**
 * A material of a claim the caller may see, or a file they uploaded and not used yet.
 * Refuses: FORBIDDEN (staff without a claims role), NOT_FOUND.
 */
export async function downloadMaterial(deps: AppDeps, actor: Actor, id: string) {
  const user = requireSignedIn(actor)
  const viewer = user.userKind === 'staff' ? await staffViewerOf(deps.db, user) : undefined
  const file = await q.findMaterial(deps.db, id)
  if (!file) throw notFound()
  if (!file.claim_id) {
    if (file.uploaded_by !== user.userId) throw notFound()
  } else if (viewer) {
    if (!(await q.findClaim(deps.db, file.claim_id, scopeOf(viewer)))) throw notFound()
  } else {
    const claim = await q.findClaim(deps.db, file.claim_id, { kind: 'all' })
    const { isMember } = await requireEnterpriseAccess(deps.db, user, claim!.enterprise_id, 'read')
    if (!isMember) throw notFound()
  }
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}
