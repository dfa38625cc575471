import { describe, expect, it } from 'vitest'
import { compileRule } from '../../shared/rules/checker'
import { dateOfDayNumber, dayNumber } from '../../shared/rules/dates'
import { Evaluator, UNKNOWN, type FactValue, type RawValue } from '../../shared/rules/evaluate'
import { FactSchema } from '../../shared/rules/fact-schema'
import { BUILTIN_FACTS } from '../facts/builtin-facts'
import { getBit } from './match-bitmap'
import { Population } from './match-population'
import { evaluateAllItems, stopMatchWorkers } from './match-parallel'
import { sharedSubexpressions, VectorEvaluator } from './match-vector'

/**
 * The column-wise engine must say exactly what the one-enterprise evaluator says, for every
 * enterprise and every kind of rule: a random population (a quarter of the values missing) and rules
 * covering each construct of the language, compared row by row.
 */
const schema = new FactSchema(BUILTIN_FACTS)
const TODAY = dayNumber('2026-12-01')

function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const INDUSTRIES = ['C3911', 'C1311', 'F5213', 'F5110', 'H6110', 'I6510', 'K7010', 'L7211', 'M7350']
const DIVISIONS = ['210202', '210203', '210204', '210211', '210213', '210281']

function randomValue(key: string, r: () => number): RawValue | undefined {
  if (r() < 0.25) return undefined
  const def = schema.get(key)!
  switch (def.type) {
    case 'integer':
      return Math.floor(r() * 600)
    case 'money':
      return Math.round(r() * 80_000_000) - (r() < 0.05 ? 1_000_000 : 0)
    case 'number':
      return Math.floor(r() * 10)
    case 'ratio':
      return Math.round(r() * 100) / 100
    case 'boolean':
      return r() < 0.5
    case 'date':
      return dateOfDayNumber(TODAY - Math.floor(r() * 4000))
    case 'enum':
      return def.values![Math.floor(r() * def.values!.length)]!.code
    case 'tags':
      return def.values!.filter(() => r() < 0.2).map((v) => v.code)
    case 'industry':
      return INDUSTRIES[Math.floor(r() * INDUSTRIES.length)]
    case 'division':
      return DIVISIONS[Math.floor(r() * DIVISIONS.length)]
  }
}

const RULES = [
  '年度应纳税所得额不超过300万元 且 从业人数不超过300人 且 资产总额不超过5000万元',
  '从业人数 介于 10 至 300 或 非 增值税小规模纳税人',
  '企业规模 属于 [小型, 微型] 且 信用等级 != D级',
  '企业标签 包含 高新技术企业 或 企业标签 不包含 科技型中小企业',
  '所属行业 不属于 [批发业, 零售业, 住宿业, 餐饮业, K70, L, R90, C16]',
  '所在区县 属于 [210200] 且 所在区县 != 210281',
  '成立日期 <= 今天 - 1年',
  '年数(成立日期) >= 2 且 年数(成立日期) < 10',
  '研发费用占营业收入比例 >= 分档(年营业收入: 不超过 5000万 → 5%, 不超过 2亿 → 4%, 其他 → 3%)',
  '研发费用 / 年营业收入 >= 3% 或 研发费用 >= 100万',
  '如果 企业规模 = 大型 则 裁员率 <= 5.5% 否则 裁员率 <= 20%',
  '(裁员率 <= 5.5% 或 (参保职工人数 <= 30 且 裁员率 <= 20%)) 且 失业保险足额缴费月数 >= 12',
  '最小(研发费用 * 10%, 100万) > 年度应纳税所得额 * 2%',
  '从业人数 属于 [0, 1, 2, 3]',
  '增值税小规模纳税人 = 是',
  '非 (拥有核心知识产权 且 属于国家重点支持的高新技术领域)',
  '从业人数 介于 参保职工人数 至 500',
  '- 年度应纳税所得额 > 0',
  // != on a number: a missing value compares "not equal" by itself and must stay unknown
  '从业人数 != 50 或 参保职工人数 = 20',
  '300 >= 从业人数',
]

describe('the column-wise engine agrees with the one-enterprise evaluator', () => {
  const r = prng(20261201)
  const N = 700
  const population = new Population(BUILTIN_FACTS, 64)
  const rows: Map<string, RawValue | undefined>[] = []
  for (let i = 0; i < N; i++) {
    // a gap in the match indexes: enterprise 3 does not exist
    if (i === 3) {
      rows.push(new Map())
      continue
    }
    population.addEnterprise(`e${i}`, i)
    const row = new Map<string, RawValue | undefined>()
    for (const def of BUILTIN_FACTS) {
      if (def.formula) continue
      const v = randomValue(def.key, r)
      row.set(def.key, v)
      population.setValue(i, def.key, v)
    }
    rows.push(row)
  }
  const derived = new Map()
  for (const def of BUILTIN_FACTS)
    if (def.formula) {
      const c = compileRule(def.formula, schema, { expect: 'number' })
      if (c.ok) derived.set(def.key, c.rule.node)
    }
  const compiled = RULES.map((source) => {
    const c = compileRule(source, schema, { expect: 'boolean' })
    if (!c.ok) throw new Error(`${source}: ${JSON.stringify(c.problems)}`)
    return c.rule.node
  })
  const vector = new VectorEvaluator(
    population,
    { schema, derived, today: TODAY },
    sharedSubexpressions(compiled),
  )

  it.each(RULES.map((source, i) => [source, i] as const))('%s', (_source, i) => {
    const tri = vector.evaluateCondition(compiled[i]!)
    const mismatches: string[] = []
    for (let row = 0; row < N; row++) {
      if (row === 3) {
        if (getBit(tri.t, row) || getBit(tri.u, row)) mismatches.push('absent enterprise has a result')
        continue
      }
      const values = rows[row]!
      const scalar = new Evaluator({
        schema,
        derived,
        today: TODAY,
        lookup: (key) => {
          const v = values.get(key)
          return v === undefined
            ? undefined
            : ({ value: v, source: 'declared', period: null, isVerified: false } satisfies FactValue)
        },
      }).evaluate(compiled[i]!)
      const column = getBit(tri.t, row) ? true : getBit(tri.u, row) ? UNKNOWN : false
      if (column !== scalar)
        mismatches.push(`row ${row}: column ${String(column)} vs scalar ${String(scalar)}`)
    }
    expect(mismatches.slice(0, 5)).toEqual([])
  })
})

describe('on several cores', () => {
  it('splitting the population between threads gives the same bitmaps as one thread', async () => {
    const r = prng(7)
    const N = 9000
    const population = new Population(BUILTIN_FACTS, N)
    for (let i = 0; i < N; i++) {
      population.addEnterprise(`e${i}`, i)
      for (const def of BUILTIN_FACTS)
        if (!def.formula) population.setValue(i, def.key, randomValue(def.key, r))
    }
    const items = RULES.map((source) => {
      const c = compileRule(source, schema, { expect: 'boolean' })
      if (!c.ok) throw new Error(source)
      return [c.rule.node]
    })
    const ctx = { schema, derived: new Map(), today: TODAY, definitions: BUILTIN_FACTS }
    for (const def of BUILTIN_FACTS)
      if (def.formula) {
        const c = compileRule(def.formula, schema, { expect: 'number' })
        if (c.ok) ctx.derived.set(def.key, c.rule.node)
      }
    const collect = async (threads: number) => {
      const out: string[] = []
      for await (const bits of evaluateAllItems(
        population,
        ctx,
        items,
        sharedSubexpressions(items.flat()),
        threads,
      ))
        out.push(`${Array.from(bits.eligible).join(',')}|${Array.from(bits.undetermined).join(',')}`)
      return out
    }
    const one = await collect(1)
    const two = await collect(2)
    await stopMatchWorkers()
    expect(two).toEqual(one)
  })
})
