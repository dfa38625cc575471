import { requireRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { findPaidByItems } from '../benefits'
import { covers, mayRead, writers } from './policy-access'
import { policyMove } from './policy-states'
import { computePreview, type PreviewItemInput } from './policy-preview.service'
import { presentPolicy } from './policy-presenter'
import { assertPublishable, lockForStep, publishWorkingCopy } from './policy-workflow.service'
import type { PolicyView } from './policies.schema'
import {
  PublicationSettingsSchema,
  type ItemPreviewInput,
  type PublicationPreview,
  type PublicationSettings,
  type PublishInput,
} from './publication.schema'
import './policies.messages'
import * as q from './policies.queries'
import type { ItemRow, PolicyRow } from './policies.queries'

/**
 * Publishing a policy as a decision with its consequences shown (docs/decisions/0024-sign-in-limits.md): the preview of
 * what publication would do, computed by the matching engine over the current population and written
 * nowhere; and the publication, which recomputes it, refuses when its numbers moved since the preview
 * the publisher confirmed, asks for a second confirmation above a number of enterprises told, and
 * records the preview it was decided on in the version and the audit trail.
 */

/**
 * A push to more enterprises than this at once is confirmed twice. 500 is a number a department
 * notices: that many enterprises told at once means calls to its hotline and counter the next day.
 */
export const DEFAULT_PUBLICATION_SETTINGS: PublicationSettings = { pushConfirmationThreshold: 500 }

export async function loadPublicationSettings(
  db: Executor,
): Promise<{ settings: PublicationSettings; version: number }> {
  const row = await q.findPublicationSettingsRow(db)
  if (!row) return { settings: DEFAULT_PUBLICATION_SETTINGS, version: 0 }
  const parsed = PublicationSettingsSchema.safeParse(row.settings)
  return { settings: parsed.success ? parsed.data : DEFAULT_PUBLICATION_SETTINGS, version: row.version }
}

/** Staff read the settings (the publish dialog says the threshold). Refuses: FORBIDDEN (not staff). */
export async function getPublicationSettings(deps: AppDeps, actor: Actor) {
  requireStaff(actor)
  return loadPublicationSettings(deps.db)
}

/** Refuses: FORBIDDEN (not admin), VERSION_CONFLICT. */
export async function updatePublicationSettings(
  deps: AppDeps,
  actor: Actor,
  input: { version: number; settings: PublicationSettings },
) {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadPublicationSettings(tx)
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const saved = await q.upsertPublicationSettings(
      tx,
      input.settings,
      admin.userId,
      before.version === 0 ? null : input.version,
    )
    if (!saved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'policy.update_publication_settings',
      entityType: 'policy_settings',
      entityId: '1',
      before: before.settings,
      after: input.settings,
    })
    return { settings: input.settings, version: saved.version }
  })
}

/** A working copy that is not in force yet, or a revision of one that is: something to publish. */
const hasWorkingCopy = (policy: PolicyRow) =>
  policyMove({ status: policy.status, revision: policy.revision_status }, 'edit').ok ||
  policyMove({ status: policy.status, revision: policy.revision_status }, 'publish').ok

async function readablePolicy(tx: Executor, actor: Actor, id: string) {
  const user = requireStaff(actor)
  const policy = await q.findPolicy(tx, id)
  if (!policy || !mayRead(user, policy)) throw notFound()
  // the owning department's writers and heads, and the bureau leadership
  if (!covers(writers(user), policy.owner_department_id)) throw new AppError('FORBIDDEN')
  return policy
}

/** A saved item as the preview reads it. */
export const previewInputOf = (row: ItemRow): PreviewItemInput => ({
  itemId: row.id,
  code: row.code,
  title: row.title,
  benefitKind: row.benefit_kind,
  amount: row.amount,
  amountFormula: row.amount_formula,
  mode: row.mode,
  budgetCap: row.budget_cap,
  noCapReason: row.no_cap_reason,
  conditions: row.conditions,
  exclusion: row.exclusion,
  effectiveFrom: row.effective_from,
  effectiveTo: row.effective_to,
  topics: row.topics,
  isPushEnabled: row.is_push_enabled,
})

/** The preview of a policy's working copy, with the settings' threshold and its digest. */
async function previewOf(deps: AppDeps, tx: Tx, policy: PolicyRow, items: ItemRow[]) {
  const active = items.filter((i) => i.is_active)
  const { settings } = await loadPublicationSettings(tx)
  const paid = await findPaidByItems(
    tx,
    active.map((i) => i.id),
  )
  return computePreview(deps, tx, {
    policy,
    items: active.map(previewInputOf),
    paid,
    threshold: settings.pushConfirmationThreshold,
    withPushes: true,
    fieldPrefix: (item) => `items.${item.code}.`,
  })
}

/**
 * What publishing the working copy would do now; nothing is written. Refuses: NOT_FOUND, FORBIDDEN
 * (not a writer or head of the owning department, nor the bureau leadership), POLICY_NOT_IN_REVIEW
 * (nothing to publish), VALIDATION_FAILED (a rule that does not compile, at its condition).
 */
export async function previewPublication(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<PublicationPreview> {
  return deps.db.transaction().execute(async (tx) => {
    const policy = await readablePolicy(tx, actor, id)
    if (!hasWorkingCopy(policy)) throw new AppError('POLICY_NOT_IN_REVIEW')
    return previewOf(deps, tx, policy, await q.findItems(tx, id))
  })
}

/**
 * The editor's preview of one item as it stands in the form; nothing is written. Refuses: NOT_FOUND
 * (the policy, or an item of another policy), FORBIDDEN, VALIDATION_FAILED (every problem of its
 * rules at its field: conditions.2.rule, amountFormula, exclusion.tag, effectiveTo).
 */
export async function previewItem(deps: AppDeps, actor: Actor, id: string, input: ItemPreviewInput) {
  return deps.db.transaction().execute(async (tx) => {
    const policy = await readablePolicy(tx, actor, id)
    const saved = input.itemId ? await q.findItem(tx, id, input.itemId) : null
    if (input.itemId && !saved) throw notFound()
    const fields: FieldErrors = {}
    if (input.effectiveFrom && input.effectiveTo && input.effectiveTo < input.effectiveFrom)
      fields.effectiveTo = translate('policies.endBeforeStart')
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
    const preview = await computePreview(deps, tx, {
      policy,
      items: [
        {
          ...input,
          conditions: input.conditions.map((c, i) => ({
            id: c.id ?? `c${i + 1}`,
            clause: c.clause,
            rule: c.rule,
            note: c.note ?? null,
          })),
          topics: saved?.topics ?? [],
        },
      ],
      paid: await findPaidByItems(tx, input.itemId ? [input.itemId] : []),
      threshold: null,
      withPushes: false,
      fieldPrefix: () => '',
    })
    return { enterprises: preview.enterprises, computeMs: preview.computeMs, item: preview.items[0]! }
  })
}

/** What a version records of the preview it was decided on: the numbers, not the names. */
function decidedOn(preview: PublicationPreview, input: PublishInput) {
  return {
    digest: preview.digest,
    computedAt: preview.computedAt,
    enterprises: preview.enterprises,
    items: preview.items.map((i) => ({
      itemId: i.itemId,
      code: i.code,
      counts: i.counts,
      newlyEligible: i.newlyEligible,
      heldAlready: i.heldAlready,
      cost: i.cost,
      budget: i.budget,
    })),
    pushes: preview.pushes,
    threshold: preview.threshold,
    confirmedPushes: input.confirmedPushes ?? null,
  }
}

/**
 * Publishing: the working copy becomes the version in force, decided on its preview. Refuses:
 * NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, POLICY_NOT_IN_REVIEW, POLICY_SAME_REVIEWER,
 * VALIDATION_FAILED (what must be fixed first: each problem at its field, a money item with neither a
 * budget cap nor a reason at items.<code>.noCapReason, a reason for an item that needs none),
 * POLICY_PREVIEW_STALE (the numbers moved since the preview the publisher saw: look again),
 * POLICY_PUSH_CONFIRMATION_REQUIRED (more enterprises told than the threshold, and the number told
 * not confirmed).
 */
export async function publishPolicy(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: PublishInput,
): Promise<PolicyView> {
  const user = requireStaff(actor)
  return deps.db.transaction().execute(async (tx) => {
    const { policy, to } = await lockForStep(tx, user, id, 'publish', input.version)
    const items = await q.findItems(tx, id)
    const reasons = applyNoCapReasons(items, input.noCapReasons)
    for (const [itemId, reason] of reasons) await q.setNoCapReason(tx, itemId, reason)
    await assertPublishable(deps, tx, policy, items)
    const preview = await previewOf(deps, tx, policy, items)
    if (preview.digest !== input.previewDigest)
      throw new AppError('POLICY_PREVIEW_STALE', {
        fields: { previewDigest: translate('policies.previewStale') },
      })
    const told = preview.pushes.told + preview.pushes.later
    if (preview.needsConfirmation && input.confirmedPushes !== told)
      throw new AppError('POLICY_PUSH_CONFIRMATION_REQUIRED', {
        params: { count: told, threshold: preview.threshold },
        fields: { confirmedPushes: translate('policies.confirmPushes', { count: told }) },
      })
    const decided = decidedOn(preview, input)
    const extra = await publishWorkingCopy(deps, tx, user.userId, policy, input.note ?? null, {
      queueMatch: true,
      preview: decided,
    })
    const updated = await q.updatePolicy(tx, id, {
      status: to.status,
      revision_status: to.revision,
      status_note: input.note ?? null,
      ...extra,
    })
    await writeAudit(tx, user, {
      action: 'policy.publish',
      entityType: 'policy',
      entityId: id,
      before: { status: policy.status, revision: policy.revision_status },
      after: {
        ...to,
        note: input.note ?? null,
        publishedVersion: updated.published_version,
        noCapReasons: Object.fromEntries(reasons),
        preview: decided,
      },
    })
    return presentPolicy(deps, tx, user, updated)
  })
}

/**
 * The publisher's reasons for money items without a cap, checked against the items (applied to the
 * rows in memory too, so the checks that follow see them). Refuses VALIDATION_FAILED: an item the
 * policy does not have, or one that has a cap or pays no money.
 */
function applyNoCapReasons(items: ItemRow[], reasons: Record<string, string>): Map<string, string> {
  const fields: FieldErrors = {}
  const applied = new Map<string, string>()
  for (const [itemId, reason] of Object.entries(reasons)) {
    const item = items.find((i) => i.id === itemId && i.is_active)
    if (!item) fields[`noCapReasons.${itemId}`] = translate('policies.noCapReasonUnknownItem')
    else if (item.benefit_kind === 'service' || item.budget_cap !== null)
      fields[`items.${item.code}.noCapReason`] = translate('policies.noCapReasonNotNeeded')
    else {
      item.no_cap_reason = reason
      applied.set(itemId, reason)
    }
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  return applied
}
