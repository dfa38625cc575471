import { describe, expect, it } from 'vitest'
import { findEarlierOffence, normalizeProvision, type EarlierProblem } from './leniency-earlier-offence'

/** "An earlier offence of this kind" as a table: same entry or same provision, within the look-back. */
const AT = new Date('2026-03-10T02:00:00Z')
const problem = (over: Partial<EarlierProblem>): EarlierProblem => ({
  id: 'p1',
  provision: '《市场主体登记管理条例》第三十六条',
  recorded_at: new Date('2025-06-01T02:00:00Z'),
  inspection_number: 'JC-2025-000001',
  entry_code: null,
  ...over,
})
const kind = { entryCode: 'SAMR-FO-01', provision: '市场主体登记管理条例 第三十六条', lookbackMonths: 24 }

describe('findEarlierOffence', () => {
  it.each<[string, EarlierProblem[], string | null]>([
    ['the same provision, written differently', [problem({})], 'p1'],
    [
      'the same entry, another provision',
      [problem({ provision: '其他条款', entry_code: 'SAMR-FO-01' })],
      'p1',
    ],
    ['another kind', [problem({ provision: '《广告法》第十四条', entry_code: 'SAMR-FO-05' })], null],
    ['older than two years', [problem({ recorded_at: new Date('2024-03-09T02:00:00Z') })], null],
    ['exactly two years before counts', [problem({ recorded_at: new Date('2024-03-10T02:00:00Z') })], 'p1'],
    ['recorded after the instant', [problem({ recorded_at: new Date('2026-03-11T02:00:00Z') })], null],
    ['none at all', [], null],
  ])('%s', (_name, earlier, expected) => {
    expect(findEarlierOffence(earlier, kind, AT)?.id ?? null).toBe(expected)
  })

  it('compares provisions without spaces and punctuation', () => {
    expect(normalizeProvision('《广告法》 第十四条；第五十九条')).toBe(
      normalizeProvision('广告法第十四条第五十九条'),
    )
  })
})
