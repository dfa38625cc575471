import { describe, expect, it } from 'vitest'
import type { FactDefinition } from '../../shared/rules/fact-schema'
import { isStale, parseFactCell, parseNumberCell, resolveCurrent, type FactCandidate } from './fact-values'

const def = (over: Partial<FactDefinition>): FactDefinition => ({
  key: 'x',
  labelZh: 'x',
  labelEn: 'x',
  type: 'money',
  isPeriodic: false,
  ...over,
})
const isDivision = (code: string) => code === '210202'

describe('numbers as people write them', () => {
  it.each([
    ['3000000', 3_000_000],
    ['3,000,000', 3_000_000],
    ['300万', 3_000_000],
    ['300万元', 3_000_000],
    ['1.5亿', 150_000_000],
    ['-12.5', -12.5],
    ['很多', undefined],
    ['3百万', undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected)
  })
})

describe('spreadsheet cells by fact type', () => {
  const sizes = def({
    type: 'enum',
    values: [
      { code: 'small', zh: '小型', en: 'small' },
      { code: 'micro', zh: '微型', en: 'micro' },
    ],
  })
  it.each([
    [def({ type: 'ratio' }), '5%', 0.05],
    [def({ type: 'ratio' }), '0.12', 0.12],
    [def({ type: 'ratio' }), '150%', 'facts.value.ratio'],
    [def({ type: 'integer' }), '300人', 300],
    [def({ type: 'integer' }), '2.5', 'facts.value.integer'],
    [def({ type: 'boolean' }), '是', true],
    [def({ type: 'boolean' }), 'N', false],
    [def({ type: 'boolean' }), '也许', 'facts.value.boolean'],
    [def({ type: 'date' }), '2024/3/5', '2024-03-05'],
    [def({ type: 'date' }), '2024-02-30', 'facts.value.date'],
    [sizes, '小型', 'small'],
    [sizes, 'micro', 'micro'],
    [sizes, '巨型', 'facts.value.enum'],
    [def({ type: 'industry' }), 'c3911', 'C3911'],
    [def({ type: 'industry' }), 'Z99', 'facts.value.industry'],
    [def({ type: 'division' }), '210202', '210202'],
    [def({ type: 'division' }), '999999', 'facts.value.division'],
  ])('%j: %s → %s', (d, cell, expected) => {
    const result = parseFactCell(d, cell, isDivision)
    expect(result.ok ? result.value : result.reason).toEqual(expected)
  })
})

describe('the value a rule reads', () => {
  const at = (s: string) => new Date(s)
  const c = (over: Partial<FactCandidate>): FactCandidate => ({
    id: 1,
    period: '2025',
    value: 1,
    source: 'declared',
    isVerified: false,
    recordedAt: at('2026-01-01'),
    ...over,
  })
  it.each([
    [
      'the latest period wins over a verified older one',
      [c({ id: 1, period: '2024', isVerified: true }), c({ id: 2, period: '2025' })],
      2,
    ],
    [
      'within a period, verified wins over declared',
      [c({ id: 1, recordedAt: at('2026-06-01') }), c({ id: 2, isVerified: true, source: 'tax' })],
      2,
    ],
    [
      'within a period and source kind, the latest recorded wins',
      [c({ id: 1 }), c({ id: 2, recordedAt: at('2026-02-01') })],
      2,
    ],
    ['a withdrawn value is no candidate', [c({ id: 1, period: '2024' }), c({ id: 2, value: null })], 1],
    ['nothing left: no value', [c({ id: 1, value: null })], undefined],
  ])('%s', (_name, candidates, expected) => {
    expect(resolveCurrent(candidates)?.id).toBe(expected)
  })

  it.each([
    [2, '2024', '2026-12-01', false],
    [2, '2023', '2026-12-01', true],
    [1, '2025', '2026-12-01', false],
    [1, '2024', '2026-12-01', true],
    [null, '2001', '2026-12-01', false],
  ])('max age %s: period %s on %s is stale: %s', (maxAgeYears, period, today, expected) => {
    expect(isStale(def({ isPeriodic: true, maxAgeYears }), period, today)).toBe(expected)
  })
})
