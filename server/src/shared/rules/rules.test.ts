import { describe, expect, it } from 'vitest'
import { compileRule } from './checker'
import { dayNumber } from './dates'
import { Evaluator, UNKNOWN, type FactValue, type RawValue } from './evaluate'
import { FactSchema, type FactDefinition } from './fact-schema'
import { RuleRenderer } from './render'

const facts: FactDefinition[] = [
  {
    key: 'employees',
    labelZh: '从业人数',
    labelEn: 'Employees',
    type: 'integer',
    unitZh: '人',
    unitEn: 'people',
    isPeriodic: false,
  },
  {
    key: 'taxableIncome',
    labelZh: '年度应纳税所得额',
    labelEn: 'Taxable income',
    type: 'money',
    unitZh: '元',
    unitEn: 'yuan',
    isPeriodic: true,
  },
  {
    key: 'totalAssets',
    labelZh: '资产总额',
    labelEn: 'Total assets',
    type: 'money',
    unitZh: '元',
    unitEn: 'yuan',
    isPeriodic: true,
  },
  {
    key: 'annualRevenue',
    labelZh: '营业收入',
    labelEn: 'Revenue',
    type: 'money',
    unitZh: '元',
    unitEn: 'yuan',
    isPeriodic: true,
  },
  {
    key: 'rdExpense',
    labelZh: '研发费用',
    labelEn: 'R&D expense',
    type: 'money',
    unitZh: '元',
    unitEn: 'yuan',
    isPeriodic: true,
  },
  {
    key: 'rdRatio',
    labelZh: '研发费用占比',
    labelEn: 'R&D ratio',
    type: 'ratio',
    isPeriodic: true,
    formula: '研发费用 / 营业收入',
  },
  { key: 'foundedOn', labelZh: '成立日期', labelEn: 'Founded on', type: 'date', isPeriodic: false },
  {
    key: 'isSmallScaleTaxpayer',
    labelZh: '增值税小规模纳税人',
    labelEn: 'Small-scale VAT taxpayer',
    type: 'boolean',
    isPeriodic: false,
  },
  {
    key: 'sizeClass',
    labelZh: '企业规模',
    labelEn: 'Size class',
    type: 'enum',
    isPeriodic: false,
    values: [
      { code: 'large', zh: '大型', en: 'large' },
      { code: 'medium', zh: '中型', en: 'medium' },
      { code: 'small', zh: '小型', en: 'small' },
      { code: 'micro', zh: '微型', en: 'micro' },
    ],
  },
  {
    key: 'tags',
    labelZh: '企业标签',
    labelEn: 'Tags',
    type: 'tags',
    isPeriodic: false,
    values: [
      { code: 'high_tech', zh: '高新技术企业', en: 'High-tech enterprise' },
      { code: 'tech_sme', zh: '科技型中小企业', en: 'Tech-based SME' },
    ],
  },
  { key: 'industryCode', labelZh: '所属行业', labelEn: 'Industry', type: 'industry', isPeriodic: false },
  { key: 'divisionCode', labelZh: '所在区县', labelEn: 'District', type: 'division', isPeriodic: false },
]
const schema = new FactSchema(facts)
const TODAY = dayNumber('2026-12-01')

function compile(source: string, expect: 'boolean' | 'number' = 'boolean') {
  const result = compileRule(source, schema, { expect })
  if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.problems)}`)
  return result.rule
}

function derivedFormulas() {
  const map = new Map()
  for (const d of facts) if (d.formula) map.set(d.key, compile(d.formula, 'number').node)
  return map
}

function run(source: string, values: Record<string, RawValue>, expect: 'boolean' | 'number' = 'boolean') {
  const rule = compile(source, expect)
  const evaluator = new Evaluator({
    schema,
    derived: derivedFormulas(),
    today: TODAY,
    lookup: (key) =>
      key in values
        ? ({ value: values[key]!, source: 'declared', period: '2025', isVerified: false } satisfies FactValue)
        : undefined,
  })
  return evaluator.evaluate(rule.node)
}

const SMALL_LOW_PROFIT = '年度应纳税所得额不超过300万元 且 从业人数不超过300人 且 资产总额不超过5000万元'

describe('the rule language reads like the policy', () => {
  it.each([
    // [rule, facts, expected]
    [SMALL_LOW_PROFIT, { taxableIncome: 3_000_000, employees: 300, totalAssets: 50_000_000 }, true],
    [SMALL_LOW_PROFIT, { taxableIncome: 3_000_001, employees: 10, totalAssets: 1 }, false],
    [SMALL_LOW_PROFIT, { taxableIncome: 100, employees: 301, totalAssets: 1 }, false],
    // a missing fact that could change the answer: undetermined
    [SMALL_LOW_PROFIT, { taxableIncome: 100, employees: 10 }, UNKNOWN],
    // a missing fact that cannot change it: decided (Kleene logic)
    [SMALL_LOW_PROFIT, { taxableIncome: 9e9 }, false],
    ['taxableIncome <= 3000000 and employees <= 300', { taxableIncome: 1, employees: 1 }, true],
    ['从业人数 介于 10 至 300', { employees: 10 }, true],
    ['从业人数 between 10 and 300', { employees: 301 }, false],
    ['企业规模 属于 [小型, 微型]', { sizeClass: 'micro' }, true],
    ['企业规模 不属于 [小型企业, 微型企业]', { sizeClass: 'large' }, true],
    ['sizeClass in [small, micro]', { sizeClass: 'medium' }, false],
    ['企业标签 包含 高新技术企业', { tags: ['high_tech'] }, true],
    ['企业标签 不包含 高新技术企业', { tags: [] }, true],
    ['所属行业 不属于 [批发业, 零售业, 住宿业, 餐饮业, K70, L, R90, C16]', { industryCode: 'F5213' }, false],
    ['所属行业 不属于 [批发业, 零售业, 住宿业, 餐饮业, K70, L, R90, C16]', { industryCode: 'C3911' }, true],
    ['所属行业 属于 [制造业]', { industryCode: 'C3911' }, true],
    ['所在区县 属于 [210200]', { divisionCode: '210204' }, true],
    ['所在区县 = 210202', { divisionCode: '210204' }, false],
    ['成立日期 不晚于 今天 - 1年', { foundedOn: '2025-12-01' }, true],
    ['成立日期 <= 今天 - 1年', { foundedOn: '2025-12-02' }, false],
    ['年数(成立日期) >= 2', { foundedOn: '2024-12-01' }, true],
    ['增值税小规模纳税人', { isSmallScaleTaxpayer: true }, true],
    ['非 增值税小规模纳税人', { isSmallScaleTaxpayer: true }, false],
    ['增值税小规模纳税人 或 从业人数 < 10', { employees: 5 }, true],
    ['增值税小规模纳税人 或 从业人数 < 10', { employees: 50 }, UNKNOWN],
    // the high-tech enterprise R&D condition: the ratio required depends on the revenue band
    [
      '研发费用占比 >= 分档(营业收入: 不超过 5000万 → 5%, 不超过 2亿 → 4%, 其他 → 3%)',
      { rdExpense: 2_000_000, annualRevenue: 40_000_000 },
      true,
    ],
    [
      '研发费用占比 >= 分档(营业收入: 不超过 5000万 → 5%, 不超过 2亿 → 4%, 其他 → 3%)',
      { rdExpense: 4_000_000, annualRevenue: 100_000_000 },
      true,
    ],
    [
      '研发费用占比 >= 分档(营业收入: 不超过 5000万 → 5%, 不超过 2亿 → 4%, 其他 → 3%)',
      { rdExpense: 5_000_000, annualRevenue: 200_000_001 },
      false,
    ],
    // a share of no revenue cannot be determined
    ['研发费用占比 >= 3%', { rdExpense: 1, annualRevenue: 0 }, UNKNOWN],
  ])('%s with %j → %s', (rule, values, expected) => {
    expect(run(rule, values as Record<string, RawValue>)).toBe(expected)
  })

  it.each([
    ['应纳税所得额 * 20%', { taxableIncome: 1_000_000 }, 200_000],
    ['最小(研发费用 * 10%, 100万)', { rdExpense: 50_000_000 }, 1_000_000],
    ['如果 企业规模 属于 [大型] 则 30% 否则 60%', { sizeClass: 'small' }, 0.6],
    ['取整(营业收入 / 3)', { annualRevenue: 10 }, 3],
  ])('amount %s with %j → %s', (rule, values, expected) => {
    expect(run(rule.replace('应纳税所得额', '年度应纳税所得额'), values, 'number')).toBe(expected)
  })
})

describe('mistakes are explained', () => {
  const problemsOf = (source: string, expect: 'boolean' | 'number' = 'boolean') => {
    const result = compileRule(source, schema, { expect })
    return result.ok ? [] : result.problems
  }

  it.each([
    ['营收 >= 100', 'rules.unknownFact'],
    ['成立日期 >= 100', 'rules.compareMismatch'],
    ['从业人数 >= 2025-01-01', 'rules.compareMismatch'],
    ['企业规模 >= 小型', 'rules.orderedCompare'],
    ['企业规模 属于 [巨型]', 'rules.notAValueOf'],
    ['企业标签 包含 独角兽', 'rules.notAValueOf'],
    ['所属行业 属于 [Z99]', 'rules.notAValueOf'],
    ['从业人数 + 成立日期 > 3', 'rules.arithMismatch'],
    ['从业人数', 'rules.wholeRuleType'],
    ['从业人数 >= (300', 'rules.unexpectedEnd'],
    ['从业人数 >= (300 且', 'rules.unexpectedEnd'],
    ['从业人数 >= [300]', 'rules.listOutsideIn'],
    ['从业人数 >=', 'rules.unexpectedEnd'],
    ['研发费用占比 >= 分档(营业收入: 不超过 5000万 → 5%)', 'rules.tieredNeedsElse'],
    ['成立日期 <= 2025-02-30', 'rules.impossibleDate'],
    ['从业人数 > 1 $', 'rules.unexpectedCharacter'],
  ])('%s → %s', (source, key) => {
    expect(problemsOf(source).map((p) => p.key)).toContain(key)
  })

  it('points at the words it is about', () => {
    const [p] = problemsOf('从业人数 <= 300 且 营收 >= 100')
    expect(p).toMatchObject({ key: 'rules.unknownFact', start: 14, end: 16 })
  })

  it('a fact name written slightly wrong is an unknown fact with the close one, not a stray word', () => {
    // 年数 is a word of the language ("years since"): without care the parser would trip over it
    const [p] = problemsOf('成立年数 >= 1')
    expect(p).toMatchObject({
      key: 'rules.unknownFact',
      start: 0,
      end: 4,
      params: { name: '成立年数', suggestion: '成立日期' },
    })
  })

  it('reports every type problem, not only the first', () => {
    expect(problemsOf('成立日期 >= 1 且 企业规模 属于 [巨型]').map((p) => p.key)).toEqual([
      'rules.compareMismatch',
      'rules.notAValueOf',
    ])
  })

  it('refuses a rule nested beyond any policy’s need', () => {
    const deep = `${'('.repeat(60)}从业人数 > 1${')'.repeat(60)}`
    expect(problemsOf(deep).map((p) => p.key)).toEqual(['rules.tooDeep'])
  })
})

describe('rules render back as sentences', () => {
  const zh = new RuleRenderer(schema, 'zh-CN')
  const en = new RuleRenderer(schema, 'en')
  it.each([
    [SMALL_LOW_PROFIT, '年度应纳税所得额不超过300万元，且从业人数不超过300人，且资产总额不超过5000万元'],
    ['taxableIncome <= 3000000', '年度应纳税所得额不超过300万元'],
    ['企业规模 属于 [small, micro]', '企业规模属于小型、微型'],
    ['成立日期 <= 今天 - 1年', '成立日期不晚于1年前'],
    ['所属行业 不属于 [F51, L]', '所属行业不属于批发业（F51）、租赁和商务服务业（L）'],
    [
      '研发费用占比 >= 分档(营业收入: <= 5000万 → 5%, 其他 → 3%)',
      '研发费用占比不低于按营业收入分档（不超过5000万元：5%；其他：3%）',
    ],
  ])('%s', (source, expected) => {
    expect(zh.render(compile(source).node)).toBe(expected)
  })

  it('in English too', () => {
    expect(en.render(compile(SMALL_LOW_PROFIT).node)).toBe(
      'Taxable income at most 3,000,000 yuan, and Employees at most 300 people, and Total assets at most 50,000,000 yuan',
    )
  })
})
