import { cityToday } from '../../kernel/calendar/city-today'
import crypto from 'node:crypto'
import { hasRole, requireStaff, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { addDays } from '../../kernel/calendar/zoned-time'
import { currentLocale } from '../../kernel/context'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, type ErrorCode, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { PolicyStatus } from '../../shared/policies'
import { describeProblem } from '../../shared/rules/problems'
import { RuleRenderer, type Locale } from '../../shared/rules/render'
import { cityCodeOf, divisionNamer, divisionResolver, loadFactSchema } from '../facts'
import { exclusionSentence, type HolderExclusion } from './holder-exclusion'
import type { PolicySnapshot, SnapshotItem } from './policy-catalogue.service'
import { compileItemRules, type CompileProblems, type ConditionSource } from './policy-rules'
import { covers, deciders, DECIDING, mayRead, stateOf, writers } from './policy-access'
import { policyMove, type PolicyAction } from './policy-states'
import type {
  CreateItemInput,
  CreatePolicyInput,
  ItemView,
  PolicyActionInput,
  PolicyListInput,
  PolicyView,
  UpdateItemInput,
  UpdatePolicyInput,
} from './policies.schema'
import './policies.messages'
import * as q from './policies.queries'
import { MATCH_ITEMS_QUEUE } from '../matching'
import type { ItemRow, PolicyRow } from './policies.queries'

/**
 * Policy documents and their benefit items, from draft to in force (who may do what: policy-access.ts).
 */

function allowedActions(user: UserActor, policy: PolicyRow): string[] {
  const actions: PolicyAction[] = ['edit', 'submit', 'return', 'publish', 'revise', 'repeal']
  return actions.filter((a) => {
    if (!policyMove(stateOf(policy), a).ok) return false
    const scope = DECIDING.includes(a) ? deciders(user) : writers(user)
    if (!covers(scope, policy.owner_department_id)) return false
    if ((a === 'publish' || a === 'return') && policy.submitted_by === user.userId) return false
    return true
  })
}

// Presenting

function renderers(loaded: Awaited<ReturnType<typeof loadFactSchema>>) {
  return {
    'zh-CN': new RuleRenderer(loaded.schema, 'zh-CN', divisionNamer),
    en: new RuleRenderer(loaded.schema, 'en', divisionNamer),
  }
}

function presentItem(
  row: ItemRow,
  names: Map<string, string>,
  loaded: Awaited<ReturnType<typeof loadFactSchema>>,
  locale: Locale,
  ruleVersion: number | null,
  cityCode: string,
): ItemView {
  const compiled = compileItemRules(
    {
      conditions: row.conditions,
      benefitKind: row.benefit_kind,
      amountFormula: row.amount_formula,
      exclusion: row.exclusion,
    },
    loaded.schema,
    divisionResolver(cityCode),
  )
  const renderer = renderers(loaded)[locale]
  const texts = new Map<string, string>()
  if (compiled.ok) for (const c of compiled.conditions) texts.set(c.id, renderer.render(c.node))
  return {
    id: row.id,
    policyId: row.policy_id,
    code: row.code,
    title: row.title,
    summary: row.summary,
    benefitKind: row.benefit_kind,
    amount: row.amount,
    amountFormula: row.amount_formula,
    amountText: compiled.ok && compiled.amountNode ? renderer.render(compiled.amountNode) : null,
    mode: row.mode,
    departmentId: row.department_id,
    departmentName: names.get(row.department_id) ?? null,
    budgetCap: row.budget_cap,
    noCapReason: row.no_cap_reason,
    requiredMaterials: row.required_materials,
    promisedWorkingDays: row.promised_working_days,
    conditions: row.conditions.map((c) => ({
      id: c.id,
      clause: c.clause,
      rule: c.rule,
      note: c.note ?? null,
      text: texts.get(c.id) ?? null,
    })),
    exclusion: row.exclusion
      ? { ...row.exclusion, text: exclusionSentence(row.exclusion, loaded.schema, locale) }
      : null,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    topics: row.topics,
    isPushEnabled: row.is_push_enabled,
    sortOrder: row.sort_order,
    isActive: row.is_active,
    ruleVersion,
    version: row.version,
  }
}

export async function presentPolicy(
  deps: AppDeps,
  db: Executor,
  user: UserActor,
  policy: PolicyRow,
): Promise<PolicyView> {
  const items = await q.findItems(db, policy.id)
  const names = await q.findDepartmentNames(db, [
    policy.owner_department_id,
    ...items.map((i) => i.department_id),
  ])
  const loaded = await loadFactSchema(db, cityCodeOf(deps))
  const locale = currentLocale()
  const ruleVersions = new Map<string, number>()
  for (const item of items) {
    const latest = await q.findLatestRuleVersion(db, item.id)
    if (latest) ruleVersions.set(item.id, latest.rule_version)
  }
  return {
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
    ownerDepartmentName: names.get(policy.owner_department_id) ?? null,
    status: policy.status,
    revisionStatus: policy.revision_status,
    publishedVersion: policy.published_version,
    statusNote: policy.status_note,
    items: items.map((i) =>
      presentItem(i, names, loaded, locale, ruleVersions.get(i.id) ?? null, cityCodeOf(deps)),
    ),
    attachments: (await q.findAttachments(db, policy.id)).map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
    })),
    allowedActions: allowedActions(user, policy),
    version: policy.version,
    updatedAt: policy.updated_at.toISOString(),
  }
}

/** The row of a new policy from its input (the workflow's draft, or the system's published policy). */
function policyRowOf(input: CreatePolicyInput) {
  return {
    title: input.title,
    issuer: input.issuer,
    document_number: input.documentNumber,
    level: input.level,
    issued_on: input.issuedOn,
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo,
    summary: input.summary,
    full_text: input.fullText,
    source_url: input.sourceUrl,
    topics: input.topics,
    owner_department_id: input.ownerDepartmentId,
  }
}

/** The row of a new benefit item, its conditions with their ids. */
function itemRowOf(policyId: string, input: CreateItemInput, conditions: ConditionSource[]) {
  return {
    policy_id: policyId,
    code: input.code,
    title: input.title,
    summary: input.summary,
    benefit_kind: input.benefitKind,
    amount: input.amount,
    amount_formula: input.amountFormula,
    mode: input.mode,
    department_id: input.departmentId,
    budget_cap: input.budgetCap,
    no_cap_reason: input.noCapReason,
    required_materials: JSON.stringify(input.requiredMaterials),
    promised_working_days: input.promisedWorkingDays,
    conditions: JSON.stringify(conditions),
    exclusion: input.exclusion ? JSON.stringify(input.exclusion) : null,
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo,
    topics: input.topics,
    is_push_enabled: input.isPushEnabled,
    sort_order: input.sortOrder,
  }
}

// Reading

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
  const rows = await q.findVersions(deps.db, id)
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

// Writing the working copy

function assertDates(
  input: { effectiveFrom?: string | null | undefined; effectiveTo?: string | null | undefined },
  fields: FieldErrors,
) {
  if (input.effectiveFrom && input.effectiveTo && input.effectiveTo < input.effectiveFrom)
    fields.effectiveTo = translate('policies.endBeforeStart')
}

/** Refuses: FORBIDDEN (not a writer for that department), VALIDATION_FAILED. */
export async function createPolicy(
  deps: AppDeps,
  actor: Actor,
  input: CreatePolicyInput,
): Promise<PolicyView> {
  const user = requireStaff(actor)
  if (!covers(writers(user), input.ownerDepartmentId)) throw new AppError('FORBIDDEN')
  const fields: FieldErrors = {}
  assertDates(input, fields)
  if (!(await q.isActiveDepartment(deps.db, input.ownerDepartmentId)))
    fields.ownerDepartmentId = translate('policies.unknownDepartment')
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  return deps.db.transaction().execute(async (tx) => {
    const row = await q.insertPolicy(tx, { ...policyRowOf(input), created_by: user.userId })
    await writeAudit(tx, user, {
      action: 'policy.create',
      entityType: 'policy',
      entityId: row.id,
      after: { title: input.title, documentNumber: input.documentNumber },
    })
    return presentPolicy(deps, tx, user, row)
  })
}

/** Locks the policy for a change of its working copy by a writer. Refuses: NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, POLICY_NOT_EDITABLE. */
export async function lockForEdit(tx: Tx, user: UserActor, id: string, version: number | null) {
  const policy = await q.lockPolicy(tx, id)
  if (!policy || !mayRead(user, policy)) throw notFound()
  if (!covers(writers(user), policy.owner_department_id)) throw new AppError('FORBIDDEN')
  if (version !== null && policy.version !== version) throw new AppError('VERSION_CONFLICT')
  const move = policyMove(stateOf(policy), 'edit')
  if (!move.ok) throw new AppError(move.code as ErrorCode)
  return policy
}

export async function updatePolicy(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdatePolicyInput,
): Promise<PolicyView> {
  const user = requireStaff(actor)
  return deps.db.transaction().execute(async (tx) => {
    const policy = await lockForEdit(tx, user, id, input.version)
    const fields: FieldErrors = {}
    assertDates(
      {
        effectiveFrom: input.effectiveFrom === undefined ? policy.effective_from : input.effectiveFrom,
        effectiveTo: input.effectiveTo === undefined ? policy.effective_to : input.effectiveTo,
      },
      fields,
    )
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
    const { version: _v, ...changes } = input
    const updated = await q.updatePolicy(tx, id, {
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.issuer !== undefined ? { issuer: changes.issuer } : {}),
      ...(changes.documentNumber !== undefined ? { document_number: changes.documentNumber } : {}),
      ...(changes.level !== undefined ? { level: changes.level } : {}),
      ...(changes.issuedOn !== undefined ? { issued_on: changes.issuedOn } : {}),
      ...(changes.effectiveFrom !== undefined ? { effective_from: changes.effectiveFrom } : {}),
      ...(changes.effectiveTo !== undefined ? { effective_to: changes.effectiveTo } : {}),
      ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
      ...(changes.fullText !== undefined ? { full_text: changes.fullText } : {}),
      ...(changes.sourceUrl !== undefined ? { source_url: changes.sourceUrl } : {}),
      ...(changes.topics !== undefined ? { topics: changes.topics } : {}),
    })
    await writeAudit(tx, user, {
      action: 'policy.update',
      entityType: 'policy',
      entityId: id,
      after: changes,
    })
    return presentPolicy(deps, tx, user, updated)
  })
}

function withConditionIds(conditions: CreateItemInput['conditions']): ConditionSource[] {
  return conditions.map((c) => ({
    id: c.id ?? crypto.randomBytes(4).toString('hex'),
    clause: c.clause,
    rule: c.rule,
    note: c.note ?? null,
  }))
}

/** Rule problems as field errors: conditions.2.rule → "…", amountFormula → "…", exclusion.tag → "…". */
export function problemFields(problems: CompileProblems, prefix = ''): FieldErrors {
  const fields: FieldErrors = {}
  for (const [i, list] of Object.entries(problems.conditions))
    fields[`${prefix}conditions.${i}.rule`] = list.map((p) => describeProblem(p, translate)).join('; ')
  if (problems.amount.length)
    fields[`${prefix}amountFormula`] = problems.amount.map((p) => describeProblem(p, translate)).join('; ')
  for (const [field, key] of Object.entries(problems.exclusion))
    fields[`${prefix}exclusion.${field}`] = translate(key)
  return fields
}

async function assertItemSound(
  deps: AppDeps,
  tx: Executor,
  policyId: string,
  itemId: string | null,
  item: {
    code: string
    benefitKind: string
    amount: number | null
    amountFormula: string | null
    departmentId: string
    conditions: ConditionSource[]
    exclusion: HolderExclusion | null
    effectiveFrom: string | null
    effectiveTo: string | null
  },
) {
  const fields: FieldErrors = {}
  if (await q.isItemCodeTaken(tx, policyId, item.code, itemId))
    fields.code = translate('policies.itemCodeTaken')
  if (item.benefitKind === 'amount' && item.amount === null)
    fields.amount = translate('policies.amountRequired')
  if (item.benefitKind === 'formula' && !item.amountFormula)
    fields.amountFormula = translate('policies.formulaRequired')
  if (!(await q.isActiveDepartment(tx, item.departmentId)))
    fields.departmentId = translate('policies.unknownDepartment')
  if (new Set(item.conditions.map((c) => c.id)).size !== item.conditions.length)
    fields.conditions = translate('policies.duplicateConditionIds')
  assertDates(item, fields)
  const loaded = await loadFactSchema(tx, cityCodeOf(deps))
  const compiled = compileItemRules(
    item as typeof item & { benefitKind: ItemRow['benefit_kind'] },
    loaded.schema,
    divisionResolver(cityCodeOf(deps)),
  )
  if (!compiled.ok) Object.assign(fields, problemFields(compiled.problems))
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

/** Refuses: NOT_FOUND, FORBIDDEN, POLICY_NOT_EDITABLE, VALIDATION_FAILED (each rule problem at its condition). */
export async function addItem(
  deps: AppDeps,
  actor: Actor,
  policyId: string,
  input: CreateItemInput,
): Promise<PolicyView> {
  const user = requireStaff(actor)
  return deps.db.transaction().execute(async (tx) => {
    await lockForEdit(tx, user, policyId, null)
    const conditions = withConditionIds(input.conditions)
    await assertItemSound(deps, tx, policyId, null, { ...input, conditions })
    const row = await q.insertItem(tx, itemRowOf(policyId, input, conditions))
    await q.updatePolicy(tx, policyId, {})
    await writeAudit(tx, user, {
      action: 'policy.add_item',
      entityType: 'policy',
      entityId: policyId,
      after: { itemId: row.id, code: input.code, conditions },
    })
    return presentPolicy(deps, tx, user, (await q.findPolicy(tx, policyId))!)
  })
}

export async function updateItem(
  deps: AppDeps,
  actor: Actor,
  policyId: string,
  itemId: string,
  input: UpdateItemInput,
): Promise<PolicyView> {
  const user = requireStaff(actor)
  return deps.db.transaction().execute(async (tx) => {
    await lockForEdit(tx, user, policyId, null)
    const row = await q.findItem(tx, policyId, itemId)
    if (!row) throw notFound()
    const conditions = input.conditions ? withConditionIds(input.conditions) : row.conditions
    const merged = {
      code: input.code ?? row.code,
      benefitKind: input.benefitKind ?? row.benefit_kind,
      amount: input.amount === undefined ? row.amount : input.amount,
      amountFormula: input.amountFormula === undefined ? row.amount_formula : input.amountFormula,
      departmentId: input.departmentId ?? row.department_id,
      conditions,
      exclusion: input.exclusion === undefined ? row.exclusion : input.exclusion,
      effectiveFrom: input.effectiveFrom === undefined ? row.effective_from : input.effectiveFrom,
      effectiveTo: input.effectiveTo === undefined ? row.effective_to : input.effectiveTo,
    }
    await assertItemSound(deps, tx, policyId, itemId, merged)
    const updated = await q.updateItem(tx, itemId, input.version, {
      code: merged.code,
      title: input.title ?? row.title,
      summary: input.summary ?? row.summary,
      benefit_kind: merged.benefitKind,
      amount: merged.amount,
      amount_formula: merged.amountFormula,
      mode: input.mode ?? row.mode,
      department_id: merged.departmentId,
      budget_cap: input.budgetCap === undefined ? row.budget_cap : input.budgetCap,
      no_cap_reason: input.noCapReason === undefined ? row.no_cap_reason : input.noCapReason,
      required_materials: JSON.stringify(input.requiredMaterials ?? row.required_materials),
      promised_working_days: input.promisedWorkingDays ?? row.promised_working_days,
      conditions: JSON.stringify(conditions),
      exclusion: merged.exclusion ? JSON.stringify(merged.exclusion) : null,
      effective_from: merged.effectiveFrom,
      effective_to: merged.effectiveTo,
      topics: input.topics ?? row.topics,
      is_push_enabled: input.isPushEnabled ?? row.is_push_enabled,
      sort_order: input.sortOrder ?? row.sort_order,
      is_active: input.isActive ?? row.is_active,
    })
    if (!updated) throw new AppError('VERSION_CONFLICT')
    await q.updatePolicy(tx, policyId, {})
    await writeAudit(tx, user, {
      action: 'policy.update_item',
      entityType: 'policy',
      entityId: policyId,
      before: {
        itemId,
        conditions: row.conditions,
        exclusion: row.exclusion,
        budgetCap: row.budget_cap,
        noCapReason: row.no_cap_reason,
      },
      after: { itemId, ...input, conditions },
    })
    return presentPolicy(deps, tx, user, (await q.findPolicy(tx, policyId))!)
  })
}

// The workflow

/** Everything a publication must satisfy, each problem at the field it is about. */
export async function assertPublishable(deps: AppDeps, tx: Tx, policy: PolicyRow, items: ItemRow[]) {
  const fields: FieldErrors = {}
  const active = items.filter((i) => i.is_active)
  if (!policy.effective_from) fields.effectiveFrom = translate('policies.effectiveFromRequired')
  if (active.length === 0) fields.items = translate('policies.noItems')
  const loaded = await loadFactSchema(tx, cityCodeOf(deps))
  for (const item of active) {
    const compiled = compileItemRules(
      {
        conditions: item.conditions,
        benefitKind: item.benefit_kind,
        amountFormula: item.amount_formula,
        exclusion: item.exclusion,
      },
      loaded.schema,
      divisionResolver(cityCodeOf(deps)),
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
    const latest = await q.findLatestRuleVersion(tx, item.id)
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
      if (latest && from) await q.closeRuleVersion(tx, item.id, latest.rule_version, addDays(from, -1))
      await q.insertRuleVersion(tx, {
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
  await q.insertVersion(tx, {
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
  const due = await q.findPoliciesToExpire(deps.db, today)
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
