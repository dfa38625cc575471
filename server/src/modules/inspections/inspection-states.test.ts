import { describe, expect, it } from 'vitest'
import { INSPECTION_TABLE } from './inspection-states'
import { INSPECTION_STATES } from './inspections.schema'

describe('the inspection case table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(INSPECTION_TABLE.states)).toEqual([...INSPECTION_STATES])
  })

  it.each([
    ['planned', 'approve', { ok: true, to: 'approved' }],
    ['approved', 'approve', { ok: false, code: 'INSPECTION_NOT_PLANNED' }],
    ['planned', 'reject', { ok: true, to: 'rejected' }],
    ['rejected', 'reject', { ok: false, code: 'INSPECTION_NOT_PLANNED' }],
    ['planned', 'cancel', { ok: true, to: 'cancelled' }],
    ['approved', 'cancel', { ok: true, to: 'cancelled' }],
    ['checked_in', 'cancel', { ok: false, code: 'INSPECTION_NOT_CANCELLABLE' }],
    ['cancelled', 'cancel', { ok: false, code: 'INSPECTION_NOT_CANCELLABLE' }],
    ['approved', 'check_in', { ok: true, to: 'checked_in' }],
    ['planned', 'check_in', { ok: false, code: 'INSPECTION_NOT_APPROVED' }],
    ['cancelled', 'check_in', { ok: false, code: 'INSPECTION_NOT_APPROVED' }],
    ['checked_in', 'check_in', { ok: false, code: 'INSPECTION_NOT_APPROVED' }],
    ['approved', 'refuse', { ok: true, to: 'refused' }],
    ['rejected', 'refuse', { ok: false, code: 'INSPECTION_NOT_APPROVED' }],
    ['checked_in', 'record_result', { ok: true, to: 'result_recorded' }],
    ['approved', 'record_result', { ok: false, code: 'INSPECTION_NOT_CHECKED_IN' }],
    ['checked_in', 'close', { ok: true, to: 'closed' }],
    ['result_recorded', 'close', { ok: true, to: 'closed' }],
    ['approved', 'close', { ok: false, code: 'INSPECTION_NOT_CLOSABLE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(INSPECTION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['approve', ['body_head'], true],
    ['approve', ['planner'], false],
    ['approve', ['inspector'], false],
    ['reject', ['body_head'], true],
    ['reject', ['enterprise'], false],
    ['cancel', ['planner'], true],
    ['cancel', ['body_head'], true],
    ['cancel', ['enterprise'], false],
    ['check_in', ['enterprise'], true],
    ['check_in', ['inspector', 'planner', 'body_head'], false],
    ['refuse', ['enterprise'], true],
    ['refuse', ['planner'], false],
    ['close', ['inspector'], true],
    ['close', ['enterprise'], false],
  ] as const)('%s by %o: %s', (action, roles, allowed) => {
    expect(INSPECTION_TABLE.mayTake(action, roles)).toBe(allowed)
  })
})
