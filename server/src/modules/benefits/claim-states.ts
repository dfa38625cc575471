import type { BenefitMode } from '../../shared/policies'

/**
 * The life of a benefit claim as data: states with fixed categories, one table that decides every
 * move per benefit mode, and one table of who may make it. A move not in the table is refused with
 * the action's own error code; the service never sets a status any other way.
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
} as const

export type ClaimState = keyof typeof CLAIM_STATES
export type StateCategory = (typeof CLAIM_STATES)[ClaimState]

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

type ByMode = Partial<Record<BenefitMode, readonly ClaimState[]>>
type Move = { from: ByMode; to: ClaimState | 'same' }

const BOTH_APPLICATIONS = (states: readonly ClaimState[]): ByMode => ({
  fast_application: states,
  standard_application: states,
})

/** Every allowed move, by mode. 'same' keeps the state (the action only records something). */
export const TRANSITIONS: Record<ClaimAction, Move> = {
  request_supplement: {
    from: { fast_application: ['submitted'], standard_application: ['submitted', 'recommended'] },
    to: 'supplement_requested',
  },
  resubmit: { from: BOTH_APPLICATIONS(['supplement_requested']), to: 'submitted' },
  recommend: { from: { standard_application: ['submitted'] }, to: 'recommended' },
  approve: {
    from: { fast_application: ['submitted'], standard_application: ['recommended'] },
    to: 'approved',
  },
  reject: {
    from: { fast_application: ['submitted'], standard_application: ['recommended'] },
    to: 'rejected',
  },
  withdraw: {
    from: {
      no_application: ['consented'],
      fast_application: ['submitted', 'supplement_requested'],
      standard_application: ['submitted', 'supplement_requested', 'recommended'],
    },
    to: 'withdrawn',
  },
  pay: { from: { no_application: ['consented'], ...BOTH_APPLICATIONS(['approved']) }, to: 'paid' },
  exclude: { from: { no_application: ['consented'] }, to: 'excluded' },
  rate: {
    from: { no_application: ['paid'], ...BOTH_APPLICATIONS(['paid', 'rejected']) },
    to: 'same',
  },
}

/** The error code a refused action answers with: the client knows exactly what was refused. */
export const REFUSAL_CODES = {
  request_supplement: 'CLAIM_NOT_REVIEWABLE',
  resubmit: 'CLAIM_NOT_RESUBMITTABLE',
  recommend: 'CLAIM_NOT_REVIEWABLE',
  approve: 'CLAIM_NOT_DECIDABLE',
  reject: 'CLAIM_NOT_DECIDABLE',
  withdraw: 'CLAIM_NOT_WITHDRAWABLE',
  pay: 'CLAIM_NOT_PAYABLE',
  exclude: 'CLAIM_NOT_PAYABLE',
  rate: 'CLAIM_NOT_RATABLE',
} as const satisfies Record<ClaimAction, string>

export type RefusalCode = (typeof REFUSAL_CODES)[ClaimAction]
export type MoveResult = { ok: true; to: ClaimState } | { ok: false; code: RefusalCode }

export function move(state: ClaimState, mode: BenefitMode, action: ClaimAction): MoveResult {
  const t = TRANSITIONS[action]
  if (!(t.from[mode] ?? []).includes(state)) return { ok: false, code: REFUSAL_CODES[action] }
  return { ok: true, to: t.to === 'same' ? state : t.to }
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

/**
 * Who may take an action, by mode: the enterprise for its own claims; the department that pays the
 * item for the rest. The handler records and reviews; the department head decides a standard
 * application (four eyes with the handler's recommendation) and confirms a payout list.
 */
export type ClaimRole = 'enterprise' | 'handler' | 'department_head'
const STAFF: readonly ClaimRole[] = ['handler', 'department_head']
const HEAD: readonly ClaimRole[] = ['department_head']
const ENTERPRISE: readonly ClaimRole[] = ['enterprise']

export const ACTORS: Record<ClaimAction, Partial<Record<BenefitMode, readonly ClaimRole[]>>> = {
  request_supplement: { fast_application: STAFF, standard_application: STAFF },
  resubmit: { fast_application: ENTERPRISE, standard_application: ENTERPRISE },
  recommend: { standard_application: STAFF },
  approve: { fast_application: STAFF, standard_application: HEAD },
  reject: { fast_application: STAFF, standard_application: HEAD },
  withdraw: { no_application: ENTERPRISE, fast_application: ENTERPRISE, standard_application: ENTERPRISE },
  // a payout list is confirmed by the head; the payout of one approved application recorded by either
  pay: { no_application: HEAD, fast_application: STAFF, standard_application: STAFF },
  exclude: { no_application: HEAD },
  rate: { no_application: ENTERPRISE, fast_application: ENTERPRISE, standard_application: ENTERPRISE },
}

export function mayTake(action: ClaimAction, mode: BenefitMode, roles: readonly ClaimRole[]): boolean {
  const allowed = ACTORS[action][mode] ?? []
  return roles.some((r) => allowed.includes(r))
}

export function categoryOf(state: ClaimState): StateCategory {
  return CLAIM_STATES[state]
}
