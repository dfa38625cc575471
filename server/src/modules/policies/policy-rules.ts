import type { Node, RuleProblem } from '../../shared/rules/ast'
import { compileRule, type DivisionResolver } from '../../shared/rules/checker'
import {
  Evaluator,
  UNKNOWN,
  type EvaluationContext,
  type FactValue,
  type RawValue,
  type Value,
} from '../../shared/rules/evaluate'
import type { FactSchema } from '../../shared/rules/fact-schema'
import { formatDate, formatNumber, RuleRenderer, type Locale } from '../../shared/rules/render'
import type { BenefitKind, BenefitMode, MatchOutcome } from '../../shared/policies'
import {
  checkExclusion,
  describeExclusion,
  EXCLUSION_CONDITION_ID,
  exclusionRule,
  type HolderExclusion,
} from './holder-exclusion'

/**
 * A benefit item's rules, compiled, and what they say about one enterprise: each condition with the
 * fact values it read, their source and period, pass / fail / missing, and the clause of the policy
 * it comes from. Pure: the service supplies the facts.
 */
export type ConditionSource = { id: string; clause: string; rule: string; note?: string | null }
/** A condition ready to evaluate; `exclusion` marks the one generated from the item's holder exclusion. */
export type CompiledCondition = ConditionSource & { node: Node; exclusion?: HolderExclusion }

export type RequiredMaterial = { key: string; nameZh: string; nameEn: string; isRequired: boolean }

export type CompiledItem = {
  id: string
  policyId: string
  policyTitle: string
  documentNumber: string | null
  issuer: string
  code: string
  title: string
  summary: string
  benefitKind: BenefitKind
  amount: number | null
  amountFormula: string | null
  amountNode: Node | null
  mode: BenefitMode
  departmentId: string
  budgetCap: number | null
  /** not offered to enterprises that already hold what it grants (also the last of `conditions`) */
  exclusion: HolderExclusion | null
  requiredMaterials: RequiredMaterial[]
  promisedWorkingDays: number
  conditions: CompiledCondition[]
  effectiveFrom: string | null
  effectiveTo: string | null
  topics: string[]
  isPushEnabled: boolean
  ruleVersion: number
}

/** `exclusion`: field → i18n key (exclusion.tag, exclusion.sinceFact, …). */
export type CompileProblems = {
  conditions: Record<number, RuleProblem[]>
  amount: RuleProblem[]
  exclusion: Record<string, string>
}

/**
 * Every condition and the amount formula checked against the schema; all problems at once. A holder
 * exclusion becomes one more condition (id `holders`), after the written ones.
 */
export function compileItemRules(
  input: {
    conditions: ConditionSource[]
    benefitKind: BenefitKind
    amountFormula: string | null
    exclusion?: HolderExclusion | null | undefined
  },
  schema: FactSchema,
  resolveDivision?: DivisionResolver,
):
  | { ok: true; conditions: CompiledCondition[]; amountNode: Node | null }
  | { ok: false; problems: CompileProblems } {
  const problems: CompileProblems = { conditions: {}, amount: [], exclusion: {} }
  const conditions: CompiledCondition[] = []
  input.conditions.forEach((c, i) => {
    const compiled = compileRule(c.rule, schema, {
      expect: 'boolean',
      ...(resolveDivision ? { resolveDivision } : {}),
    })
    if (compiled.ok) conditions.push({ ...c, node: compiled.rule.node })
    else problems.conditions[i] = compiled.problems
  })
  let amountNode: Node | null = null
  if (input.benefitKind === 'formula' && input.amountFormula) {
    const compiled = compileRule(input.amountFormula, schema, {
      expect: 'number',
      ...(resolveDivision ? { resolveDivision } : {}),
    })
    if (compiled.ok) amountNode = compiled.rule.node
    else problems.amount = compiled.problems
  }
  if (input.exclusion) {
    const exclusion = input.exclusion
    problems.exclusion = checkExclusion(exclusion, schema)
    if (input.conditions.some((c) => c.id === EXCLUSION_CONDITION_ID))
      problems.exclusion.conditions = 'policies.exclusion.idTaken'
    if (!Object.keys(problems.exclusion).length) {
      const rule = exclusionRule(exclusion)
      const compiled = compileRule(rule, schema, { expect: 'boolean' })
      if (compiled.ok)
        conditions.push({
          id: EXCLUSION_CONDITION_ID,
          clause: exclusion.clause,
          rule,
          note: null,
          node: compiled.rule.node,
          exclusion,
        })
      // checkExclusion admits only what this rule can say; a failure here is a bug, said as one
      else problems.exclusion.tag = 'policies.exclusion.unknownTag'
    }
  }
  if (
    Object.keys(problems.conditions).length ||
    problems.amount.length ||
    Object.keys(problems.exclusion).length
  )
    return { ok: false, problems }
  return { ok: true, conditions, amountNode }
}

export type FactReading = {
  key: string
  label: string
  value: RawValue | null
  display: string | null
  source: string | null
  period: string | null
  isVerified: boolean
  isMissing: boolean
}

export type ConditionExplanation = {
  id: string
  clause: string
  note: string | null
  text: string
  /** the item's holder exclusion: `text` says what the enterprise already holds, and until when */
  isExclusion: boolean
  result: 'pass' | 'fail' | 'missing'
  facts: FactReading[]
}

export type Explanation = {
  itemId: string
  outcome: MatchOutcome
  conditions: ConditionExplanation[]
  /** facts to complete (or renew) so the outcome can be decided: only when undetermined */
  missingFacts: { key: string; label: string; isPeriodic: boolean }[]
  amount: number | null
  amountText: string | null
}

export function displayValue(schema: FactSchema, key: string, value: RawValue, locale: Locale): string {
  const def = schema.get(key)
  if (!def) return String(value)
  const zh = locale === 'zh-CN'
  switch (def.type) {
    case 'boolean':
      return value ? (zh ? '是' : 'yes') : zh ? '否' : 'no'
    case 'date':
      return formatDate(value as string, locale)
    case 'enum':
    case 'tags': {
      const names = (Array.isArray(value) ? value : [value as string]).map((code) => {
        const v = def.values?.find((x) => x.code === code)
        return v ? (zh ? v.zh : v.en) : code
      })
      return names.length ? names.join(zh ? '、' : ', ') : zh ? '无' : 'none'
    }
    case 'industry':
    case 'division':
      return String(value)
    default:
      return formatNumber(value as number, def, locale)
  }
}

/** Outcome and reasons of one item for one enterprise (or a calculator's entered facts). */
export function explainItem(
  item: CompiledItem,
  ctx: EvaluationContext,
  locale: Locale,
  renderer: RuleRenderer,
): Explanation {
  const conditions: ConditionExplanation[] = []
  for (const c of item.conditions) {
    const evaluator = new Evaluator(ctx)
    const result = evaluator.evaluate(c.node)
    const facts: FactReading[] = []
    for (const [key, stored] of evaluator.reads) facts.push(reading(ctx.schema, key, stored, locale))
    const outcome = result === UNKNOWN ? 'missing' : result === true ? 'pass' : 'fail'
    conditions.push({
      id: c.id,
      clause: c.clause,
      note: c.note ?? null,
      text: c.exclusion
        ? describeExclusion(c.exclusion, outcome, evaluator.reads, ctx.schema, locale)
        : renderer.render(c.node),
      isExclusion: !!c.exclusion,
      result: outcome,
      facts,
    })
  }
  const outcome: MatchOutcome = conditions.some((c) => c.result === 'fail')
    ? 'ineligible'
    : conditions.some((c) => c.result === 'missing')
      ? 'undetermined'
      : 'eligible'
  const missingFacts =
    outcome === 'undetermined'
      ? uniqueBy(
          conditions
            .filter((c) => c.result === 'missing')
            .flatMap((c) => c.facts.filter((f) => f.isMissing))
            .map((f) => ({
              key: f.key,
              label: f.label,
              isPeriodic: ctx.schema.get(f.key)?.isPeriodic ?? false,
            })),
          (f) => f.key,
        )
      : []
  const amount = amountOf(item, ctx)
  return {
    itemId: item.id,
    outcome,
    conditions,
    missingFacts,
    amount,
    amountText:
      amount === null
        ? null
        : formatNumber(
            amount,
            {
              key: 'amount',
              labelZh: '',
              labelEn: '',
              type: 'money',
              unitZh: '元',
              unitEn: 'yuan',
              isPeriodic: false,
            },
            locale,
          ),
  }
}

/** What the item gives this enterprise: a fixed amount, the formula's value (rounded to the fen), or nothing to compute. */
export function amountOf(item: CompiledItem, ctx: EvaluationContext): number | null {
  if (item.benefitKind === 'amount') return item.amount
  if (item.benefitKind !== 'formula' || !item.amountNode) return null
  const value: Value | typeof UNKNOWN = new Evaluator(ctx).evaluate(item.amountNode)
  if (value === UNKNOWN || typeof value !== 'number' || !Number.isFinite(value)) return null
  return Math.max(0, Math.round(value * 100) / 100)
}

function reading(schema: FactSchema, key: string, stored: FactValue | null, locale: Locale): FactReading {
  const def = schema.get(key)
  return {
    key,
    label: def ? (locale === 'zh-CN' ? def.labelZh : def.labelEn) : key,
    value: stored?.value ?? null,
    display: stored ? displayValue(schema, key, stored.value, locale) : null,
    source: stored?.source ?? null,
    period: stored?.period ?? null,
    isVerified: stored?.isVerified ?? false,
    isMissing: stored === null,
  }
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)))
}

/** Whether an item applies on a date (its own dates, else its policy's). */
export function isItemEffective(
  item: Pick<CompiledItem, 'effectiveFrom' | 'effectiveTo'>,
  today: string,
): boolean {
  return (
    (!item.effectiveFrom || item.effectiveFrom <= today) && (!item.effectiveTo || item.effectiveTo >= today)
  )
}
