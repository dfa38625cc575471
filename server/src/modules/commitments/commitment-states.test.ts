import { describe, expect, it } from 'vitest'
import { COMMITMENT_STATES as CONTRACT_STATES } from './commitments.schema'
import { COMMITMENT_STATE_CATEGORIES, COMMITMENT_TABLE } from './commitment-states'

describe('the commitment table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(COMMITMENT_STATE_CATEGORIES)).toEqual([...CONTRACT_STATES])
  })

  it.each([
    ['open', 'pay', { ok: true, to: 'open' }],
    ['overdue', 'pay', { ok: true, to: 'overdue' }],
    ['settled', 'pay', { ok: false, code: 'COMMITMENT_NOT_PAYABLE_NOW' }],
    ['rescheduled', 'pay', { ok: false, code: 'COMMITMENT_NOT_PAYABLE_NOW' }],
    ['open', 'fulfil', { ok: true, to: 'settled' }],
    ['settled', 'fulfil', { ok: false, code: 'COMMITMENT_NOT_OPEN' }],
    ['overdue', 'reschedule', { ok: true, to: 'rescheduled' }],
    ['open', 'reschedule', { ok: false, code: 'COMMITMENT_NOT_OVERDUE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(COMMITMENT_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['pay', ['owner'], true],
    ['pay', ['bureau'], false],
    ['fulfil', ['owner'], true],
    ['reschedule', ['bureau'], true],
    ['fulfil', ['bureau'], false],
    ['pay', [], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(COMMITMENT_TABLE.mayTake(action, roles)).toBe(expected)
  })
})
