import { describe, expect, it } from 'vitest'
import { compileRule } from '../../shared/rules/checker'
import { dayNumber } from '../../shared/rules/dates'
import { Evaluator, UNKNOWN, type FactValue, type RawValue } from '../../shared/rules/evaluate'
import { FactSchema } from '../../shared/rules/fact-schema'
import { BUILTIN_FACTS } from '../facts/builtin-facts'
import {
  checkExclusion,
  describeExclusion,
  exclusionRule,
  validUntil,
  type HolderExclusion,
} from './holder-exclusion'

const schema = new FactSchema(BUILTIN_FACTS)
const HIGH_TECH: HolderExclusion = {
  clause: '第九条',
  tag: 'high_tech',
  sinceFact: 'highTechRecognizedOn',
  validYears: 3,
}
const TODAY = '2027-06-15'

function evaluate(exclusion: HolderExclusion, facts: Record<string, RawValue>) {
  const compiled = compileRule(exclusionRule(exclusion), schema, { expect: 'boolean' })
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems))
  const evaluator = new Evaluator({
    schema,
    derived: new Map(),
    today: dayNumber(TODAY),
    lookup: (key) =>
      key in facts
        ? ({ value: facts[key]!, source: 'declared', period: null, isVerified: false } satisfies FactValue)
        : undefined,
  })
  const value = evaluator.evaluate(compiled.rule.node)
  const result = value === UNKNOWN ? 'missing' : value ? 'pass' : 'fail'
  return { result, text: describeExclusion(exclusion, result, evaluator.reads, schema, 'en') } as const
}

describe('holder exclusion', () => {
  it.each([
    ['2025-03-01', '2028-02-29'],
    ['2024-02-29', '2027-02-28'],
    ['2024-06-16', '2027-06-15'],
  ])('a grant on %s holds until %s', (since, until) => {
    expect(validUntil(since, 3)).toBe(until)
  })

  it.each([
    // [facts, result, words of the explanation]
    [{ tags: [] }, 'pass', 'Does not hold a valid "High-tech enterprise"'],
    [{ tags: ['private'], highTechRecognizedOn: '2026-01-01' }, 'pass', 'Does not hold'],
    [
      { tags: ['high_tech'], highTechRecognizedOn: '2025-03-01' },
      'fail',
      'Already recognised as "High-tech enterprise" on 2025-03-01, valid until 2028-02-29',
    ],
    // the last day it holds: not offered; the day after: offered again
    [{ tags: ['high_tech'], highTechRecognizedOn: '2024-06-16' }, 'fail', 'valid until 2027-06-15'],
    [{ tags: ['high_tech'], highTechRecognizedOn: '2024-06-15' }, 'pass', 'Does not hold a valid'],
    [{ tags: ['high_tech'] }, 'missing', 'its date (High-tech recognition date) is not known'],
    [{}, 'missing', 'Whether it already holds "High-tech enterprise" is not known'],
  ] as const)('%j → %s', (facts, result, words) => {
    const outcome = evaluate(HIGH_TECH, facts as Record<string, RawValue>)
    expect(outcome.result).toBe(result)
    expect(outcome.text).toContain(words)
  })

  it('without a date, holding the tag at all excludes', () => {
    const tagOnly = { ...HIGH_TECH, sinceFact: null, validYears: null }
    expect(evaluate(tagOnly, { tags: ['high_tech'] })).toEqual({
      result: 'fail',
      text: 'Already holds "High-tech enterprise": not offered again',
    })
    expect(evaluate(tagOnly, { tags: [] }).result).toBe('pass')
  })

  it.each([
    [{ ...HIGH_TECH, tag: 'nobel_prize' }, ['tag']],
    [{ ...HIGH_TECH, sinceFact: 'employees' }, ['sinceFact']],
    [{ ...HIGH_TECH, sinceFact: 'rdExpenseRatio' }, ['sinceFact']],
    [{ ...HIGH_TECH, validYears: null }, ['validYears']],
    [{ ...HIGH_TECH, sinceFact: null }, ['sinceFact']],
    [HIGH_TECH, []],
  ] as const)('checks %j', (exclusion, fields) => {
    expect(Object.keys(checkExclusion(exclusion, schema)).sort()).toEqual([...fields])
  })
})
