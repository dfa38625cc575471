import { describe, expect, it } from 'vitest'
import { PLAN_TASK_STATES } from './action-plans.schema'
import {
  PLAN_TASK_STATE_CATEGORIES,
  PLAN_TASK_TABLE,
  type PlanTaskAction,
  type PlanTaskState,
} from './plan-task-states'

describe('the plan task table', () => {
  it('has the states the API contract lists', () => {
    expect(Object.keys(PLAN_TASK_STATE_CATEGORIES)).toEqual([...PLAN_TASK_STATES])
  })

  const NOT_REPORTABLE = { ok: false, code: 'PLAN_TASK_NOT_REPORTABLE' }
  const NOT_UNDER_REVIEW = { ok: false, code: 'PLAN_TASK_NOT_UNDER_REVIEW' }
  it.each<[PlanTaskState, PlanTaskAction, object]>([
    ['not_started', 'report', { ok: true, to: 'in_progress' }],
    ['in_progress', 'report', { ok: true, to: 'in_progress' }],
    ['returned', 'report', { ok: true, to: 'in_progress' }],
    ['submitted', 'report', NOT_REPORTABLE],
    ['accepted', 'report', NOT_REPORTABLE],
    ['not_started', 'submit', { ok: true, to: 'submitted' }],
    ['in_progress', 'submit', { ok: true, to: 'submitted' }],
    ['returned', 'submit', { ok: true, to: 'submitted' }],
    ['submitted', 'submit', NOT_REPORTABLE],
    ['accepted', 'submit', NOT_REPORTABLE],
    ['submitted', 'return', { ok: true, to: 'returned' }],
    ['in_progress', 'return', NOT_UNDER_REVIEW],
    ['returned', 'return', NOT_UNDER_REVIEW],
    ['accepted', 'return', NOT_UNDER_REVIEW],
    ['submitted', 'accept', { ok: true, to: 'accepted' }],
    ['not_started', 'accept', NOT_UNDER_REVIEW],
    ['returned', 'accept', NOT_UNDER_REVIEW],
    ['accepted', 'accept', NOT_UNDER_REVIEW],
  ])('%s ─%s→ %o', (state, action, expected) => {
    expect(PLAN_TASK_TABLE.move(state, action)).toEqual(expected)
  })

  it.each([
    ['report', ['handler'], true],
    ['report', ['head'], true],
    ['report', ['bureau'], false],
    ['submit', ['handler'], true],
    ['submit', ['head'], true],
    ['submit', ['bureau'], false],
    ['return', ['bureau'], true],
    ['return', ['head'], false],
    ['accept', ['bureau'], true],
    ['accept', ['handler', 'head'], false],
  ] as const)('%s by %o: %s', (action, roles, expected) => {
    expect(PLAN_TASK_TABLE.mayTake(action, roles)).toBe(expected)
  })
})
