import { describe, expect, it } from 'vitest'
import { compileRule } from '../../shared/rules/checker'
import { dayNumber } from '../../shared/rules/dates'
import type { FactValue, RawValue } from '../../shared/rules/evaluate'
import { FactSchema } from '../../shared/rules/fact-schema'
import { RuleRenderer } from '../../shared/rules/render'
import { BUILTIN_FACTS } from '../../modules/facts/builtin-facts'
import { getBit } from '../../modules/matching/match-bitmap'
import { Population } from '../../modules/matching/match-population'
import { VectorEvaluator } from '../../modules/matching/match-vector'
import { combineConditions } from '../../modules/matching/match-vector'
import { compileItemRules, explainItem, type CompiledItem } from '../../modules/policies/policy-rules'
import { caseFacts, loadDemoPolicies, type DemoPolicy } from './demo-policies'

/**
 * The demo policies' tables of cases (OpenFisca-style): for each case, the explanation must give the
 * expected outcome, name exactly the expected failed conditions and missing facts, and compute the
 * amount; and the column-wise engine must agree with it over all the cases at once.
 */
const TODAY = '2026-12-01'
const schema = new FactSchema(BUILTIN_FACTS)
const derived = new Map()
for (const d of BUILTIN_FACTS)
  if (d.formula) {
    const c = compileRule(d.formula, schema, { expect: 'number' })
    if (c.ok) derived.set(d.key, c.rule.node)
  }
const renderer = new RuleRenderer(schema, 'zh-CN')

function exclusionOf(item: DemoPolicy['items'][number]) {
  const e = item.exclusion
  return e
    ? { clause: e.clause, tag: e.tag, sinceFact: e.sinceFact ?? null, validYears: e.validYears ?? null }
    : null
}

describe.each(loadDemoPolicies().map((p) => [p.file, p] as const))('%s', (_file, demo) => {
  const items = new Map<string, CompiledItem>()
  for (const item of demo.items) {
    const compiled = compileItemRules(
      {
        conditions: item.conditions.map((c) => ({ ...c, note: c.note ?? null })),
        benefitKind: item.kind,
        amountFormula: item.amountFormula ?? null,
        exclusion: exclusionOf(item),
      },
      schema,
    )
    if (!compiled.ok) throw new Error(`${demo.file} ${item.code}: ${JSON.stringify(compiled.problems)}`)
    items.set(item.code, {
      id: item.code,
      policyId: demo.file,
      policyTitle: demo.policy.title,
      documentNumber: demo.policy.documentNumber,
      issuer: demo.policy.issuer,
      code: item.code,
      title: item.title,
      summary: item.summary ?? '',
      benefitKind: item.kind,
      amount: item.amount ?? null,
      amountFormula: item.amountFormula ?? null,
      amountNode: compiled.amountNode,
      mode: item.mode,
      departmentId: item.department,
      budgetCap: null,
      exclusion: exclusionOf(item),
      requiredMaterials: [],
      promisedWorkingDays: 10,
      conditions: compiled.conditions,
      effectiveFrom: null,
      effectiveTo: null,
      topics: [],
      isPushEnabled: true,
      ruleVersion: 1,
    })
  }

  it('has a document number, clauses and a test for every item', () => {
    expect(demo.policy.documentNumber).toBeTruthy()
    for (const item of demo.items) {
      expect(
        demo.cases.some((c) => c.item === item.code),
        `${item.code} has no case`,
      ).toBe(true)
      for (const c of item.conditions) expect(c.clause).toBeTruthy()
    }
  })

  it.each(demo.cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const item = items.get(testCase.item)
    expect(item, `no item ${testCase.item}`).toBeDefined()
    const facts = caseFacts(testCase.facts)
    const explanation = explainItem(
      item!,
      {
        schema,
        derived,
        today: dayNumber(TODAY),
        lookup: (key) =>
          key in facts
            ? ({
                value: facts[key] as RawValue,
                source: 'declared',
                period: null,
                isVerified: false,
              } satisfies FactValue)
            : undefined,
      },
      'zh-CN',
      renderer,
    )
    expect(explanation.outcome).toBe(testCase.outcome)
    expect(
      explanation.conditions
        .filter((c) => c.result === 'fail')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...(testCase.failed ?? [])].sort())
    expect(explanation.missingFacts.map((f) => f.key).sort()).toEqual([...(testCase.missing ?? [])].sort())
    if (testCase.amount !== undefined) expect(explanation.amount).toBeCloseTo(testCase.amount, 2)
    // an enterprise not offered what it holds is told until when it holds it
    const holders = explanation.conditions.find((c) => c.isExclusion)
    if (holders?.result === 'fail') expect(holders.text).toMatch(/^已于.+认定为“.+”，有效期至.+/)
  })

  it('gives every money item a budget cap or the reason it has none', () => {
    for (const item of demo.items)
      if (item.kind !== 'service')
        expect(item.budgetCap ?? item.noCapReason, `${demo.file} ${item.code}`).toBeTruthy()
  })

  it('the column-wise engine gives every case the same outcome', () => {
    for (const [code, item] of items) {
      const cases = demo.cases.filter((c) => c.item === code)
      const population = new Population(BUILTIN_FACTS, cases.length)
      cases.forEach((c, i) => {
        population.addEnterprise(`case-${i}`, i)
        for (const [key, value] of Object.entries(caseFacts(c.facts)))
          population.setValue(i, key, value as RawValue)
      })
      const evaluator = new VectorEvaluator(population, { schema, derived, today: dayNumber(TODAY) })
      const bits = combineConditions(
        item.conditions.map((c) => evaluator.evaluateCondition(c.node)),
        population.present,
        population.words,
      )
      cases.forEach((c, i) => {
        const outcome = getBit(bits.eligible, i)
          ? 'eligible'
          : getBit(bits.undetermined, i)
            ? 'undetermined'
            : 'ineligible'
        expect(outcome, c.name).toBe(c.outcome)
      })
    }
  })
})
