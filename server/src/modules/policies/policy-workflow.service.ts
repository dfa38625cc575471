import { cityToday } from '../../kernel/calendar/city-today'
import { requireStaff, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound, type ErrorCode, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { factReader } from '../facts'
import type { PolicySnapshot, SnapshotItem } from './policy-catalogue.service'
import { compileItemRules, type ConditionSource } from './policy-rules'
import { covers, deciders, DECIDING, mayRead, stateOf, writers } from './policy-access'
import { policyMove, type PolicyAction } from './policy-states'
import type { CreateItemInput, CreatePolicyInput, PolicyActionInput, PolicyView } from './policies.schema'
import * as q from './policies.queries'
import * as vq from './policy-versions.queries'
import { MATCH_ITEMS_QUEUE } from '../matching'
import type { ItemRow, PolicyRow } from './policies.queries'
import { presentPolicy } from './policy-presenter'
import { itemRowOf, policyRowOf, problemFields } from './policy-editing.service'

/**
 * A policy from draft to in force and out of it: publication of the working copy, the workflow's
 * steps (who may take which: policy-access.ts, policy-states.ts), expiry, and the system's own
 * published policies (demo data).
 */

/** Everything a publication must satisfy, each problem at the field it is about. */
export async function assertPublishable(deps: AppDeps, tx: Tx, policy: PolicyRow, items: ItemRow[]) {
  const fields: FieldErrors = {}
  const active = items.filter((i) => i.is_active)
  if (!policy.effective_from) fields.effectiveFrom = translate('policies.effectiveFromRequired')
  if (active.length === 0) fields.items = translate('policies.noItems')
  const loaded = await factReader(deps).schema(tx)
  for (const item of active) {
    const compiled = compileItemRules(
      {
        conditions: item.conditions,
        benefitKind: item.benefit_kind,
        amountFormula: item.amount_formula,
        exclusion: item.exclusion,
      },
      loaded.schema,
      loaded.resolveDivision,
    )
    if (!compiled.ok) Object.assign(fields, problemFields(compiled.problems, `items.${item.code}.`))
    if (item.conditions.length === 0)
      fields[`items.${item.code}.conditions`] = translate('policies.noConditions')
    // money given without a limit is a decision someone states, with a reason
    if (item.benefit_kind !== 'service' && item.budget_cap === null && !item.no_cap_reason)
      fields[`items.${item.code}.noCapReason`] = translate('policies.noCapReasonRequired')
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

function snapshotItem(item: ItemRow, ruleVersion: number): SnapshotItem {
  return {
    id: item.id,
    code: item.code,
    title: item.title,
    summary: item.summary,
    benefitKind: item.benefit_kind,
    amount: item.amount,
    amountFormula: item.amount_formula,
    mode: item.mode,
    departmentId: item.department_id,
    budgetCap: item.budget_cap,
    noCapReason: item.no_cap_reason,
    requiredMaterials: item.required_materials,
    promisedWorkingDays: item.promised_working_days,
    conditions: item.conditions.map((c) => ({
      id: c.id,
      clause: c.clause,
      rule: c.rule,
      note: c.note ?? null,
    })),
    exclusion: item.exclusion,
    effectiveFrom: item.effective_from,
    effectiveTo: item.effective_to,
    topics: item.topics,
    isPushEnabled: item.is_push_enabled,
    sortOrder: item.sort_order,
    ruleVersion,
  }
}

/**
 * Publishing: the working copy becomes a new version in force. An item whose rules changed gets a new
 * rule version from the day it applies; the previous version ends the day before. The items are
 * then matched against every enterprise by a job (and the newly eligible told).
 */
export async function publishWorkingCopy(
  deps: AppDeps,
  tx: Tx,
  publishedBy: string | null,
  policy: PolicyRow,
  note: string | null,
  options: { queueMatch: boolean; preview?: unknown } = { queueMatch: true },
) {
  const items = await q.findItems(tx, policy.id)
  await assertPublishable(deps, tx, policy, items)
  const today = cityToday(deps)
  const snapshotItems: SnapshotItem[] = []
  for (const item of items.filter((i) => i.is_active)) {
    const latest = await vq.findLatestRuleVersion(tx, item.id)
    const rules = {
      conditions: item.conditions,
      amountFormula: item.amount_formula,
      exclusion: item.exclusion,
    }
    const unchanged =
      latest &&
      JSON.stringify(latest.conditions) === JSON.stringify(rules.conditions) &&
      latest.amount_formula === rules.amountFormula &&
      JSON.stringify(latest.exclusion ?? null) === JSON.stringify(rules.exclusion ?? null)
    let ruleVersion = latest?.rule_version ?? 1
    if (!unchanged) {
      ruleVersion = (latest?.rule_version ?? 0) + 1
      const start = item.effective_from ?? policy.effective_from
      const from = latest ? (start && start > today ? start : today) : start
      if (latest && from) await vq.closeRuleVersion(tx, item.id, latest.rule_version, addDays(from, -1))
      await vq.insertRuleVersion(tx, {
        itemId: item.id,
        ruleVersion,
        conditions: rules.conditions,
        amountFormula: rules.amountFormula,
        exclusion: rules.exclusion,
        effectiveFrom: from,
        effectiveTo: item.effective_to ?? policy.effective_to,
        policyVersion: (policy.published_version ?? 0) + 1,
      })
    }
    snapshotItems.push(snapshotItem(item, ruleVersion))
  }
  const snapshot: PolicySnapshot = {
    policy: {
      id: policy.id,
      title: policy.title,
      issuer: policy.issuer,
      documentNumber: policy.document_number,
      level: policy.level,
      issuedOn: policy.issued_on,
      effectiveFrom: policy.effective_from,
      effectiveTo: policy.effective_to,
      summary: policy.summary,
      fullText: policy.full_text,
      sourceUrl: policy.source_url,
      topics: policy.topics,
      ownerDepartmentId: policy.owner_department_id,
    },
    items: snapshotItems,
  }
  const versionNo = (policy.published_version ?? 0) + 1
  await vq.insertVersion(tx, {
    policyId: policy.id,
    versionNo,
    snapshot,
    by: publishedBy,
    note,
    preview: options.preview ?? null,
  })
  if (options.queueMatch) await deps.jobs.send(tx, MATCH_ITEMS_QUEUE, { policyId: policy.id })
  return { published_version: versionNo }
}

/**
 * Locks a policy for a workflow step by the caller. Refuses: NOT_FOUND, FORBIDDEN, VERSION_CONFLICT,
 * the state's named code, POLICY_SAME_REVIEWER (who submitted cannot publish or return).
 */
export async function lockForStep(
  tx: Tx,
  user: UserActor,
  id: string,
  action: Exclude<PolicyAction, 'edit' | 'expire'>,
  version: number,
) {
  const policy = await q.lockPolicy(tx, id)
  if (!policy || !mayRead(user, policy)) throw notFound()
  const scope = DECIDING.includes(action) ? deciders(user) : writers(user)
  if (!covers(scope, policy.owner_department_id)) throw new AppError('FORBIDDEN')
  if (policy.version !== version) throw new AppError('VERSION_CONFLICT')
  const move = policyMove(stateOf(policy), action)
  if (!move.ok) throw new AppError(move.code as ErrorCode)
  if ((action === 'publish' || action === 'return') && policy.submitted_by === user.userId)
    throw new AppError('POLICY_SAME_REVIEWER')
  return { policy, to: move.to }
}

/**
 * One workflow step other than publishing (policy-publication.service.ts: a decision on a preview).
 * Refuses: what lockForStep refuses, VALIDATION_FAILED (a return or a repeal without a note).
 */
export async function actOnPolicy(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: Exclude<PolicyAction, 'edit' | 'expire' | 'publish'>,
  input: PolicyActionInput,
): Promise<PolicyView> {
  const user = requireStaff(actor)
  return deps.db.transaction().execute(async (tx) => {
    const { policy, to } = await lockForStep(tx, user, id, action, input.version)
    if ((action === 'return' || action === 'repeal') && !input.note)
      throw new AppError('VALIDATION_FAILED', { fields: { note: translate('policies.noteRequired') } })
    const extra = action === 'submit' ? { submitted_by: user.userId, submitted_at: new Date() } : {}
    const updated = await q.updatePolicy(tx, id, {
      status: to.status,
      revision_status: to.revision,
      status_note: input.note ?? null,
      ...extra,
    })
    if (action === 'repeal') await deps.jobs.send(tx, MATCH_ITEMS_QUEUE, { policyId: id })
    await writeAudit(tx, user, {
      action: `policy.${action}`,
      entityType: 'policy',
      entityId: id,
      before: stateOf(policy),
      after: { ...to, note: input.note ?? null, publishedVersion: updated.published_version },
    })
    return presentPolicy(deps, tx, user, updated)
  })
}

/** Job: policies whose end date has passed leave force (matching stops, enterprises see them as expired). */
export async function expirePolicies(deps: AppDeps): Promise<number> {
  const today = cityToday(deps)
  const due = await vq.findPoliciesToExpire(deps.db, today)
  for (const { id } of due) {
    await deps.db.transaction().execute(async (tx) => {
      const policy = await q.lockPolicy(tx, id)
      if (!policy) return
      const move = policyMove(stateOf(policy), 'expire')
      if (!move.ok) return
      await q.updatePolicy(tx, id, { status: move.to.status, revision_status: null })
      await deps.jobs.send(tx, MATCH_ITEMS_QUEUE, { policyId: id })
      await writeAudit(
        tx,
        { kind: 'system', label: 'policy-expiry' },
        {
          action: 'policy.expire',
          entityType: 'policy',
          entityId: id,
          before: stateOf(policy),
          after: move.to,
        },
      )
    })
  }
  return due.length
}

/**
 * A policy put straight into force by the system (demo data, or a migration from another platform):
 * the same rows and the same publication as the workflow, audited as the system.
 */
export async function createPublishedPolicy(
  deps: AppDeps,
  tx: Tx,
  input: CreatePolicyInput & { items: (CreateItemInput & { conditions: ConditionSource[] })[] },
  label: string,
): Promise<string> {
  const policy = await q.insertPolicy(tx, { ...policyRowOf(input), status: 'review' })
  for (const [i, item] of input.items.entries()) {
    await q.insertItem(tx, itemRowOf(policy.id, { ...item, sortOrder: i }, item.conditions))
  }
  // matched by the caller's full run (a seed's first run is a baseline: nobody is pushed)
  const extra = await publishWorkingCopy(deps, tx, null, policy, null, { queueMatch: false })
  await q.updatePolicy(tx, policy.id, { status: 'published', ...extra })
  await writeAudit(
    tx,
    { kind: 'system', label },
    {
      action: 'policy.publish',
      entityType: 'policy',
      entityId: policy.id,
      after: { title: input.title, documentNumber: input.documentNumber, items: input.items.length },
    },
  )
  return policy.id
}
