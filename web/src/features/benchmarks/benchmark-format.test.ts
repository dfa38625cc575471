import { describe, expect, it } from 'vitest'
import { formatChange, formatRelative, formatValue, furthestBehind } from './benchmark-format'
import type { IndicatorRow } from './benchmarks.api'

describe('benchmark formatting', () => {
  it.each([
    [95, 'percent', '%', '95%'],
    [33.333, 'percent', '%', '33.33%'],
    [1.5, 'working_days', '个工作日', '1.5 个工作日'],
    [null, 'days', '天', '—'],
    [82.5, 'score', '分', '82.5 分'],
    [16, 'per_10k_people', 'per 10,000 people', '16 per 10,000 people'],
  ] as const)('%s %s → %s', (value, unit, text, expected) => {
    expect(formatValue(value, unit, text)).toBe(expected)
  })
  it.each([
    [2.5, '+2.5'],
    [-0.8, '−0.8'],
    [0, '0'],
  ])('change %s → %s', (change, expected) => expect(formatChange(change)).toBe(expected))
  it.each([
    [0.4737, '47.4%'],
    [-0.0316, '3.2%'],
    [null, '—'],
  ])('relative %s → %s', (relative, expected) => expect(formatRelative(relative)).toBe(expected))
  it('lists the furthest behind first, skipping those ahead or without a best', () => {
    const row = (key: string, gap: IndicatorRow['gap']) => ({ key, gap }) as IndicatorRow
    const rows = [
      row('a', { absolute: 1, relative: 0.1, standing: 'behind' }),
      row('b', { absolute: 5, relative: 0.5, standing: 'behind' }),
      row('c', { absolute: -1, relative: -0.2, standing: 'leading' }),
      row('d', null),
      row('e', { absolute: 2, relative: null, standing: 'behind' }),
    ]
    expect(furthestBehind(rows, 2).map((r) => r.key)).toEqual(['b', 'a'])
  })
})
