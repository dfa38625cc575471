import { describe, expect, it } from 'vitest'
import {
  SUPERVISION_TABLE,
  isDueForEscalation,
  isOverdue,
  nextLevel,
  responseDays,
} from './supervision-states'
import { SUPERVISION_STATUSES } from './supervision.schema'

describe('the supervision ladder', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(SUPERVISION_TABLE.states)).toEqual([...SUPERVISION_STATUSES])
  })

  it.each([
    ['open', 'respond', { ok: true, to: 'responded' }],
    ['responded', 'respond', { ok: false, code: 'SUPERVISION_NOT_AWAITING_RESPONSE' }],
    ['closed', 'respond', { ok: false, code: 'SUPERVISION_NOT_AWAITING_RESPONSE' }],
    ['responded', 'accept_response', { ok: true, to: 'closed' }],
    ['open', 'accept_response', { ok: false, code: 'SUPERVISION_NOT_RESPONDED' }],
    ['closed', 'accept_response', { ok: false, code: 'SUPERVISION_NOT_RESPONDED' }],
    ['responded', 'reject_response', { ok: true, to: 'open' }],
    ['open', 'reject_response', { ok: false, code: 'SUPERVISION_NOT_RESPONDED' }],
    ['open', 'escalate', { ok: true, to: 'open' }],
    ['responded', 'escalate', { ok: false, code: 'SUPERVISION_NOT_AWAITING_RESPONSE' }],
    ['closed', 'escalate', { ok: false, code: 'SUPERVISION_NOT_AWAITING_RESPONSE' }],
    ['open', 'close', { ok: true, to: 'closed' }],
    ['responded', 'close', { ok: true, to: 'closed' }],
    ['closed', 'close', { ok: false, code: 'SUPERVISION_CASE_CLOSED' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(SUPERVISION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['respond', ['department_head'], true],
    ['respond', ['bureau'], false],
    ['accept_response', ['bureau'], true],
    ['accept_response', ['department_head'], false],
    ['reject_response', ['department_head'], false],
    ['escalate', ['bureau'], true],
    ['escalate', ['department_head'], false],
    ['close', ['bureau'], true],
    ['close', ['department_head'], false],
    ['close', [], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(SUPERVISION_TABLE.mayTake(action, roles)).toBe(expected)
  })

  it.each([
    ['section', 'bureau'],
    ['bureau', 'city'],
    ['city', null],
  ] as const)('climbs from %s to %s', (level, next) => {
    expect(nextLevel(level)).toBe(next)
  })

  it.each([
    ['section', 5],
    ['bureau', 3],
    ['city', 2],
  ] as const)('gives a unit at %s level %i working days', (level, days) => {
    expect(responseDays({ sectionDays: 5, bureauDays: 3, cityDays: 2 }, level)).toBe(days)
  })

  const now = new Date('2026-03-10T02:00:00Z')
  const past = new Date('2026-03-09T09:00:00Z')
  const future = new Date('2026-03-11T09:00:00Z')
  it.each([
    ['open', 'section', past, true, true],
    ['open', 'bureau', past, true, true],
    ['open', 'city', past, false, true],
    ['open', 'section', future, false, false],
    ['open', 'section', now, true, true],
    ['open', 'section', null, false, false],
    ['responded', 'section', past, false, false],
    ['closed', 'bureau', past, false, false],
  ] as const)('%s at %s due %s: escalates %s, overdue %s', (status, level, due, escalates, overdue) => {
    const row = { status, level, response_due_at: due }
    expect(isDueForEscalation(row, now)).toBe(escalates)
    expect(isOverdue(row, now)).toBe(overdue)
  })
})
