import { cityToday } from '../../kernel/calendar/city-today'
import { departmentsWhere, hasRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { MatchOutcome } from '../../shared/policies'
import { factsOf } from '../../shared/rules/ast'
import { compileRule } from '../../shared/rules/checker'
import { dayNumber } from '../../shared/rules/dates'
import {
  Evaluator,
  UNKNOWN,
  type EvaluationContext,
  type FactValue,
  type RawValue,
} from '../../shared/rules/evaluate'
import { describeProblem } from '../../shared/rules/problems'
import { RuleRenderer, type Locale } from '../../shared/rules/render'
import { requireEnterpriseAccess } from '../enterprises'
import { checkFactValue, factReader, isDivisionCode } from '../facts'
import {
  displayValue,
  effectiveItems,
  explainItem,
  loadCatalogue,
  type Catalogue,
  type CompiledItem,
  type Explanation,
} from '../policies'
import type { MatchView } from './matching.schema'
import * as q from './matching.queries'
import * as pq from './pushes.queries'

/**
 * What a policy says to one enterprise, condition by condition: for its members and staff, for the
 * public calculator (facts typed in, nothing stored), and for the rule editor's live preview.
 */

function contextFor(
  catalogue: Catalogue,
  lookup: EvaluationContext['lookup'],
  today: string,
): EvaluationContext {
  return {
    schema: catalogue.schema.schema,
    derived: catalogue.schema.derived,
    today: dayNumber(today),
    lookup,
  }
}

function rendererFor(catalogue: Catalogue, locale: Locale) {
  return new RuleRenderer(catalogue.schema.schema, locale, catalogue.schema.nameDivision)
}

async function presentMatches(
  db: Executor,
  catalogue: Catalogue,
  items: CompiledItem[],
  explanations: Explanation[],
  pushes: Map<string, { detected_at: Date; viewed_at: Date | null }>,
): Promise<MatchView[]> {
  const names = await q.findDepartmentNames(db, [...new Set(items.map((i) => i.departmentId))])
  return items.map((item, i) => ({
    item: {
      id: item.id,
      policyId: item.policyId,
      policyTitle: item.policyTitle,
      documentNumber: item.documentNumber,
      issuer: item.issuer,
      code: item.code,
      title: item.title,
      summary: item.summary,
      benefitKind: item.benefitKind,
      mode: item.mode,
      departmentName: names.get(item.departmentId) ?? null,
      effectiveTo: item.effectiveTo,
      topics: item.topics,
      requiredMaterials: item.requiredMaterials,
      promisedWorkingDays: item.promisedWorkingDays,
      ruleVersion: item.ruleVersion,
    },
    explanation: explanations[i]!,
    pushedAt: pushes.get(item.id)?.detected_at.toISOString() ?? null,
    viewedAt: pushes.get(item.id)?.viewed_at?.toISOString() ?? null,
  }))
}

/** The first push of each item to the enterprise (the list is newest first). */
async function pushesOf(db: Executor, enterpriseId: string) {
  const map = new Map<string, { detected_at: Date; viewed_at: Date | null }>()
  for (const p of await pq.findPushesOf(db, enterpriseId)) map.set(p.item_id, p)
  return map
}

const ORDER: Record<MatchOutcome, number> = { eligible: 0, undetermined: 1, ineligible: 2 }

function countsOf(explanations: Explanation[]) {
  return {
    eligible: explanations.filter((e) => e.outcome === 'eligible').length,
    undetermined: explanations.filter((e) => e.outcome === 'undetermined').length,
    ineligible: explanations.filter((e) => e.outcome === 'ineligible').length,
  }
}

/** An enterprise's outcome for one item, for other modules (a consent or an application checks it). */
export async function explainForEnterprise(
  deps: AppDeps,
  db: Executor,
  enterpriseId: string,
  itemId: string,
): Promise<{ item: CompiledItem; explanation: Explanation } | undefined> {
  const found = await explainForEnterprises(deps, db, [enterpriseId], itemId)
  return found && found.explanations.has(enterpriseId)
    ? { item: found.item, explanation: found.explanations.get(enterpriseId)! }
    : undefined
}

/** One in-force item explained for many enterprises at once (a payout list re-checks every consent). */
export async function explainForEnterprises(
  deps: AppDeps,
  db: Executor,
  enterpriseIds: readonly string[],
  itemId: string,
): Promise<{ item: CompiledItem; explanations: Map<string, Explanation> } | undefined> {
  const today = cityToday(deps)
  const catalogue = await loadCatalogue(deps, db)
  const item = effectiveItems(catalogue, today).find((i) => i.id === itemId)
  if (!item) return undefined
  const sheets = await factReader(deps).sheets(db, catalogue.schema, enterpriseIds, today)
  const render = rendererFor(catalogue, currentLocale())
  const explanations = new Map<string, Explanation>()
  for (const [enterpriseId, sheet] of sheets)
    explanations.set(
      enterpriseId,
      explainItem(item, contextFor(catalogue, sheet.lookup, today), currentLocale(), render),
    )
  return { item, explanations }
}

/** An in-force item by id, for other modules. */
export async function findInForceItem(
  deps: AppDeps,
  db: Executor,
  itemId: string,
): Promise<CompiledItem | undefined> {
  const catalogue = await loadCatalogue(deps, db)
  return catalogue.byId.get(itemId)
}

/** Every item in force with its outcome for the enterprise, the eligible first. Members and staff. */
export async function listMatches(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: { outcome?: MatchOutcome | undefined },
) {
  await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  const today = cityToday(deps)
  const catalogue = await loadCatalogue(deps)
  const sheet = (await factReader(deps).sheet(deps.db, catalogue.schema, enterpriseId, today))!
  const locale = currentLocale()
  const renderer = rendererFor(catalogue, locale)
  const ctx = contextFor(catalogue, sheet.lookup, today)
  const all = effectiveItems(catalogue, today).map((item) => ({
    item,
    explanation: explainItem(item, ctx, locale, renderer),
  }))
  const counts = countsOf(all.map((a) => a.explanation))
  const chosen = all
    .filter((a) => !input.outcome || a.explanation.outcome === input.outcome)
    .sort(
      (a, b) =>
        ORDER[a.explanation.outcome] - ORDER[b.explanation.outcome] ||
        (b.explanation.amount ?? 0) - (a.explanation.amount ?? 0),
    )
  const pushes = await pushesOf(deps.db, enterpriseId)
  return {
    enterpriseId,
    counts,
    items: await presentMatches(
      deps.db,
      catalogue,
      chosen.map((c) => c.item),
      chosen.map((c) => c.explanation),
      pushes,
    ),
  }
}

/** One item's full explanation; a member opening it marks the push as viewed. Refuses: NOT_FOUND. */
export async function getMatch(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  itemId: string,
): Promise<MatchView> {
  const { isMember } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  const found = await explainForEnterprise(deps, deps.db, enterpriseId, itemId)
  if (!found) throw notFound()
  if (isMember) await pq.markPushViewed(deps.db, enterpriseId, itemId)
  const pushes = await pushesOf(deps.db, enterpriseId)
  const catalogue = await loadCatalogue(deps)
  return (await presentMatches(deps.db, catalogue, [found.item], [found.explanation], pushes))[0]!
}

/**
 * The public policy calculator: the facts someone typed in, checked like a declaration, against
 * every item in force. Nothing is stored. Refuses: VALIDATION_FAILED (every bad fact).
 */
export async function calculate(deps: AppDeps, input: { facts: Record<string, RawValue | null> }) {
  const today = cityToday(deps)
  const catalogue = await loadCatalogue(deps)
  const fields: FieldErrors = {}
  const values = new Map<string, FactValue>()
  for (const [key, raw] of Object.entries(input.facts)) {
    if (raw === null) continue
    const def = catalogue.schema.schema.get(key)
    if (!def || def.formula) {
      fields[`facts.${key}`] = translate('facts.unknown')
      continue
    }
    const checked = checkFactValue(def, raw, isDivisionCode)
    if (!checked.ok) fields[`facts.${key}`] = translate(checked.reason, checked.params)
    else values.set(key, { value: checked.value, source: 'declared', period: null, isVerified: false })
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  const locale = currentLocale()
  const renderer = rendererFor(catalogue, locale)
  const ctx = contextFor(catalogue, (key) => values.get(key), today)
  const all = effectiveItems(catalogue, today).map((item) => ({
    item,
    explanation: explainItem(item, ctx, locale, renderer),
  }))
  all.sort((a, b) => ORDER[a.explanation.outcome] - ORDER[b.explanation.outcome])
  return {
    enterpriseId: null,
    counts: countsOf(all.map((a) => a.explanation)),
    items: await presentMatches(
      deps.db,
      catalogue,
      all.map((a) => a.item),
      all.map((a) => a.explanation),
      new Map(),
    ),
  }
}

/**
 * The rule editor's live check: problems with their positions, the rule read back in both
 * languages, and — given an enterprise — what it says about that enterprise and which facts it read.
 * Policy writers only (handlers, department heads, the bureau leadership).
 */
export async function checkRule(
  deps: AppDeps,
  actor: Actor,
  input: { rule: string; expect: 'boolean' | 'number'; enterpriseId?: string | undefined },
) {
  const user = requireStaff(actor)
  const writes =
    hasRole(user, 'bureau_leader') ||
    departmentsWhere(user, 'handler').length > 0 ||
    departmentsWhere(user, 'department_head').length > 0
  if (!writes) throw new AppError('FORBIDDEN')
  const catalogue = await loadCatalogue(deps)
  const schema = catalogue.schema.schema
  const compiled = compileRule(input.rule, schema, {
    expect: input.expect,
    resolveDivision: catalogue.schema.resolveDivision,
  })
  if (!compiled.ok)
    return {
      ok: false,
      problems: compiled.problems.map((p) => ({
        message: describeProblem(p, translate),
        start: p.start,
        end: p.end,
      })),
      textZh: null,
      textEn: null,
      facts: [],
      preview: null,
    }
  const node = compiled.rule.node
  let preview = null
  if (input.enterpriseId) {
    const today = cityToday(deps)
    const sheet = await factReader(deps).sheet(deps.db, catalogue.schema, input.enterpriseId, today)
    if (!sheet)
      throw new AppError('VALIDATION_FAILED', {
        fields: { enterpriseId: translate('appeals.unknownEnterprise') },
      })
    const evaluator = new Evaluator(contextFor(catalogue, sheet.lookup, today))
    const value = evaluator.evaluate(node)
    const locale = currentLocale()
    preview = {
      result:
        input.expect === 'boolean'
          ? value === UNKNOWN
            ? 'missing'
            : value === true
              ? 'pass'
              : 'fail'
          : null,
      value: value === UNKNOWN || typeof value === 'object' ? null : (value as number | string | boolean),
      facts: [...evaluator.reads].map(([key, stored]) => ({
        key,
        label: locale === 'zh-CN' ? schema.get(key)!.labelZh : schema.get(key)!.labelEn,
        display: stored ? displayValue(schema, key, stored.value, locale) : null,
        source: stored?.source ?? null,
        period: stored?.period ?? null,
        isMissing: stored === null,
      })),
    } as const
  }
  return {
    ok: true,
    problems: [],
    textZh: rendererFor(catalogue, 'zh-CN').render(node),
    textEn: rendererFor(catalogue, 'en').render(node),
    facts: factsOf(node),
    preview,
  }
}

/** Who may see the evaluation of an item: the bureau, and the department that pays it out. */
export function mayEvaluate(actor: Actor, departmentId: string): boolean {
  if (actor.kind !== 'user') return false
  if (hasRole(actor, 'bureau_leader') || hasRole(actor, 'dispatcher') || hasRole(actor, 'admin')) return true
  return [...departmentsWhere(actor, 'handler'), ...departmentsWhere(actor, 'department_head')].includes(
    departmentId,
  )
}
