import type { LoadedSchema } from '../facts'
import { compileRule } from '../../shared/rules/checker'
import { dayNumber } from '../../shared/rules/dates'
import { Evaluator, UNKNOWN, type FactValue, type RawValue } from '../../shared/rules/evaluate'
import { FactSchema, type FactDefinition } from '../../shared/rules/fact-schema'
import { RuleRenderer } from '../../shared/rules/render'

/**
 * The conditions of an instant matter (即办件) and their evaluation: pure, the caller supplies the
 * facts. A version's `instant_conditions` is a list of rules in the platform's rule language, each
 * with the clause it comes from:
 *
 *   [{ "id": "credit", "rule": "信用等级 属于 [A, B]", "clause": "《…》第五条" }, …]
 *
 * A rule reads the enterprise's facts (企业规模, 信用等级, …) and the answers of the matter's form,
 * each form property being a fact named by its title (「经营面积 不超过 300」). All must hold; a missing
 * fact or answer is not a pass (三值逻辑: unknown is not true), so such an application goes to review.
 */
export type InstantCondition = { id: string; rule: string; clause: string }

export type ConditionResult = {
  id: string
  clause: string
  text: string
  result: 'pass' | 'fail' | 'missing'
}

export function parseInstantConditions(value: unknown): InstantCondition[] | null {
  if (!Array.isArray(value) || value.length === 0) return null
  const list: InstantCondition[] = []
  for (const item of value as unknown[]) {
    const c = item as Partial<InstantCondition> | null
    if (!c || typeof c.rule !== 'string') return null
    list.push({ id: String(c.id ?? list.length + 1), rule: c.rule, clause: String(c.clause ?? '') })
  }
  return list
}

type FormProperty = { type?: string; title?: string; enum?: unknown[]; format?: string }

const FORM_PREFIX = 'form.'

/** The form's answers as facts: numbers, yes/no, choices and dates the rules can compare. */
export function formFacts(formSchema: unknown): FactDefinition[] {
  const properties = ((formSchema as { schema?: { properties?: Record<string, FormProperty> } } | null)
    ?.schema?.properties ?? {}) as Record<string, FormProperty>
  const facts: FactDefinition[] = []
  for (const [name, p] of Object.entries(properties)) {
    const base = { key: `${FORM_PREFIX}${name}`, labelZh: p.title ?? name, labelEn: name, isPeriodic: false }
    if (p.type === 'number' || p.type === 'integer') facts.push({ ...base, type: 'number' })
    else if (p.type === 'boolean') facts.push({ ...base, type: 'boolean' })
    else if (p.type === 'string' && p.format === 'date') facts.push({ ...base, type: 'date' })
    else if (p.type === 'string' && Array.isArray(p.enum))
      facts.push({
        ...base,
        type: 'enum',
        values: p.enum.map((v) => ({ code: String(v), zh: String(v), en: String(v) })),
      })
  }
  return facts
}

export function evaluateInstantConditions(input: {
  conditions: readonly InstantCondition[]
  loaded: Pick<LoadedSchema, 'definitions' | 'derived'>
  formSchema: unknown
  formData: Record<string, unknown>
  lookup: (key: string) => FactValue | undefined
  today: string
}): { holds: boolean; conditions: ConditionResult[] } {
  const form = formFacts(input.formSchema)
  const formKeys = new Set(form.map((f) => f.key))
  // the form's names come first: a question of the form says what this application asks
  const schema = new FactSchema([
    ...form,
    ...input.loaded.definitions.filter((d) => !form.some((f) => f.labelZh === d.labelZh)),
  ])
  const renderer = new RuleRenderer(schema, 'zh-CN')
  const lookup = (key: string): FactValue | undefined => {
    if (!formKeys.has(key)) return input.lookup(key)
    const value = input.formData[key.slice(FORM_PREFIX.length)]
    if (value === undefined || value === null || value === '') return undefined
    return { value: value as RawValue, source: 'declared', period: null, isVerified: false }
  }
  const ctx = { schema, lookup, derived: input.loaded.derived, today: dayNumber(input.today) }
  const conditions = input.conditions.map((c): ConditionResult => {
    const compiled = compileRule(c.rule, schema, { expect: 'boolean' })
    // a rule that no longer compiles (a fact renamed) decides nothing: review decides instead
    if (!compiled.ok) return { id: c.id, clause: c.clause, text: c.rule, result: 'missing' }
    const value = new Evaluator(ctx).evaluate(compiled.rule.node)
    return {
      id: c.id,
      clause: c.clause,
      text: renderer.render(compiled.rule.node),
      result: value === UNKNOWN ? 'missing' : value === true ? 'pass' : 'fail',
    }
  })
  return { holds: conditions.every((c) => c.result === 'pass'), conditions }
}
