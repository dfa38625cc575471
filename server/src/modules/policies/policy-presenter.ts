import type { UserActor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
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

/** What an item's answer copies from its row as it is (the rest is read back from its rules). */
const presentItemRow = definePresenter({
  id: 'id',
  policyId: 'policy_id',
  code: 'code',
  title: 'title',
  summary: 'summary',
  benefitKind: 'benefit_kind',
  amount: 'amount',
  amountFormula: 'amount_formula',
  mode: 'mode',
  departmentId: 'department_id',
  budgetCap: 'budget_cap',
  noCapReason: 'no_cap_reason',
  requiredMaterials: 'required_materials',
  promisedWorkingDays: 'promised_working_days',
  effectiveFrom: 'effective_from',
  effectiveTo: 'effective_to',
  topics: 'topics',
  isPushEnabled: 'is_push_enabled',
  sortOrder: 'sort_order',
  isActive: 'is_active',
  version: 'version',
})

/** What a policy's answer copies from its row as it is. */
const presentPolicyRow = definePresenter({
  id: 'id',
  title: 'title',
  issuer: 'issuer',
  documentNumber: 'document_number',
  level: 'level',
  issuedOn: 'issued_on',
  effectiveFrom: 'effective_from',
  effectiveTo: 'effective_to',
  summary: 'summary',
  fullText: 'full_text',
  sourceUrl: 'source_url',
  topics: 'topics',
  ownerDepartmentId: 'owner_department_id',
  status: 'status',
  revisionStatus: 'revision_status',
  publishedVersion: 'published_version',
  statusNote: 'status_note',
  version: 'version',
  updatedAt: 'updated_at',
})

const presentAttachment = definePresenter({
  id: 'id',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
})

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
    ...presentItemRow(row),
    amountText: compiled.ok && compiled.amountNode ? renderer.render(compiled.amountNode) : null,
    departmentName: names.get(row.department_id) ?? null,
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
    ruleVersion,
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
    ...presentPolicyRow(policy),
    ownerDepartmentName: names.get(policy.owner_department_id) ?? null,
    items: items.map((i) => presentItem(i, names, loaded, locale, ruleVersions.get(i.id) ?? null)),
    attachments: (await q.findAttachments(db, policy.id)).map(presentAttachment),
    allowedActions: allowedActions(user, policy),
  }
}
