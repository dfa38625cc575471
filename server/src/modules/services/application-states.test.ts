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
    ['special_step', 'withdraw', { ok: true, to: 'withdrawn' }],
    ['approved', 'withdraw', { ok: false, code: 'APPLICATION_NOT_WITHDRAWABLE' }],
    ['submitted', 'accept', { ok: true, to: 'accepted' }],
    ['supplement_requested', 'accept', { ok: false, code: 'APPLICATION_NOT_IN_CHECK' }],
    ['submitted', 'deem_accepted', { ok: true, to: 'accepted' }],
    ['accepted', 'request_supplement', { ok: false, code: 'APPLICATION_NOT_IN_CHECK' }],
    ['supplement_requested', 'answer_supplement', { ok: true, to: 'submitted' }],
    ['submitted', 'answer_supplement', { ok: false, code: 'APPLICATION_NO_SUPPLEMENT_PENDING' }],
    ['accepted', 'start_special_step', { ok: true, to: 'special_step' }],
    ['special_step', 'end_special_step', { ok: true, to: 'accepted' }],
    ['accepted', 'terminate', { ok: true, to: 'terminated' }],
    ['approved', 'archive', { ok: true, to: 'approved' }],
    ['accepted', 'archive', { ok: false, code: 'APPLICATION_NOT_ARCHIVABLE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(APPLICATION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['submit', ['applicant'], true],
    ['submit', [], false],
    ['withdraw', ['applicant'], true],
    ['withdraw', [], false],
    ['accept', ['handler'], true],
    ['accept', ['applicant'], false],
    ['extend', ['handler'], false],
    ['extend', ['department_head'], true],
    ['deem_accepted', ['handler', 'department_head', 'applicant'], false],
    ['terminate', ['department_head'], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(APPLICATION_TABLE.mayTake(action, roles)).toBe(expected)
  })

  it('keeps a withdrawn application closed', () => {
    expect(APPLICATION_TABLE.statesIn('closed')).toEqual([
      'approved',
      'refused',
      'not_accepted',
      'withdrawn',
      'terminated',
    ])
    expect(APPLICATION_TABLE.move('withdrawn', 'withdraw')).toEqual({
      ok: false,
      code: 'APPLICATION_NOT_WITHDRAWABLE',
    })
  })
})
