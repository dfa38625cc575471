import { describe, expect, it } from 'vitest'
import { candidateWords, setSimilarity, wordsOf } from './words'

describe('wordsOf', () => {
  it('keeps the words that carry meaning and drops function words and single characters', () => {
    const words = wordsOf('我公司在甘井子区办理施工许可证时，窗口要求重复提交材料，已经跑了三次')
    expect(words).toEqual(
      expect.arrayContaining(['甘井子区', '施工', '许可证', '窗口', '重复', '提交', '材料']),
    )
    expect(words).not.toContain('我公司')
    expect(words).not.toContain('已经')
    expect(words).not.toContain('，')
    expect(words.every((w) => w.length >= 2)).toBe(true)
  })

  it('finds two ways of telling the same problem alike, and a different problem not', () => {
    const a = wordsOf('施工许可证办了一个月还没批下来，窗口一直让补材料')
    const b = wordsOf('申请施工许可证，窗口反复要求补充材料，迟迟不批')
    const c = wordsOf('园区供暖温度不达标，车间太冷无法生产')
    expect(setSimilarity(a, b)).toBeGreaterThan(0.3)
    expect(setSimilarity(a, c)).toBe(0)
  })
})

describe('candidateWords', () => {
  const counts = new Map([
    ['申请', 34_000],
    ['材料', 8_000],
    ['施工许可证', 300],
    ['图纸', 150],
    ['甘井子', 900],
  ])
  it.each([
    {
      case: 'the rarest first, while the appeals they reach stay within the budget',
      words: ['申请', '施工许可证', '材料', '图纸', '甘井子'],
      budget: 2000,
      expected: ['图纸', '施工许可证', '甘井子'],
    },
    {
      case: 'a word no open appeal used at the last count is rare, and costs nothing',
      words: ['申请', '新词', '图纸'],
      budget: 100,
      expected: ['新词'],
    },
    {
      case: 'only common words: the rarest one still, never nothing',
      words: ['申请', '材料'],
      budget: 2000,
      expected: ['材料'],
    },
    {
      case: 'no counts yet (a fresh city): every word',
      words: ['施工', '许可证', '图纸'],
      budget: 2000,
      counts: new Map<string, number>(),
      expected: ['施工', '许可证', '图纸'],
    },
    { case: 'no words', words: [], budget: 2000, expected: [] },
  ])('$case', ({ words, budget, expected, ...rest }) => {
    expect(candidateWords(words, rest.counts ?? counts, budget)).toEqual(expected)
  })
})
