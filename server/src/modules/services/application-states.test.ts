import { describe, expect, it } from 'vitest'
import { APPLICATION_STATES as CONTRACT_STATES } from './services.schema'
import { APPLICATION_STATE_CATEGORIES, APPLICATION_TABLE } from './application-states'

describe('the application table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(APPLICATION_STATE_CATEGORIES)).toEqual([...CONTRACT_STATES])
  })

  it.each([
    ['draft', 'submit', { ok: true, to: 'submitted' }],
    ['submitted', 'submit', { ok: false, code: 'APPLICATION_NOT_SUBMITTABLE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(APPLICATION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['submit', ['applicant'], true],
    ['submit', [], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(APPLICATION_TABLE.mayTake(action, roles)).toBe(expected)
  })
})
