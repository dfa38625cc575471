import { describe, expect, it } from 'vitest'
import { RATING_APPEAL_STATES, RECTIFICATION_STATES as CONTRACT_STATES } from './rectifications.schema'
import { RATING_APPEAL_STATE_CATEGORIES, RATING_APPEAL_TABLE } from './rating-appeal-states'
import { RECTIFICATION_STATE_CATEGORIES, RECTIFICATION_TABLE } from './rectification-states'
import { opensRectification } from './rectification-opening'
import { deadlineState } from './rectifications.service'

describe('the rectification table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(RECTIFICATION_STATE_CATEGORIES)).toEqual([...CONTRACT_STATES])
    expect(Object.keys(RATING_APPEAL_STATE_CATEGORIES)).toEqual([...RATING_APPEAL_STATES])
  })

  it.each([
    ['open', 'attach_evidence', { ok: true, to: 'open' }],
    ['open', 'submit_evidence', { ok: true, to: 'evidence_submitted' }],
    ['evidence_submitted', 'submit_evidence', { ok: false, code: 'RECTIFICATION_NOT_OPEN' }],
    ['evidence_submitted', 'attach_evidence', { ok: false, code: 'RECTIFICATION_NOT_OPEN' }],
    ['evidence_submitted', 'return', { ok: true, to: 'open' }],
    ['evidence_submitted', 'verify', { ok: true, to: 'verified' }],
    ['open', 'verify', { ok: false, code: 'RECTIFICATION_NOT_AWAITING_VERIFICATION' }],
    ['verified', 'return', { ok: false, code: 'RECTIFICATION_NOT_AWAITING_VERIFICATION' }],
    ['verified', 'give_feedback', { ok: true, to: 'feedback_given' }],
    ['evidence_submitted', 'give_feedback', { ok: false, code: 'RECTIFICATION_NOT_VERIFIED' }],
    ['verified', 'rate_fix', { ok: true, to: 'closed' }],
    ['feedback_given', 'rate_fix', { ok: true, to: 'closed' }],
    ['open', 'rate_fix', { ok: false, code: 'RECTIFICATION_NOT_RATEABLE' }],
    ['evidence_submitted', 'rate_fix', { ok: false, code: 'RECTIFICATION_NOT_RATEABLE' }],
    ['closed', 'rate_fix', { ok: false, code: 'RECTIFICATION_NOT_RATEABLE' }],
    ['feedback_given', 'close', { ok: true, to: 'closed' }],
    ['verified', 'close', { ok: false, code: 'RECTIFICATION_NOT_CLOSABLE' }],
    ['open', 'withdraw', { ok: true, to: 'withdrawn' }],
    ['feedback_given', 'withdraw', { ok: true, to: 'withdrawn' }],
    ['closed', 'withdraw', { ok: false, code: 'RECTIFICATION_NOT_WITHDRAWABLE' }],
    ['withdrawn', 'withdraw', { ok: false, code: 'RECTIFICATION_NOT_WITHDRAWABLE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(RECTIFICATION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['submit_evidence', ['unit'], true],
    ['submit_evidence', ['bureau'], false],
    ['attach_evidence', ['bureau'], false],
    // the verification contact is the bureau's, never the handling unit's
    ['verify', ['unit'], false],
    ['verify', ['bureau'], true],
    ['return', ['unit'], false],
    ['give_feedback', ['unit'], false],
    ['close', ['bureau'], true],
    // only the system: the rater's rating and an upheld appeal
    ['rate_fix', ['unit', 'bureau'], false],
    ['withdraw', ['unit', 'bureau'], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(RECTIFICATION_TABLE.mayTake(action, roles)).toBe(expected)
  })
})

describe('the rating appeal table', () => {
  it.each([
    ['open', 'uphold', ['bureau'], { ok: true, to: 'upheld' }, true],
    ['open', 'reject', ['bureau'], { ok: true, to: 'rejected' }, true],
    ['open', 'uphold', ['unit'], { ok: true, to: 'upheld' }, false],
    ['upheld', 'reject', ['bureau'], { ok: false, code: 'RATING_APPEAL_DECIDED' }, true],
    ['rejected', 'attach_evidence', ['unit'], { ok: false, code: 'RATING_APPEAL_DECIDED' }, true],
    ['open', 'attach_evidence', ['bureau'], { ok: true, to: 'open' }, false],
  ] as const)('%s ─%s→ by %o', (state, action, roles, expected, allowed) => {
    expect(RATING_APPEAL_TABLE.move(state, action)).toEqual(expected)
    expect(RATING_APPEAL_TABLE.mayTake(action, roles)).toBe(allowed)
  })
})

describe('which ratings open a rectification', () => {
  const rating = { kind: 'given', level: 2, subjectType: 'appeal', departmentId: 'd' } as const
  it.each([
    [rating, true],
    [{ ...rating, level: 1 }, true],
    [{ ...rating, level: 3 }, false],
    [{ ...rating, kind: 'default' }, false],
    [{ ...rating, subjectType: 'rectification' }, false],
    [{ ...rating, departmentId: null }, false],
  ] as const)('%o → %s', (input, expected) => {
    expect(opensRectification(input)).toBe(expected)
  })
})

describe('overdue and late', () => {
  const due = new Date('2026-03-20T09:00:00Z')
  const before = new Date('2026-03-19T09:00:00Z')
  const after = new Date('2026-03-21T09:00:00Z')
  it.each([
    ['open', null, before, { overdue: false, late: false }],
    ['open', null, after, { overdue: true, late: false }],
    ['evidence_submitted', before, after, { overdue: false, late: false }],
    ['evidence_submitted', after, after, { overdue: false, late: true }],
    ['closed', after, after, { overdue: false, late: true }],
  ] as const)('%s, evidence %s, now %s', (status, submitted, now, expected) => {
    expect(deadlineState({ status, due_at: due, evidence_submitted_at: submitted }, now)).toEqual(expected)
  })
})
