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
    ['withdrawn', 'submit', { ok: false, code: 'APPLICATION_NOT_SUBMITTABLE' }],
    ['draft', 'withdraw', { ok: true, to: 'withdrawn' }],
    ['submitted', 'withdraw', { ok: true, to: 'withdrawn' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(APPLICATION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['submit', ['applicant'], true],
    ['submit', [], false],
    ['withdraw', ['applicant'], true],
    ['withdraw', [], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(APPLICATION_TABLE.mayTake(action, roles)).toBe(expected)
  })

  it('keeps a withdrawn application closed', () => {
    expect(APPLICATION_TABLE.statesIn('closed')).toEqual(['withdrawn'])
    expect(APPLICATION_TABLE.move('withdrawn', 'withdraw')).toEqual({
      ok: false,
      code: 'APPLICATION_NOT_WITHDRAWABLE',
    })
  })
})
