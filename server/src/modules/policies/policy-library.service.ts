import { cityToday } from '../../kernel/calendar/city-today'
import { requireStaff, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { currentLocale } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { RuleRenderer } from '../../shared/rules/render'
import { acceptUpload } from '../../kernel/uploads'
import { exclusionSentence } from './holder-exclusion'
import { effectiveItems, loadCatalogue } from './policy-catalogue.service'
import { lockForEdit } from './policy-editing.service'
import { getPolicy } from './policy-reads.service'
import * as q from './policies.queries'
import * as vq from './policy-versions.queries'
import { findCounts } from '../matching'

/**
 * The public policy library: what is in force, as published, with each condition as a sentence and
 * how many enterprises the item fits today. Anyone may read it.
 */
export async function listPublicPolicies(
  deps: AppDeps,
  input: { topic?: string | undefined; level?: string | undefined; q?: string | undefined },
) {
  const catalogue = await loadCatalogue(deps)
  const text = input.q?.toLowerCase()
  const owners = await q.findDepartmentNames(
    deps.db,
    [...catalogue.snapshots.values()].map((s) => s.policy.ownerDepartmentId),
  )
  const items = [...catalogue.snapshots.entries()]
    .map(([id, s]) => ({ id, ...s }))
    .filter(
      (s) =>
        !input.topic ||
        s.policy.topics.includes(input.topic) ||
        s.items.some((i) => i.topics.includes(input.topic!)),
    )
    .filter((s) => !input.level || s.policy.level === input.level)
    .filter(
      (s) =>
        !text ||
        s.policy.title.toLowerCase().includes(text) ||
        (s.policy.documentNumber ?? '').toLowerCase().includes(text) ||
        s.items.some((i) => i.title.toLowerCase().includes(text)),
    )
    .sort((a, b) => (b.policy.issuedOn ?? '').localeCompare(a.policy.issuedOn ?? ''))
  const statuses = new Map((await vq.findInForceSnapshots(deps.db)).map((r) => [r.id, r.status]))
  return {
    items: items.map((s) => ({
      id: s.id,
      title: s.policy.title,
      issuer: s.policy.issuer,
      documentNumber: s.policy.documentNumber,
      level: s.policy.level,
      issuedOn: s.policy.issuedOn,
      effectiveFrom: s.policy.effectiveFrom,
      effectiveTo: s.policy.effectiveTo,
      summary: s.policy.summary,
      sourceUrl: s.policy.sourceUrl,
      topics: s.policy.topics,
      status: (statuses.get(s.id) ?? 'published') as 'published' | 'amended',
      versionNo: s.versionNo,
      ownerDepartmentName: owners.get(s.policy.ownerDepartmentId) ?? null,
      itemCount: s.items.length,
    })),
    total: items.length,
  }
}

/** One policy in force, whole. Refuses: NOT_FOUND (not in force, or no such policy). */
export async function getPublicPolicy(deps: AppDeps, id: string) {
  const catalogue = await loadCatalogue(deps)
  const snapshot = catalogue.snapshots.get(id)
  if (!snapshot) throw notFound()
  const locale = currentLocale()
  const renderer = new RuleRenderer(catalogue.schema.schema, locale, catalogue.schema.nameDivision)
  const names = await q.findDepartmentNames(deps.db, [
    snapshot.policy.ownerDepartmentId,
    ...snapshot.items.map((i) => i.departmentId),
  ])
  const counts = new Map((await findCounts(deps.db)).map((c) => [c.item_id, c.eligible]))
  const today = cityToday(deps)
  const effective = new Set(effectiveItems(catalogue, today).map((i) => i.id))
  const policy = (await q.findPolicy(deps.db, id))!
  return {
    id,
    title: snapshot.policy.title,
    issuer: snapshot.policy.issuer,
    documentNumber: snapshot.policy.documentNumber,
    level: snapshot.policy.level,
    issuedOn: snapshot.policy.issuedOn,
    effectiveFrom: snapshot.policy.effectiveFrom,
    effectiveTo: snapshot.policy.effectiveTo,
    summary: snapshot.policy.summary,
    fullText: snapshot.policy.fullText,
    sourceUrl: snapshot.policy.sourceUrl,
    topics: snapshot.policy.topics,
    status: policy.status,
    versionNo: snapshot.versionNo,
    ownerDepartmentName: names.get(snapshot.policy.ownerDepartmentId) ?? null,
    items: snapshot.items.map((i) => {
      const compiled = catalogue.byId.get(i.id)
      return {
        id: i.id,
        code: i.code,
        title: i.title,
        summary: i.summary,
        benefitKind: i.benefitKind,
        amount: i.amount,
        amountText: compiled?.amountNode ? renderer.render(compiled.amountNode) : null,
        mode: i.mode,
        departmentName: names.get(i.departmentId) ?? null,
        requiredMaterials: i.requiredMaterials,
        promisedWorkingDays: i.promisedWorkingDays,
        ruleVersion: i.ruleVersion,
        conditions: (compiled?.conditions ?? []).map((c) => ({
          id: c.id,
          clause: c.clause,
          // the holder exclusion as the editor reads it, not its generated rule
          text: c.exclusion
            ? exclusionSentence(c.exclusion, catalogue.schema.schema, locale)
            : renderer.render(c.node),
          note: c.note ?? null,
        })),
        eligibleCount: effective.has(i.id) ? (counts.get(i.id) ?? null) : null,
      }
    }),
    attachments: (await q.findAttachments(deps.db, id)).map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
    })),
  }
}

/** A policy's attachment: public once the policy is in force, otherwise to those who may read the draft. */
export async function getPolicyAttachment(
  deps: AppDeps,
  actor: Actor,
  policyId: string,
  attachmentId: string,
) {
  const catalogue = await loadCatalogue(deps)
  if (!catalogue.snapshots.has(policyId)) await getPolicy(deps, actor, policyId) // refuses drafts to strangers
  const row = await q.findAttachment(deps.db, policyId, attachmentId)
  if (!row) throw notFound()
  return row
}

/** Refuses: FORBIDDEN, NOT_FOUND, POLICY_NOT_EDITABLE, ATTACHMENT_REJECTED (type, size). */
export async function uploadPolicyAttachment(
  deps: AppDeps,
  actor: Actor,
  policyId: string,
  file: { name: string; bytes: Uint8Array },
) {
  const user = requireStaff(actor)
  const upload = acceptUpload(file)
  return deps.db.transaction().execute(async (tx) => {
    await lockForEdit(tx, user, policyId, null)
    const row = await q.insertAttachment(tx, {
      policyId,
      fileName: upload.fileName,
      contentType: upload.contentType,
      bytes: upload.content,
      sha256: upload.sha256,
      by: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'policy.attach',
      entityType: 'policy',
      entityId: policyId,
      after: { attachmentId: row.id, fileName: row.file_name },
    })
    return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes }
  })
}
