import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { benefitsErrors } from './benefits.errors'
import type { BenefitMode } from '../../shared/policies'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type ClaimRefusal = keyof typeof benefitsErrors

/**
 * The life of a benefit claim as data: states with fixed categories, one table that decides every
 * move per benefit mode with who may make it (the case kit's table, kernel/cases). A move not in the
 * table is refused with the action's own error code; the service never sets a status any other way.
 *
 *   no application (免申即享):  consented ─pay→ paid | ─exclude→ excluded | ─withdraw→ withdrawn
 *   fast (快申快享):            submitted ─approve/reject→ approved/rejected; approved ─pay→ paid
 *   standard (标准申报):        submitted ─recommend→ recommended ─approve/reject→ approved/rejected
 *   both applications:         submitted (or recommended) ─request_supplement→ supplement_requested
 *                              ─resubmit→ submitted; withdraw before a decision
 */
export const CLAIM_STATES = {
  consented: 'open', // the enterprise consented to a no-application benefit; waits for the payout list
  submitted: 'open', // an application under review (the working-day clock runs)
  supplement_requested: 'paused', // 补正: waiting for the enterprise's materials (the clock stops)
  recommended: 'open', // standard: the handler recommended, the department head decides
  approved: 'open', // decided for the enterprise; waits for the payout
  rejected: 'closed', // decided against, with a reason
  withdrawn: 'closed', // withdrawn by the enterprise before a decision
  paid: 'closed', // the payout is recorded
  excluded: 'closed', // left out of a payout list by the department, with a reason
} as const satisfies Record<string, StateCategory>

export type ClaimState = keyof typeof CLAIM_STATES

/** Claims that keep the item taken for the enterprise: a second claim is refused (the index agrees). */
export const ACTIVE_STATES: readonly ClaimState[] = [
  'consented',
  'submitted',
  'supplement_requested',
  'recommended',
  'approved',
  'paid',
]

/** Applications waiting for the department: what the review list and the overdue list show. */
export const UNDER_REVIEW: readonly ClaimState[] = ['submitted', 'recommended']

export type ClaimAction =
  | 'request_supplement'
  | 'resubmit'
  | 'recommend'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'pay'
  | 'exclude'
  | 'rate'

/**
 * Who may take an action, by mode: the enterprise for its own claims; the department that pays the
 * item for the rest. The handler records and reviews; the department head decides a standard
 * application (four eyes with the handler's recommendation) and confirms a payout list.
 */
export type ClaimRole = 'enterprise' | 'handler' | 'department_head'
const STAFF: readonly ClaimRole[] = ['handler', 'department_head']
const HEAD: readonly ClaimRole[] = ['department_head']
const ENTERPRISE: readonly ClaimRole[] = ['enterprise']

const BOTH_APPLICATIONS = <T>(list: readonly T[]) => ({
  fast_application: list,
  standard_application: list,
})
const ALL_MODES = <T>(list: readonly T[]) => ({ no_application: list, ...BOTH_APPLICATIONS(list) })

/**
 * Every allowed move, by mode: the states it starts from, where it leads ('same' keeps the state:
 * the action only records something), who may make it and the code a refused move answers with.
 */
export const CLAIM_TABLE = defineCaseTable<ClaimState, ClaimAction, ClaimRole, ClaimRefusal, BenefitMode>({
  states: CLAIM_STATES,
  moves: {
    request_supplement: {
      from: { fast_application: ['submitted'], standard_application: ['submitted', 'recommended'] },
      to: 'supplement_requested',
      roles: BOTH_APPLICATIONS(STAFF),
      refusal: 'CLAIM_NOT_REVIEWABLE',
    },
    resubmit: {
      from: BOTH_APPLICATIONS(['supplement_requested']),
      to: 'submitted',
      roles: BOTH_APPLICATIONS(ENTERPRISE),
      refusal: 'CLAIM_NOT_RESUBMITTABLE',
    },
    recommend: {
      from: { standard_application: ['submitted'] },
      to: 'recommended',
      roles: { standard_application: STAFF },
      refusal: 'CLAIM_NOT_REVIEWABLE',
    },
    approve: {
      from: { fast_application: ['submitted'], standard_application: ['recommended'] },
      to: 'approved',
      roles: { fast_application: STAFF, standard_application: HEAD },
      refusal: 'CLAIM_NOT_DECIDABLE',
    },
    reject: {
      from: { fast_application: ['submitted'], standard_application: ['recommended'] },
      to: 'rejected',
      roles: { fast_application: STAFF, standard_application: HEAD },
      refusal: 'CLAIM_NOT_DECIDABLE',
    },
    withdraw: {
      from: {
        no_application: ['consented'],
        fast_application: ['submitted', 'supplement_requested'],
        standard_application: ['submitted', 'supplement_requested', 'recommended'],
      },
      to: 'withdrawn',
      roles: ALL_MODES(ENTERPRISE),
      refusal: 'CLAIM_NOT_WITHDRAWABLE',
    },
    // a payout list is confirmed by the head; the payout of one approved application recorded by either
    pay: {
      from: { no_application: ['consented'], ...BOTH_APPLICATIONS(['approved'] as const) },
      to: 'paid',
      roles: { no_application: HEAD, ...BOTH_APPLICATIONS(STAFF) },
      refusal: 'CLAIM_NOT_PAYABLE',
    },
    exclude: {
      from: { no_application: ['consented'] },
      to: 'excluded',
      roles: { no_application: HEAD },
      refusal: 'CLAIM_NOT_PAYABLE',
    },
    rate: {
      from: { no_application: ['paid'], ...BOTH_APPLICATIONS(['paid', 'rejected'] as const) },
      to: 'same',
      roles: ALL_MODES(ENTERPRISE),
      refusal: 'CLAIM_NOT_RATABLE',
    },
  },
  // 好差评 is given on a paid or rejected claim: it records, the claim stays closed.
  allowFromClosed: ['rate'],
})

export const TRANSITIONS = CLAIM_TABLE.moves

export function move(state: ClaimState, mode: BenefitMode, action: ClaimAction) {
  return CLAIM_TABLE.move(state, action, mode)
}

/** How a claim starts: a consent for a no-application benefit, an application for the others. */
export type StartAction = 'consent' | 'apply'
const STARTS: Record<StartAction, Partial<Record<BenefitMode, ClaimState>>> = {
  consent: { no_application: 'consented' },
  apply: { fast_application: 'submitted', standard_application: 'submitted' },
}

export function start(
  action: StartAction,
  mode: BenefitMode,
): { ok: true; to: ClaimState } | { ok: false; code: 'BENEFIT_WRONG_MODE' } {
  const to = STARTS[action][mode]
  return to ? { ok: true, to } : { ok: false, code: 'BENEFIT_WRONG_MODE' }
}

export function mayTake(action: ClaimAction, mode: BenefitMode, roles: readonly ClaimRole[]): boolean {
  return CLAIM_TABLE.mayTake(action, roles, mode)
}

export function categoryOf(state: ClaimState): StateCategory {
  return CLAIM_TABLE.categoryOf(state)
}
