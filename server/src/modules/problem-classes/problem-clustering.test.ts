import { describe, expect, it } from 'vitest'
import { wordsOf } from '../appeals'
import { clusterTexts, type ClusterInput } from './problem-clustering'

const texts = (rows: [string, string][]): ClusterInput[] =>
  rows.map(([key, text]) => ({ key, words: wordsOf(text) }))

const PERMIT = [
  ['a1', '甘井子区施工许可证审批太慢，窗口反复要求补充材料，项目迟迟不能开工'],
  ['a2', '施工许可证审批时间太长，甘井子区窗口多次让补充材料，工程无法开工'],
  ['a3', '甘井子区办理施工许可证要反复补充材料，审批拖了两个月项目不能开工'],
  ['a4', '施工许可证审批慢，补充材料来回跑，项目开工一拖再拖'],
] as [string, string][]
const REFUND = [
  ['b1', '增值税留抵退税申请提交后一直没有到账，企业资金周转困难'],
  ['b2', '留抵退税迟迟不到账，申请了三个月，资金周转紧张'],
  ['b3', '增值税留抵退税到账太慢，资金周转困难，请税务局尽快办理'],
] as [string, string][]
const ALONE = [
  ['c1', '园区道路路灯损坏，夜间员工下班不安全'],
  ['c2', '社保缴费基数调整后系统无法登录申报'],
] as [string, string][]

describe('clusterTexts', () => {
  const cases: { name: string; input: ClusterInput[]; expected: string[][] }[] = [
    {
      name: 'similar texts together, a different one apart',
      input: texts([...PERMIT, ALONE[0]!]),
      expected: [['a1', 'a2', 'a3', 'a4']],
    },
    {
      name: 'two problems stay two groups, the larger first',
      input: texts([...REFUND, ...PERMIT, ...ALONE]),
      expected: [
        ['a1', 'a2', 'a3', 'a4'],
        ['b1', 'b2', 'b3'],
      ],
    },
    {
      name: 'fewer than the minimum make no group',
      input: texts([PERMIT[0]!, PERMIT[1]!, ...ALONE]),
      expected: [],
    },
    { name: 'unrelated texts make no group', input: texts([...ALONE, REFUND[0]!, PERMIT[0]!]), expected: [] },
    {
      name: 'texts without words are left out',
      input: [
        { key: 'x', words: [] },
        { key: 'y', words: [] },
        { key: 'z', words: [] },
      ],
      expected: [],
    },
    { name: 'no texts, no groups', input: [], expected: [] },
  ]
  it.each(cases)('$name', ({ input, expected }) => {
    expect(clusterTexts(input).map((c) => c.keys)).toEqual(expected)
  })

  it('gives the same groups and words whatever order the texts come in', () => {
    const input = texts([...REFUND, ...PERMIT, ...ALONE])
    const first = clusterTexts(input)
    expect(clusterTexts([...input].reverse())).toEqual(first)
    expect(clusterTexts([input[3]!, input[0]!, ...input.slice(4), input[1]!, input[2]!])).toEqual(first)
  })

  it('names a group by the words that weigh most in it', () => {
    const [permit] = clusterTexts(texts(PERMIT))
    expect(permit!.topWords).toHaveLength(5)
    expect(permit!.topWords).toEqual(expect.arrayContaining(['施工', '材料', '补充']))
  })

  it('the minimum size and the threshold are settings', () => {
    const input = texts([PERMIT[0]!, PERMIT[1]!, ...ALONE])
    expect(clusterTexts(input, { minSize: 2 }).map((c) => c.keys)).toEqual([['a1', 'a2']])
    expect(clusterTexts(texts(PERMIT), { threshold: 0.99 })).toEqual([])
  })

  it('groups a large month in linear work: 20,000 texts of 40 problems', () => {
    // Each problem has its own words (a text misses some); every text adds words of no problem.
    const input: ClusterInput[] = []
    let seed = 7
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    for (let i = 0; i < 20_000; i++) {
      const problem = i % 40
      const own = Array.from({ length: 8 }, (_, k) => `p${problem}w${k}`).filter(() => random() < 0.8)
      const noise = Array.from({ length: 4 }, () => `n${Math.floor(random() * 200)}`)
      input.push({ key: String(i).padStart(6, '0'), words: [...own, ...noise] })
    }
    const clusters = clusterTexts(input)
    const problemOf = (key: string) => Number(key) % 40
    // no group mixes two problems
    expect(clusters.filter((c) => new Set(c.keys.map(problemOf)).size > 1)).toEqual([])
    // every problem is found, most of its texts in one group (the bureau merges the rest)
    const largest = new Map<number, number>()
    for (const c of clusters)
      largest.set(problemOf(c.keys[0]!), Math.max(largest.get(problemOf(c.keys[0]!)) ?? 0, c.keys.length))
    expect(largest.size).toBe(40)
    expect(Math.min(...largest.values())).toBeGreaterThanOrEqual(400)
  })
})
