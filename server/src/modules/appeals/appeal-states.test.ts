import { describe, expect, it } from 'vitest'
import {
  APPEAL_STATES,
  move,
  OPEN_STATES,
  returnTarget,
  TRANSITIONS,
  ratingOutcome,
  type AppealAction,
  type AppealState,
} from './appeal-states'

const STATES = Object.keys(APPEAL_STATES) as AppealState[]
const ACTIONS = Object.keys(TRANSITIONS) as AppealAction[]

describe('the transition table', () => {
  it.each([
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'dispatch', 'dispatched'],
    ['accepted', 'dispatch', 'dispatched'],
    ['returned', 'dispatch', 'dispatched'],
    ['arbitration', 'arbitrate', 'dispatched'],
    ['dispatched', 'sign_for', 'handling'],
    ['dispatched', 'return', 'returned'],
    ['handling', 'pause', 'paused'],
    ['paused', 'resume', 'handling'],
    ['handling', 'reply', 'replied'],
    ['awaiting_approval', 'approve_reply', 'replied'],
    ['awaiting_approval', 'reject_reply', 'handling'],
    ['replied', 'confirm', 'closed'],
    ['replied', 'reopen', 'handling'],
    ['replied', 'close_without_rating', 'closed'],
    ['paused', 'request_extension', 'paused'],
    ['handling', 'withdraw', 'withdrawn'],
    ['submitted', 'merge', 'merged'],
    ['accepted', 'reject', 'rejected'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(move(from, action)).toEqual({ ok: true, to })
  })

  it.each([
    ['submitted', 'sign_for', 'APPEAL_NOT_SIGNABLE'],
    ['handling', 'sign_for', 'APPEAL_NOT_SIGNABLE'],
    ['dispatched', 'reply', 'APPEAL_NOT_REPLIABLE'],
    ['paused', 'reply', 'APPEAL_NOT_REPLIABLE'],
    ['replied', 'withdraw', 'APPEAL_NOT_WITHDRAWABLE'],
    ['closed', 'reopen', 'APPEAL_NOT_CONFIRMABLE'],
    ['handling', 'dispatch', 'APPEAL_NOT_DISPATCHABLE'],
    ['handling', 'resume', 'APPEAL_NOT_PAUSED'],
    ['replied', 'return', 'APPEAL_NOT_RETURNABLE'],
    ['dispatched', 'merge', 'APPEAL_NOT_MERGEABLE'],
  ] as const)('%s refuses %s with %s', (from, action, code) => {
    expect(move(from, action)).toEqual({ ok: false, code })
  })

  it('closed states allow no move at all', () => {
    for (const state of STATES.filter((s) => APPEAL_STATES[s] === 'closed')) {
      for (const action of ACTIONS) expect(move(state, action).ok, `${state} ${action}`).toBe(false)
    }
  })

  it('every open state has a way forward', () => {
    for (const state of OPEN_STATES)
      expect(
        ACTIONS.some((a) => move(state, a).ok),
        state,
      ).toBe(true)
  })
})

describe('returns', () => {
  it.each([
    [0, 2, false, { ok: true, to: 'returned' }],
    [1, 2, false, { ok: true, to: 'returned' }],
    [2, 2, false, { ok: true, to: 'arbitration' }],
    [0, 0, false, { ok: true, to: 'arbitration' }],
    [0, 2, true, { ok: false, code: 'APPEAL_ASSIGNMENT_BINDING' }],
  ])('after %i of %i returns (binding: %s)', (returnCount, maxReturns, isBinding, expected) => {
    expect(returnTarget({ returnCount, maxReturns, isBinding })).toEqual(expected)
  })
})

describe('the enterprise’s rating', () => {
  it.each([
    [true, 5, 'confirm'],
    [true, 4, 'confirm'],
    [true, 3, 'confirm'],
    [true, 2, 'reopen'],
    [true, 1, 'reopen'],
    [false, 5, 'reopen'],
    [true, null, 'confirm'],
  ])('solved %s, level %s → %s', (solved, level, outcome) => {
    expect(ratingOutcome({ solved, level })).toBe(outcome)
  })
})
