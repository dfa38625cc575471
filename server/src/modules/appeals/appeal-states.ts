/**
 * The life of an appeal as data: states with fixed categories, and one table that decides every move.
 * A move not in the table is refused with the action's own error code; the service never sets a
 * status any other way.
 */
export const APPEAL_STATES = {
  submitted: 'open', // filed, waiting for the task force to triage it
  accepted: 'open', // valid, waiting to be dispatched
  dispatched: 'open', // with a department, not yet signed for
  handling: 'open', // signed for, being handled
  paused: 'paused', // waiting for the enterprise or a third party (documented; the clock stops)
  returned: 'open', // sent back by the department as mis-routed; the task force re-dispatches
  arbitration: 'open', // returned more often than allowed: the task force decides, and that decision binds
  awaiting_approval: 'open', // reply written, waiting for the department head
  replied: 'open', // answered, waiting for the enterprise to confirm and rate
  closed: 'closed', // solved, unsolved-but-closed, or closed without a rating
  rejected: 'closed', // not a valid appeal (reason kept)
  merged: 'closed', // a duplicate, merged into another appeal
  withdrawn: 'closed', // withdrawn by the enterprise before an answer (reason kept, listed for audit)
} as const

export type AppealState = keyof typeof APPEAL_STATES
export type StateCategory = (typeof APPEAL_STATES)[AppealState]

export type AppealAction =
  | 'accept'
  | 'reject'
  | 'merge'
  | 'dispatch'
  | 'arbitrate'
  | 'sign_for'
  | 'co_sign_for'
  | 'submit_part'
  | 'return'
  | 'pause'
  | 'resume'
  | 'request_extension'
  | 'record_contact'
  | 'reply'
  | 'approve_reply'
  | 'reject_reply'
  | 'confirm'
  | 'reopen'
  | 'close_without_rating'
  | 'withdraw'

type Move = { from: readonly AppealState[]; to: AppealState | 'same' }

/** Every allowed move. 'same' keeps the state (the action only records something). */
export const TRANSITIONS: Record<AppealAction, Move> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected' },
  merge: { from: ['submitted', 'accepted'], to: 'merged' },
  dispatch: { from: ['submitted', 'accepted', 'returned'], to: 'dispatched' },
  arbitrate: { from: ['arbitration'], to: 'dispatched' },
  sign_for: { from: ['dispatched'], to: 'handling' },
  // A co-handler (协办) signs for its part and submits it to the lead while the lead still handles.
  co_sign_for: { from: ['dispatched', 'handling', 'paused', 'awaiting_approval'], to: 'same' },
  submit_part: { from: ['dispatched', 'handling', 'paused'], to: 'same' },
  // The service decides between 'returned' and 'arbitration' (see returnTarget).
  return: { from: ['dispatched', 'handling'], to: 'returned' },
  pause: { from: ['handling'], to: 'paused' },
  resume: { from: ['paused'], to: 'handling' },
  request_extension: { from: ['handling', 'paused'], to: 'same' },
  record_contact: { from: ['dispatched', 'handling', 'paused'], to: 'same' },
  // The service decides between 'replied' and 'awaiting_approval' (see replyTarget).
  reply: { from: ['handling'], to: 'replied' },
  approve_reply: { from: ['awaiting_approval'], to: 'replied' },
  reject_reply: { from: ['awaiting_approval'], to: 'handling' },
  confirm: { from: ['replied'], to: 'closed' },
  reopen: { from: ['replied'], to: 'handling' },
  close_without_rating: { from: ['replied'], to: 'closed' },
  withdraw: {
    from: ['submitted', 'accepted', 'dispatched', 'handling', 'paused', 'returned', 'arbitration'],
    to: 'withdrawn',
  },
}

/** The error code a refused action answers with: the client knows exactly what was refused. */
export const REFUSAL_CODES = {
  accept: 'APPEAL_NOT_ACCEPTABLE',
  reject: 'APPEAL_NOT_REJECTABLE',
  merge: 'APPEAL_NOT_MERGEABLE',
  dispatch: 'APPEAL_NOT_DISPATCHABLE',
  arbitrate: 'APPEAL_NOT_IN_ARBITRATION',
  sign_for: 'APPEAL_NOT_SIGNABLE',
  co_sign_for: 'APPEAL_NOT_SIGNABLE',
  submit_part: 'APPEAL_PART_NOT_ACCEPTED',
  return: 'APPEAL_NOT_RETURNABLE',
  pause: 'APPEAL_NOT_PAUSABLE',
  resume: 'APPEAL_NOT_PAUSED',
  request_extension: 'APPEAL_NOT_EXTENDABLE',
  record_contact: 'APPEAL_NOT_CONTACTABLE',
  reply: 'APPEAL_NOT_REPLIABLE',
  approve_reply: 'APPEAL_NO_REPLY_TO_APPROVE',
  reject_reply: 'APPEAL_NO_REPLY_TO_APPROVE',
  confirm: 'APPEAL_NOT_CONFIRMABLE',
  reopen: 'APPEAL_NOT_CONFIRMABLE',
  close_without_rating: 'APPEAL_NOT_CONFIRMABLE',
  withdraw: 'APPEAL_NOT_WITHDRAWABLE',
} as const satisfies Record<AppealAction, string>

export type RefusalCode = (typeof REFUSAL_CODES)[AppealAction]

export type MoveResult = { ok: true; to: AppealState } | { ok: false; code: RefusalCode }

export function move(state: AppealState, action: AppealAction): MoveResult {
  const t = TRANSITIONS[action]
  if (!t.from.includes(state)) return { ok: false, code: REFUSAL_CODES[action] }
  return { ok: true, to: t.to === 'same' ? state : t.to }
}

/**
 * A department may return a mis-routed appeal a limited number of times; the next return goes to
 * the task force for arbitration; once the task force has arbitrated, the assignment binds.
 */
export function returnTarget(input: {
  returnCount: number
  maxReturns: number
  isBinding: boolean
}): { ok: true; to: 'returned' | 'arbitration' } | { ok: false; code: 'APPEAL_ASSIGNMENT_BINDING' } {
  if (input.isBinding) return { ok: false, code: 'APPEAL_ASSIGNMENT_BINDING' }
  return { ok: true, to: input.returnCount < input.maxReturns ? 'returned' : 'arbitration' }
}

export function replyTarget(needsApproval: boolean): 'replied' | 'awaiting_approval' {
  return needsApproval ? 'awaiting_approval' : 'replied'
}

/**
 * The enterprise's verdict: "not solved" or a rating below "fairly satisfied" reopens the appeal;
 * otherwise it closes as solved.
 */
export function verdictOf(input: { solved: boolean; level: number | null }): 'reopen' | 'confirm' {
  if (!input.solved) return 'reopen'
  if (input.level !== null && input.level <= 2) return 'reopen'
  return 'confirm'
}

export function categoryOf(state: AppealState): StateCategory {
  return APPEAL_STATES[state]
}

export const OPEN_STATES = (Object.keys(APPEAL_STATES) as AppealState[]).filter(
  (s) => APPEAL_STATES[s] !== 'closed',
)

/**
 * Every event type an appeal's timeline can hold: the moves of the table, and the steps beside it
 * (filing, a duplicate merged in, extension decisions, return visits, the deadline sweep's thresholds).
 */
export const APPEAL_EVENT_TYPES: readonly string[] = [
  'filed',
  ...(Object.keys(TRANSITIONS) as AppealAction[]),
  'merged_in',
  'extension_approved',
  'extension_rejected',
  'return_visit',
  'clock_warn50',
  'clock_warn80',
  'clock_breach',
  'clock_escalate2',
  'clock_escalate3',
]
