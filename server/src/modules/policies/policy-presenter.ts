import type { UserActor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { RuleRenderer, type Locale } from '../../shared/rules/render'
import { factReader, type RuleSchema } from '../facts'
import { exclusionSentence } from './holder-exclusion'
import { compileItemRules } from './policy-rules'
import { covers, deciders, DECIDING, stateOf, writers } from './policy-access'
import { policyMove, type PolicyAction } from './policy-states'
import type { ItemView, PolicyView } from './policies.schema'
import * as q from './policies.queries'
import * as vq from './policy-versions.queries'
import type { ItemRow, PolicyRow } from './policies.queries'

/** A policy as staff see it: its working copy, its items with their rules read back, what they may do next. */

export function allowedActions(user: UserActor, policy: PolicyRow): string[] {
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

function renderers(loaded: RuleSchema) {
  return {
    'zh-CN': new RuleRenderer(loaded.schema, 'zh-CN', loaded.nameDivision),
    en: new RuleRenderer(loaded.schema, 'en', loaded.nameDivision),
  }
}

function presentItem(
  row: ItemRow,
  names: Map<string, string>,
  loaded: RuleSchema,
  locale: Locale,
  ruleVersion: number | null,
): ItemView {
  const compiled = compileItemRules(
    {
      conditions: row.conditions,
      benefitKind: row.benefit_kind,
      amountFormula: row.amount_formula,
      exclusion: row.exclusion,
    },
    loaded.schema,
    loaded.resolveDivision,
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
  const loaded = await factReader(deps).schema(db)
  const locale = currentLocale()
  const ruleVersions = new Map<string, number>()
  for (const item of items) {
    const latest = await vq.findLatestRuleVersion(db, item.id)
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
    items: items.map((i) => presentItem(i, names, loaded, locale, ruleVersions.get(i.id) ?? null)),
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
