import crypto from 'node:crypto'
import { requireStaff, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, type ErrorCode, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { describeProblem } from '../../shared/rules/problems'
import { factReader } from '../facts'
import type { HolderExclusion } from './holder-exclusion'
import { compileItemRules, type CompileProblems, type ConditionSource } from './policy-rules'
import { covers, mayRead, stateOf, writers } from './policy-access'
import { policyMove } from './policy-states'
import type {
  CreateItemInput,
  CreatePolicyInput,
  PolicyView,
  UpdateItemInput,
  UpdatePolicyInput,
} from './policies.schema'
import './policies.messages'
import * as q from './policies.queries'
import type { ItemRow } from './policies.queries'
import { presentPolicy } from './policy-presenter'

/**
 * Writing a policy's working copy and its benefit items, each rule checked as it is saved (who may
 * write: policy-access.ts).
 */

/** The row of a new policy from its input (the workflow's draft, or the system's published policy). */
export function policyRowOf(input: CreatePolicyInput) {
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
export function itemRowOf(policyId: string, input: CreateItemInput, conditions: ConditionSource[]) {
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

export function withConditionIds(conditions: CreateItemInput['conditions']): ConditionSource[] {
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

export async function assertItemSound(
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
  const loaded = await factReader(deps).schema(tx)
  const compiled = compileItemRules(
    item as typeof item & { benefitKind: ItemRow['benefit_kind'] },
    loaded.schema,
    loaded.resolveDivision,
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
