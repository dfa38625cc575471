import { describe, expect, it } from 'vitest'
import { {{caseScreaming}}_STATES as CONTRACT_STATES } from './{{module}}.schema'
import { {{caseScreaming}}_STATE_CATEGORIES, {{caseScreaming}}_TABLE } from './{{case}}-states'

describe('the {{caseWordsEn}} table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys({{caseScreaming}}_STATE_CATEGORIES)).toEqual([...CONTRACT_STATES])
  })

  it.each([
    ['draft', 'submit', { ok: true, to: 'submitted' }],
    ['submitted', 'submit', { ok: false, code: '{{caseScreaming}}_NOT_SUBMITTABLE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect({{caseScreaming}}_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['submit', ['applicant'], true],
    ['submit', [], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect({{caseScreaming}}_TABLE.mayTake(action, roles)).toBe(expected)
  })
})
