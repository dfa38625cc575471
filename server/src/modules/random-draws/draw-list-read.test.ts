import { describe, expect, it } from 'vitest'
import { DRAW_ALGORITHM, serializeDrawList, type DrawList, type DrawTier } from './draw-algorithm'
import { readCanonicalList, readListForDraw, tieredList } from './draw-list-read'

/** Reading the frozen text for the draw gives what JSON.parse and splitByTier give, for any text. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const inspector = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const TIERS: DrawTier[] = ['A', 'B', 'C', 'D', 'U']

function list(size: number, overrides: Partial<DrawList> = {}): DrawList {
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: 'd0000000-0000-4000-8000-000000000001',
    ratios: { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 },
    inspectorsPerTarget: 2,
    enterprises: Array.from({ length: size }, (_, i) => [
      id((i * 7919) % Math.max(size, 1)),
      `91210200MA${String(i).padStart(8, '0')}`,
      TIERS[(i * 31) % 5]!,
    ]),
    inspectors: [1, 2, 3].map(inspector),
    conflicts: [
      [inspector(1), id(3)],
      [inspector(2), id(3)],
    ],
    ...overrides,
  }
}

const asJson = (text: string) => tieredList(JSON.parse(text) as DrawList)

describe('readListForDraw', () => {
  it.each([
    ['2,000 enterprises in every tier', list(2000)],
    ['one enterprise', list(1)],
    ['no enterprise', list(0)],
    [
      'credit codes of any length, one empty',
      list(3, {
        enterprises: [
          [id(1), '', 'A'],
          [id(2), 'X', 'B'],
          [id(3), '9'.repeat(40), 'U'],
        ],
      }),
    ],
    ['no inspectors, no conflicts', list(10, { inspectors: [], conflicts: [] })],
    [
      'ids of any 36 characters but a quote',
      list(2, {
        enterprises: [
          ['ABCDEF00-0000-4000-8000-00000000000Z', 'X', 'A'],
          [id(2), 'Y', 'B'],
        ],
      }),
    ],
  ])('the canonical text, %s: read row by row, the same as JSON.parse', (_, l) => {
    const text = serializeDrawList(l)
    expect(readCanonicalList(text)).not.toBeNull()
    expect(readListForDraw(text)).toEqual(asJson(text))
  })

  const canonical = serializeDrawList(list(20))
  const first = list(20).enterprises[0]!
  it.each([
    ['a credit code with small letters', serializeDrawList(list(2, { enterprises: [[id(1), 'abc', 'A']] }))],
    ['a credit code with a quote', serializeDrawList(list(2, { enterprises: [[id(1), 'A"B', 'A']] }))],
    ['a credit code with a backslash', serializeDrawList(list(2, { enterprises: [[id(1), 'A\\B', 'A']] }))],
    ['a credit code in Chinese', serializeDrawList(list(2, { enterprises: [[id(1), '统一代码', 'A']] }))],
    [
      'an id with a quote',
      serializeDrawList(list(2, { enterprises: [[id(1).replace('0', '"'), 'X', 'A']] })),
    ],
    ['an id too short', serializeDrawList(list(2, { enterprises: [[id(1).slice(1), 'X', 'A']] }))],
    ['an escaped character', canonical.replace('"91210200MA', '"\\u00391210200MA')],
    ['whitespace between rows', canonical.replace('],[', '], [')],
    ['whitespace around the list', ` ${canonical}`],
    ['a row with a fourth value', canonical.replace(`"${first[2]}"]`, `"${first[2]}","x"]`)],
    ['keys in another order', JSON.stringify({ drawId: 'd', ...JSON.parse(canonical) })],
    ['a tier that is not one', canonical.replace(`"${first[2]}"]`, '"X"]')],
  ])('any other text, %s: parsed as JSON, the same list', (_, text) => {
    expect(readCanonicalList(text)).toBeNull()
    expect(readListForDraw(text)).toEqual(asJson(text))
  })

  it.each([
    ['cut short', canonical.slice(0, -1)],
    ['a raw control character in an id', canonical.replace(first[0], `${first[0].slice(0, -1)}\u0001`)],
  ])('a text that is not JSON, %s, is refused as JSON.parse refuses it', (_, text) => {
    expect(readCanonicalList(text)).toBeNull()
    expect(() => readListForDraw(text)).toThrow(SyntaxError)
  })
})
