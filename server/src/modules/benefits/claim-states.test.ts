import { describe, expect, it } from 'vitest'
import { BENEFIT_MODES, type BenefitMode } from '../../shared/policies'
import { CLAIM_STATUSES as CONTRACT_STATUSES } from './benefits.schema'
import {
  ACTIVE_STATES,
  CLAIM_STATES,
  mayTake,
  move,
  start,
  TRANSITIONS,
  type ClaimAction,
  type ClaimState,
} from './claim-states'

const STATES = Object.keys(CLAIM_STATES) as ClaimState[]
const ACTIONS = Object.keys(TRANSITIONS) as ClaimAction[]
const NO = 'no_application'
const FAST = 'fast_application'
const STD = 'standard_application'

describe('the states', () => {
  it('are the ones the API contract lists', () => {
    expect([...CONTRACT_STATUSES]).toEqual(STATES)
  })
})

describe('how a claim starts', () => {
  it.each([
    ['consent', NO, { ok: true, to: 'consented' }],
    ['apply', FAST, { ok: true, to: 'submitted' }],
    ['apply', STD, { ok: true, to: 'submitted' }],
    ['consent', FAST, { ok: false, code: 'BENEFIT_WRONG_MODE' }],
    ['consent', STD, { ok: false, code: 'BENEFIT_WRONG_MODE' }],
    ['apply', NO, { ok: false, code: 'BENEFIT_WRONG_MODE' }],
  ] as const)('%s on a %s item → %o', (action, mode, expected) => {
    expect(start(action, mode)).toEqual(expected)
  })
})

describe('the transition table', () => {
  it.each([
    [NO, 'consented', 'pay', 'paid'],
    [NO, 'consented', 'exclude', 'excluded'],
    [NO, 'consented', 'withdraw', 'withdrawn'],
    [NO, 'paid', 'rate', 'paid'],
    [FAST, 'submitted', 'approve', 'approved'],
    [FAST, 'submitted', 'reject', 'rejected'],
    [FAST, 'submitted', 'request_supplement', 'supplement_requested'],
    [FAST, 'supplement_requested', 'resubmit', 'submitted'],
    [FAST, 'supplement_requested', 'withdraw', 'withdrawn'],
    [FAST, 'approved', 'pay', 'paid'],
    [FAST, 'rejected', 'rate', 'rejected'],
    [STD, 'submitted', 'recommend', 'recommended'],
    [STD, 'recommended', 'approve', 'approved'],
    [STD, 'recommended', 'reject', 'rejected'],
    [STD, 'recommended', 'request_supplement', 'supplement_requested'],
    [STD, 'recommended', 'withdraw', 'withdrawn'],
    [STD, 'approved', 'pay', 'paid'],
    [STD, 'paid', 'rate', 'paid'],
  ] as const)('%s: %s --%s--> %s', (mode, from, action, to) => {
    expect(move(from, mode, action)).toEqual({ ok: true, to })
  })

  it.each([
    [STD, 'submitted', 'approve', 'CLAIM_NOT_DECIDABLE'], // the handler recommends first
    [STD, 'submitted', 'reject', 'CLAIM_NOT_DECIDABLE'],
    [FAST, 'submitted', 'recommend', 'CLAIM_NOT_REVIEWABLE'], // fast has one decision
    [FAST, 'approved', 'approve', 'CLAIM_NOT_DECIDABLE'],
    [FAST, 'supplement_requested', 'approve', 'CLAIM_NOT_DECIDABLE'],
    [FAST, 'approved', 'withdraw', 'CLAIM_NOT_WITHDRAWABLE'],
    [STD, 'rejected', 'withdraw', 'CLAIM_NOT_WITHDRAWABLE'],
    [NO, 'paid', 'withdraw', 'CLAIM_NOT_WITHDRAWABLE'],
    [FAST, 'submitted', 'pay', 'CLAIM_NOT_PAYABLE'],
    [NO, 'excluded', 'pay', 'CLAIM_NOT_PAYABLE'],
    [FAST, 'approved', 'exclude', 'CLAIM_NOT_PAYABLE'], // exclusions are for payout lists only
    [FAST, 'approved', 'rate', 'CLAIM_NOT_RATABLE'],
    [NO, 'consented', 'rate', 'CLAIM_NOT_RATABLE'],
    [NO, 'withdrawn', 'rate', 'CLAIM_NOT_RATABLE'],
    [FAST, 'submitted', 'resubmit', 'CLAIM_NOT_RESUBMITTABLE'],
    [NO, 'consented', 'request_supplement', 'CLAIM_NOT_REVIEWABLE'],
    [FAST, 'approved', 'request_supplement', 'CLAIM_NOT_REVIEWABLE'],
  ] as const)('%s: %s refuses %s with %s', (mode, from, action, code) => {
    expect(move(from, mode, action)).toEqual({ ok: false, code })
  })

  it('closed states allow nothing but a rating', () => {
    for (const mode of BENEFIT_MODES)
      for (const state of STATES.filter((s) => CLAIM_STATES[s] === 'closed'))
        for (const action of ACTIONS.filter((a) => a !== 'rate'))
          expect(move(state, mode, action).ok, `${mode} ${state} ${action}`).toBe(false)
  })

  it('every open or paused state a mode can reach has a way forward', () => {
    const reachable = (mode: BenefitMode) => {
      const seen = new Set<ClaimState>()
      const first = start(mode === NO ? 'consent' : 'apply', mode)
      const todo: ClaimState[] = first.ok ? [first.to] : []
      while (todo.length) {
        const s = todo.pop()!
        if (seen.has(s)) continue
        seen.add(s)
        for (const a of ACTIONS) {
          const m = move(s, mode, a)
          if (m.ok) todo.push(m.to)
        }
      }
      return seen
    }
    for (const mode of BENEFIT_MODES)
      for (const state of reachable(mode))
        if (CLAIM_STATES[state] !== 'closed')
          expect(
            ACTIONS.some((a) => a !== 'rate' && move(state, mode, a).ok),
            `${mode} ${state}`,
          ).toBe(true)
  })

  it('every mode can reach paid, and a no-application claim is never decided', () => {
    expect(move('consented', NO, 'approve').ok).toBe(false)
    expect(move('consented', NO, 'reject').ok).toBe(false)
    for (const mode of [FAST, STD] as const) expect(move('approved', mode, 'pay').ok).toBe(true)
  })

  it('an active claim blocks another; a withdrawn, rejected or excluded one does not', () => {
    expect([...ACTIVE_STATES].sort()).toEqual(
      ['approved', 'consented', 'paid', 'recommended', 'submitted', 'supplement_requested'].sort(),
    )
    for (const s of ['withdrawn', 'rejected', 'excluded'] as const) expect(ACTIVE_STATES).not.toContain(s)
  })
})

describe('who may take an action', () => {
  it.each([
    ['approve', FAST, ['handler'], true],
    ['approve', FAST, ['department_head'], true],
    ['approve', STD, ['handler'], false], // the head decides a standard application
    ['approve', STD, ['department_head'], true],
    ['recommend', STD, ['handler'], true],
    ['recommend', FAST, ['handler'], false],
    ['pay', NO, ['handler'], false], // the head confirms a payout list
    ['pay', NO, ['department_head'], true],
    ['pay', FAST, ['handler'], true], // the handler records an application's payout
    ['exclude', NO, ['department_head'], true],
    ['withdraw', FAST, ['handler'], false],
    ['withdraw', FAST, ['enterprise'], true],
    ['rate', NO, ['enterprise'], true],
    ['rate', NO, ['department_head'], false],
    ['resubmit', STD, ['enterprise'], true],
    ['request_supplement', STD, ['enterprise'], false],
    ['request_supplement', STD, ['handler'], true],
  ] as const)('%s on %s by %o: %s', (action, mode, roles, allowed) => {
    expect(mayTake(action, mode, roles)).toBe(allowed)
  })
})
