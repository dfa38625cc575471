import { BUILTIN_FACTS } from '../../server/src/modules/facts/builtin-facts'
import { Population } from '../../server/src/modules/matching/match-population'
import { dateOfDayNumber, dayNumber } from '../../server/src/shared/rules/dates'
import type { RawValue } from '../../server/src/shared/rules/evaluate'
import { rngFor, type Rng } from './prng'

/**
 * Synthetic data for the matching bench: a population of enterprises with the built-in facts (about
 * one value in seven missing, as declared data is in practice) and benefit items whose conditions
 * are drawn the way real policies write them — the usual thresholds (300 people, 300万, 5000万,
 * 2亿 …), size and industry lists, recognitions, dates, tiered ratios, and/or/not. Deterministic.
 */
const TODAY = '2026-12-01'
const TODAY_DAY = dayNumber(TODAY)
const SIZE = ['micro', 'small', 'medium', 'large'] as const
const INDUSTRIES = [
  'C3411',
  'C3562',
  'C3731',
  'C3911',
  'C2614',
  'C1311',
  'C1610',
  'I6510',
  'I6420',
  'F5110',
  'F5212',
  'H6110',
  'H6210',
  'K7010',
  'L7212',
  'M7320',
  'E4700',
  'G5430',
  'A0111',
  'R9011',
]
const DIVISIONS = [
  '210202',
  '210203',
  '210204',
  '210211',
  '210212',
  '210213',
  '210214',
  '210224',
  '210281',
  '210283',
]
const TAGS = [
  'high_tech',
  'tech_sme',
  'specialized_sme',
  'little_giant',
  'gazelle',
  'above_scale_industrial',
  'foreign_invested',
  'state_owned',
  'private',
  'listed',
  'individual_business',
  'cooperative',
]

function valueFor(key: string, r: Rng, size: number): RawValue | undefined {
  const scale = [0.2, 1, 6, 40][size]!
  switch (key) {
    case 'employees':
      return Math.round(r.lognormal(12 * scale, 0.6))
    case 'annualRevenue':
      return Math.round(r.lognormal(3_000_000 * scale, 0.8))
    case 'foundedOn':
      return dateOfDayNumber(TODAY_DAY - r.int(30, 12_000))
    case 'sizeClass':
      return SIZE[size]
    case 'industryCode':
      return r.pick(INDUSTRIES)
    case 'divisionCode':
      return r.pick(DIVISIONS)
    case 'tags':
      return TAGS.filter(() => r.chance(0.08))
    case 'creditTier':
      return r.weighted([
        ['A', 3],
        ['B', 6],
        ['C', 1],
        ['D', 0.2],
      ] as const)
  }
  if (r.chance(0.14)) return undefined
  const def = BUILTIN_FACTS.find((d) => d.key === key)!
  switch (def.type) {
    case 'money':
      return Math.round(
        r.lognormal(1_000_000 * scale, 1) * (key === 'taxableIncome' && r.chance(0.15) ? -0.2 : 1),
      )
    case 'ratio':
      return Math.round(r.next() * r.next() * 1000) / 1000
    case 'integer':
    case 'number':
      return key === 'unemploymentInsuranceMonths' ? r.int(0, 120) : Math.round(r.lognormal(10 * scale, 0.7))
    case 'boolean':
      return r.chance(key === 'isRestrictedIndustry' ? 0.03 : 0.5)
    default:
      return undefined
  }
}

/** The population, built straight into columns (what the engine holds in memory after loading). */
export function syntheticPopulation(
  count: number,
  seed = 20261201,
): { population: Population; rows: (index: number) => Map<string, RawValue> } {
  const population = new Population(BUILTIN_FACTS, count)
  const stored = BUILTIN_FACTS.filter((d) => !d.formula)
  for (let i = 0; i < count; i++) {
    const r = rngFor(seed, i)
    const size = r.weighted([
      [0, 60],
      [1, 28],
      [2, 10],
      [3, 2],
    ] as const)
    population.addEnterprise(`e${i}`, i)
    for (const def of stored) population.setValue(i, def.key, valueFor(def.key, r, size))
  }
  /** One enterprise's facts again (the same generator), for the one-enterprise and per-pair paths. */
  const rows = (index: number) => {
    const r = rngFor(seed, index)
    const size = r.weighted([
      [0, 60],
      [1, 28],
      [2, 10],
      [3, 2],
    ] as const)
    const map = new Map<string, RawValue>()
    for (const def of stored) {
      const v = valueFor(def.key, r, size)
      if (v !== undefined) map.set(def.key, v)
    }
    return map
  }
  return { population, rows }
}

const pick = <T>(r: Rng, items: readonly T[]) => r.pick(items)
const money = (n: number) => (n >= 1e8 ? `${n / 1e8}亿` : `${n / 1e4}万`)

/** Condition templates as policies write them; each call draws one with realistic parameters. */
const TEMPLATES: ((r: Rng) => string)[] = [
  (r) => `从业人数 <= ${pick(r, [20, 30, 50, 100, 200, 300, 500, 1000])}`,
  (r) => `从业人数 > ${pick(r, [10, 30, 50, 100])}`,
  (r) => `年度应纳税所得额 不超过 ${money(pick(r, [1e6, 3e6, 5e6, 1e7]))}`,
  () => `年度应纳税所得额 > 0`,
  (r) => `资产总额 不超过 ${money(pick(r, [1e7, 5e7, 1e8, 2e8]))}`,
  (r) => `年营业收入 ${pick(r, ['<=', '>=', '>'])} ${money(pick(r, [5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 4e8]))}`,
  (r) => `研发费用 >= ${money(pick(r, [5e5, 1e6, 2e6, 5e6]))}`,
  (r) => `研发费用占营业收入比例 >= ${pick(r, [2, 3, 4, 5, 6])}%`,
  () => `近三年研发费用占销售收入比例 >= 分档(年营业收入: 不超过 5000万 → 5%, 不超过 2亿 → 4%, 其他 → 3%)`,
  (r) => `科技人员占比 >= ${pick(r, [5, 10, 20, 30])}%`,
  (r) => `高新技术产品收入占比 >= ${pick(r, [50, 60])}%`,
  (r) => `境内研发费用占比 >= ${pick(r, [60, 80])}%`,
  (r) => `裁员率 <= ${pick(r, [3, 5.5, 10])}% 或 (参保职工人数 <= 30 且 裁员率 <= 20%)`,
  (r) => `失业保险足额缴费月数 >= ${pick(r, [6, 12, 24])}`,
  (r) => `企业规模 属于 [${pick(r, ['小型, 微型', '中型, 小型, 微型', '大型', '中型'])}]`,
  (r) =>
    `企业标签 包含 ${pick(r, ['高新技术企业', '科技型中小企业', '专精特新中小企业', '规模以上工业企业', '民营企业'])}`,
  (r) => `企业标签 不包含 ${pick(r, ['国有企业', '上市公司'])}`,
  (r) =>
    `所属行业 ${pick(r, ['属于', '不属于'])} [${pick(r, ['制造业', '批发业, 零售业, 住宿业, 餐饮业, 房地产业, L, 娱乐业', 'I, M', 'C34, C35, C37', 'A'])}]`,
  (r) =>
    `所在区县 属于 [${pick(r, ['210202, 210203, 210204', '210211', '210213, 210214', '210281, 210283', '210200'])}]`,
  (r) => `成立日期 <= 今天 - ${pick(r, [1, 2, 3, 5])}年`,
  (r) => `年数(成立日期) <= ${pick(r, [3, 5, 8])}`,
  (r) => `信用等级 属于 [${pick(r, ['A级', 'A级, B级'])}]`,
  () => `增值税小规模纳税人`,
  () => `非 增值税小规模纳税人`,
  () => `非 从事国家限制和禁止行业`,
  () => `拥有核心知识产权 且 属于国家重点支持的高新技术领域`,
  () => `近一年未发生重大安全质量事故或严重环境违法`,
  (r) => `月销售额 不超过 ${money(pick(r, [1e5, 3e5]))}`,
  (r) => `安排残疾人就业比例 < ${pick(r, [1, 1.5])}%`,
]

/**
 * Local policies set their own thresholds (a district's subsidy for firms above 800万 revenue, with
 * 15 to 400 staff …): drawn from wide ranges, so most of these conditions are unique to their item.
 */
const LOCAL_TEMPLATES: ((r: Rng) => string)[] = [
  (r) => `从业人数 介于 ${r.int(1, 50)} 至 ${r.int(60, 3000)}`,
  (r) => `年营业收入 >= ${r.int(1, 500) * 10}万 且 年营业收入 <= ${r.int(6, 300)}亿`,
  (r) =>
    `研发费用 >= ${r.int(5, 900) * 10}万 或 研发费用占营业收入比例 >= ${(r.int(10, 80) / 10).toFixed(1)}%`,
  (r) => `年度应纳税所得额 <= ${r.int(10, 2000) * 10}万 且 资产总额 <= ${r.int(1, 900) * 100}万`,
  (r) => `成立日期 >= ${2000 + r.int(0, 25)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
  (r) => `参保职工人数 >= ${r.int(5, 500)} 且 失业保险足额缴费月数 >= ${r.int(3, 36)}`,
  (r) => `可抵扣进项税额 * ${r.int(1, 10)}% >= ${r.int(1, 300)}万`,
  (r) => `上年度实际缴纳失业保险费 >= ${r.int(1, 2000) * 100}`,
]

export type SyntheticItem = { id: string; conditions: string[] }

export function syntheticItems(count: number, seed = 7): SyntheticItem[] {
  const items: SyntheticItem[] = []
  for (let i = 0; i < count; i++) {
    const r = rngFor(seed, i)
    const n = r.int(2, 9)
    const conditions = new Set<string>()
    while (conditions.size < n)
      conditions.add(r.chance(0.4) ? pick(r, LOCAL_TEMPLATES)(r) : pick(r, TEMPLATES)(r))
    items.push({ id: `item-${i}`, conditions: [...conditions] })
  }
  return items
}

export { TODAY }
