import { describe, expect, it } from 'vitest'
import {
  SELF_INSPECTION_ANSWER_STATES as ANSWER_STATES,
  SELF_INSPECTION_RECTIFICATION_STATES as RECTIFICATION_STATES,
} from './self-inspections.schema'
import {
  SELF_INSPECTION_ANSWER_STATE_CATEGORIES,
  SELF_INSPECTION_ANSWER_TABLE,
  type SelfInspectionAnswerAction,
  type SelfInspectionAnswerState,
} from './self-inspection-answer-states'
import {
  SELF_INSPECTION_RECTIFICATION_STATE_CATEGORIES,
  SELF_INSPECTION_RECTIFICATION_TABLE,
} from './self-inspection-rectification-states'

describe('the self-inspection answer table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(SELF_INSPECTION_ANSWER_STATE_CATEGORIES)).toEqual([...ANSWER_STATES])
  })

  const NOT_EDITABLE = { ok: false, code: 'SELF_INSPECTION_ANSWER_NOT_EDITABLE' }
  const NOT_SUBMITTABLE = { ok: false, code: 'SELF_INSPECTION_ANSWER_NOT_SUBMITTABLE' }
  const NOT_UNDER_REVIEW = { ok: false, code: 'SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW' }
  it.each<[SelfInspectionAnswerState, SelfInspectionAnswerAction, object]>([
    ['not_started', 'save', { ok: true, to: 'draft' }],
    ['draft', 'save', { ok: true, to: 'draft' }],
    ['returned', 'save', { ok: true, to: 'draft' }],
    ['submitted', 'save', NOT_EDITABLE],
    ['accepted', 'save', NOT_EDITABLE],
    ['not_started', 'submit', NOT_SUBMITTABLE],
    ['draft', 'submit', { ok: true, to: 'submitted' }],
    ['returned', 'submit', { ok: true, to: 'submitted' }],
    ['submitted', 'submit', NOT_SUBMITTABLE],
    ['accepted', 'submit', NOT_SUBMITTABLE],
    ['submitted', 'return', { ok: true, to: 'returned' }],
    ['draft', 'return', NOT_UNDER_REVIEW],
    ['returned', 'return', NOT_UNDER_REVIEW],
    ['accepted', 'return', NOT_UNDER_REVIEW],
    ['submitted', 'accept', { ok: true, to: 'accepted' }],
    ['not_started', 'accept', NOT_UNDER_REVIEW],
    ['returned', 'accept', NOT_UNDER_REVIEW],
    ['accepted', 'accept', NOT_UNDER_REVIEW],
  ])('%s ─%s→ %o', (state, action, expected) => {
    expect(SELF_INSPECTION_ANSWER_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['save', ['handler'], true],
    ['save', ['head'], true],
    ['save', ['bureau'], false],
    ['submit', ['head'], true],
    ['submit', ['handler'], false],
    ['submit', ['bureau'], false],
    ['return', ['bureau'], true],
    ['return', ['head'], false],
    ['accept', ['bureau'], true],
    ['accept', ['handler', 'head'], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(SELF_INSPECTION_ANSWER_TABLE.mayTake(action, roles)).toBe(expected)
  })
})

describe('the self-inspection rectification table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(SELF_INSPECTION_RECTIFICATION_STATE_CATEGORIES)).toEqual([...RECTIFICATION_STATES])
  })

  it.each([
    ['open', 'mark_done', { ok: true, to: 'done' }],
    ['done', 'mark_done', { ok: false, code: 'SELF_INSPECTION_RECTIFICATION_NOT_OPEN' }],
    ['confirmed', 'mark_done', { ok: false, code: 'SELF_INSPECTION_RECTIFICATION_NOT_OPEN' }],
    ['done', 'confirm', { ok: true, to: 'confirmed' }],
    ['open', 'confirm', { ok: false, code: 'SELF_INSPECTION_RECTIFICATION_NOT_DONE' }],
    ['done', 'reopen', { ok: true, to: 'open' }],
    ['confirmed', 'reopen', { ok: false, code: 'SELF_INSPECTION_RECTIFICATION_NOT_DONE' }],
  ] as const)('%s ─%s→ %o', (state, action, expected) => {
    expect(SELF_INSPECTION_RECTIFICATION_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['mark_done', ['handler'], true],
    ['mark_done', ['bureau'], false],
    ['confirm', ['bureau'], true],
    ['confirm', ['head'], false],
    ['reopen', ['bureau'], true],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(SELF_INSPECTION_RECTIFICATION_TABLE.mayTake(action, roles)).toBe(expected)
  })
})
