import { hasRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { PolicyStatus } from '../../shared/policies'
import { mayRead, writers } from './policy-access'
import type { PolicyListInput, PolicyView } from './policies.schema'
import * as q from './policies.queries'
import * as vq from './policy-versions.queries'
import { presentPolicy } from './policy-presenter'

/** Reading policies: the staff's list, one policy, its versions (who may see what: policy-access.ts). */

export async function listPolicies(deps: AppDeps, actor: Actor, input: PolicyListInput) {
  const user = requireStaff(actor)
  const scope = writers(user)
  const seesAllDrafts = scope.all || hasRole(user, 'dispatcher')
  const statuses: PolicyStatus[] | undefined = input.status ? [input.status] : undefined
  const drafts = input.status === 'draft' || input.status === 'review'
  const result = await q.findPolicies(
    deps.db,
    {
      ...(statuses ? { statuses } : {}),
      topic: input.topic,
      level: input.level,
      text: input.q,
      // drafts of other departments stay with them
      departmentIds: drafts && !seesAllDrafts ? scope.departments : null,
    },
    input,
  )
  const visible = result.rows.filter((r) => mayRead(user, r))
  return {
    items: visible.map((r) => ({
      id: r.id,
      title: r.title,
      issuer: r.issuer,
      documentNumber: r.document_number,
      level: r.level,
      issuedOn: r.issued_on,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      summary: r.summary,
      sourceUrl: r.source_url,
      topics: r.topics,
      ownerDepartmentId: r.owner_department_id,
      ownerDepartmentName: r.owner_department_name,
      status: r.status,
      revisionStatus: r.revision_status,
      publishedVersion: r.published_version,
      statusNote: r.status_note,
      version: r.version,
      updatedAt: r.updated_at.toISOString(),
      itemCount: Number(r.item_count ?? 0),
    })),
    total: result.total,
  }
}

/** Refuses: FORBIDDEN (not staff), NOT_FOUND (also a draft of another department). */
export async function getPolicy(deps: AppDeps, actor: Actor, id: string): Promise<PolicyView> {
  const user = requireStaff(actor)
  const policy = await q.findPolicy(deps.db, id)
  if (!policy || !mayRead(user, policy)) throw notFound()
  return presentPolicy(deps, deps.db, user, policy)
}

export async function listPolicyVersions(deps: AppDeps, actor: Actor, id: string) {
  const user = requireStaff(actor)
  const policy = await q.findPolicy(deps.db, id)
  if (!policy || !mayRead(user, policy)) throw notFound()
  const rows = await vq.findVersions(deps.db, id)
  return {
    items: rows.map((r) => ({
      versionNo: r.version_no,
      publishedAt: r.published_at.toISOString(),
      publishedBy: r.published_by_name,
      note: r.note,
      decision: decisionOf(r.preview),
    })),
  }
}

/** What a version was decided on, in brief (the preview its publisher confirmed; null before previews). */
function decisionOf(preview: unknown) {
  const p = preview as {
    enterprises: number
    pushes: { told: number; later: number; newlyEligible: number }
    items: { counts: { eligible: number }; cost: { eligible: number } | null }[]
  } | null
  if (!p?.pushes) return null
  const costs = p.items.map((i) => i.cost?.eligible ?? null).filter((c): c is number => c !== null)
  return {
    enterprises: p.enterprises,
    eligible: p.items.reduce((sum, i) => sum + i.counts.eligible, 0),
    newlyEligible: p.pushes.newlyEligible,
    told: p.pushes.told + p.pushes.later,
    cost: costs.length ? Math.round(costs.reduce((a, b) => a + b * 100, 0)) / 100 : null,
  }
}
