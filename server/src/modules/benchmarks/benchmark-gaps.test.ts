import { describe, expect, it } from 'vitest'
import { bestOf, gapOf, monthsOfYear, trendOf, valueOf } from './benchmark-gaps'
import { hasMessage, translate } from '../../kernel/i18n'
import {
  INDICATORS,
  NATIONAL_INDICATORS,
  BREADY_TOPICS,
  BREADY_PILLARS,
  breadyScoreKey,
  indicatorOf,
} from './benchmark-catalogue'
import './benchmarks.messages'

describe('valueOf: a value from its parts', () => {
  it.each([
    { parts: [], unit: 'percent', expected: null },
    { parts: [{ numerator: 0, denominator: 0 }], unit: 'days', expected: null },
    { parts: [{ numerator: 3, denominator: 4 }], unit: 'percent', expected: 75 },
    { parts: [{ numerator: 3, denominator: 4 }], unit: 'days', expected: 0.75 },
    // a year is the ratio of the sums, not the mean of the months' ratios (50 % and 100 % → 60 %)
    {
      parts: [
        { numerator: 4, denominator: 8 },
        { numerator: 2, denominator: 2 },
      ],
      unit: 'percent',
      expected: 60,
    },
    { parts: [{ numerator: 1, denominator: 3 }], unit: 'percent', expected: 33.33 },
    { parts: [{ numerator: 25, denominator: 10 }], unit: 'per_enterprise', expected: 2.5 },
  ] as const)('$parts in $unit → $expected', ({ parts, unit, expected }) => {
    expect(valueOf([...parts], unit)).toBe(expected)
  })
})

describe('bestOf: the best benchmark city', () => {
  const values = [
    { city: '杭州', year: 2024, value: 1 },
    { city: '杭州', year: 2025, value: 0.5 },
    { city: '上海', year: 2025, value: 2 },
    { city: '深圳', year: 2027, value: 0.1 },
    { city: '北京', year: 2023, value: 0.5 },
  ]
  it.each([
    // each city's latest value up to the year counts; a later year's value does not
    { year: 2025, better: 'lower', expected: { city: '杭州', year: 2025 } },
    { year: 2025, better: 'higher', expected: { city: '上海', year: 2025 } },
    { year: 2024, better: 'lower', expected: { city: '北京', year: 2023 } },
    { year: 2027, better: 'lower', expected: { city: '深圳', year: 2027 } },
    { year: 2022, better: 'lower', expected: null },
  ] as const)('year $year, $better better → $expected', ({ year, better, expected }) => {
    const best = bestOf(values, year, better)
    expect(best && { city: best.city, year: best.year }).toEqual(expected)
  })
  it('breaks a tie by the more recent year (杭州 2025 over 北京 2023 at 0.5)', () => {
    expect(bestOf(values.slice(0, 2).concat(values[4]!), 2025, 'lower')?.city).toBe('杭州')
  })
})

describe('gapOf: how far from the best', () => {
  it.each([
    { ours: 90, best: 95, better: 'higher', expected: { absolute: 5, relative: 0.0526, standing: 'behind' } },
    {
      ours: 98,
      best: 95,
      better: 'higher',
      expected: { absolute: -3, relative: -0.0316, standing: 'leading' },
    },
    { ours: 3, best: 1, better: 'lower', expected: { absolute: 2, relative: 2, standing: 'behind' } },
    { ours: 1, best: 1, better: 'lower', expected: { absolute: 0, relative: 0, standing: 'level' } },
    { ours: 2, best: 0, better: 'lower', expected: { absolute: 2, relative: null, standing: 'behind' } },
    { ours: null, best: 1, better: 'lower', expected: null },
    { ours: 1, best: null, better: 'higher', expected: null },
  ] as const)('ours $ours, best $best ($better better) → $expected', ({ ours, best, better, expected }) => {
    expect(gapOf(ours, best, better)).toEqual(expected)
  })
})

describe('trendOf: better or worse than before', () => {
  it.each([
    { earlier: 80, later: 85, better: 'higher', expected: { change: 5, direction: 'improving' } },
    { earlier: 80, later: 75, better: 'higher', expected: { change: -5, direction: 'worsening' } },
    { earlier: 10, later: 7.5, better: 'lower', expected: { change: -2.5, direction: 'improving' } },
    { earlier: 10, later: 12, better: 'lower', expected: { change: 2, direction: 'worsening' } },
    { earlier: 10, later: 10, better: 'lower', expected: { change: 0, direction: 'flat' } },
    { earlier: null, later: 10, better: 'lower', expected: null },
  ] as const)('$earlier → $later ($better better): $expected', ({ earlier, later, better, expected }) => {
    expect(trendOf(earlier, later, better)).toEqual(expected)
  })
})

describe('the catalogue', () => {
  it('has the 18 national indicators and the 10 × 3 of B-READY', () => {
    expect(NATIONAL_INDICATORS).toHaveLength(18)
    expect(BREADY_TOPICS).toHaveLength(10)
    expect(BREADY_PILLARS).toHaveLength(3)
  })
  // issue 14 item 7: every national first-level indicator and every B-READY cell has a figure
  it.each(NATIONAL_INDICATORS)('reports under the national indicator %s', (national) => {
    expect(INDICATORS.filter((i) => i.national === national).length).toBeGreaterThanOrEqual(1)
  })
  it.each(BREADY_TOPICS.flatMap((topic) => BREADY_PILLARS.map((pillar) => [topic, pillar] as const)))(
    'fills the B-READY cell %s × %s',
    (topic, pillar) => {
      const cell = INDICATORS.filter((i) => i.bready?.topic === topic && i.bready.pillar === pillar)
      expect(cell.length).toBeGreaterThanOrEqual(1)
    },
  )
  it.each(['zh-CN', 'en'] as const)('names and defines every indicator in %s', (locale) => {
    const missing = INDICATORS.flatMap((i) =>
      [`benchmarks.indicator.${i.key}`, `benchmarks.formula.${i.key}`, `benchmarks.unit.${i.unit}`].filter(
        (key) => !hasMessage(key, locale),
      ),
    )
    expect(missing).toEqual([])
  })
  it('names the B-READY scores for what they are, in both languages', () => {
    const key = breadyScoreKey('labor', 'public_services')
    expect(indicatorOf(key)).toMatchObject({
      unit: 'score',
      bready: { topic: 'labor', pillar: 'public_services' },
    })
    expect(translate(`benchmarks.indicator.${key}`, undefined, 'zh-CN')).toBe('B-READY 劳动就业·公共服务得分')
    expect(translate(`benchmarks.indicator.${key}`, undefined, 'en')).toBe(
      'B-READY Labor: Public Services score',
    )
  })
  it('has unique keys, and ranges that are ranges', () => {
    expect(new Set(INDICATORS.map((i) => i.key)).size).toBe(INDICATORS.length)
    for (const i of INDICATORS) expect(i.range[0]).toBeLessThan(i.range[1])
  })
  it('names a year’s months', () => {
    expect(monthsOfYear(2026)).toEqual(expect.arrayContaining(['2026-01', '2026-12']))
    expect(monthsOfYear(2026)).toHaveLength(12)
  })
})
