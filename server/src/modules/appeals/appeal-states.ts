import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { appealsErrors } from './appeals.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type AppealRefusal = keyof typeof appealsErrors

/**
 * The life of an appeal as data: states with fixed categories, and one table that decides every move
 * and who may make it (the case kit's table, kernel/cases). A move not in the table is refused with
 * the action's own error code; the service never sets a status any other way.
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
} as const satisfies Record<string, StateCategory>

export type AppealState = keyof typeof APPEAL_STATES

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

/**
 * The roles a person holds on one appeal (appeal-access.ts works them out from their staff roles and
 * the departments holding the appeal): the task force (dispatchers), the enterprise that filed it, a
 * co-handling department's staff, the lead department's handlers and its head.
 */
export type AppealRole = 'task_force' | 'enterprise' | 'co_handler' | 'lead_handler' | 'lead_head'
const TASK_FORCE: readonly AppealRole[] = ['task_force']
const ENTERPRISE: readonly AppealRole[] = ['enterprise']
const CO_HANDLER: readonly AppealRole[] = ['co_handler']
const LEAD: readonly AppealRole[] = ['lead_handler', 'lead_head']
const LEAD_HEAD: readonly AppealRole[] = ['lead_head']
/** Timers and sweeps only: no person makes the move. */
const SYSTEM: readonly AppealRole[] = []

/**
 * Every allowed move: the states it starts from, where it leads ('same' keeps the state: the action
 * only records something), who may make it and the code a refused move answers with.
 */
export const APPEAL_TABLE = defineCaseTable<AppealState, AppealAction, AppealRole, AppealRefusal>({
  states: APPEAL_STATES,
  moves: {
    accept: { from: ['submitted'], to: 'accepted', roles: TASK_FORCE, refusal: 'APPEAL_NOT_ACCEPTABLE' },
    reject: {
      from: ['submitted', 'accepted'],
      to: 'rejected',
      roles: TASK_FORCE,
      refusal: 'APPEAL_NOT_REJECTABLE',
    },
    merge: {
      from: ['submitted', 'accepted'],
      to: 'merged',
      roles: TASK_FORCE,
      refusal: 'APPEAL_NOT_MERGEABLE',
    },
    dispatch: {
      from: ['submitted', 'accepted', 'returned'],
      to: 'dispatched',
      roles: TASK_FORCE,
      refusal: 'APPEAL_NOT_DISPATCHABLE',
    },
    arbitrate: {
      from: ['arbitration'],
      to: 'dispatched',
      roles: TASK_FORCE,
      refusal: 'APPEAL_NOT_IN_ARBITRATION',
    },
    sign_for: { from: ['dispatched'], to: 'handling', roles: LEAD, refusal: 'APPEAL_NOT_SIGNABLE' },
    // A co-handler (协办) signs for its part and submits it to the lead while the lead still handles.
    co_sign_for: {
      from: ['dispatched', 'handling', 'paused', 'awaiting_approval'],
      to: 'same',
      roles: CO_HANDLER,
      refusal: 'APPEAL_NOT_SIGNABLE',
    },
    submit_part: {
      from: ['dispatched', 'handling', 'paused'],
      to: 'same',
      roles: CO_HANDLER,
      refusal: 'APPEAL_PART_NOT_ACCEPTED',
    },
    // The service decides between 'returned' and 'arbitration' (see returnTarget).
    return: {
      from: ['dispatched', 'handling'],
      to: 'returned',
      roles: LEAD,
      refusal: 'APPEAL_NOT_RETURNABLE',
    },
    pause: { from: ['handling'], to: 'paused', roles: LEAD, refusal: 'APPEAL_NOT_PAUSABLE' },
    resume: { from: ['paused'], to: 'handling', roles: LEAD, refusal: 'APPEAL_NOT_PAUSED' },
    request_extension: {
      from: ['handling', 'paused'],
      to: 'same',
      roles: LEAD_HEAD,
      refusal: 'APPEAL_NOT_EXTENDABLE',
    },
    record_contact: {
      from: ['dispatched', 'handling', 'paused'],
      to: 'same',
      roles: LEAD,
      refusal: 'APPEAL_NOT_CONTACTABLE',
    },
    // The service decides between 'replied' and 'awaiting_approval' (see replyTarget).
    reply: { from: ['handling'], to: 'replied', roles: LEAD, refusal: 'APPEAL_NOT_REPLIABLE' },
    approve_reply: {
      from: ['awaiting_approval'],
      to: 'replied',
      roles: LEAD_HEAD,
      refusal: 'APPEAL_NO_REPLY_TO_APPROVE',
    },
    reject_reply: {
      from: ['awaiting_approval'],
      to: 'handling',
      roles: LEAD_HEAD,
      refusal: 'APPEAL_NO_REPLY_TO_APPROVE',
    },
    confirm: { from: ['replied'], to: 'closed', roles: ENTERPRISE, refusal: 'APPEAL_NOT_CONFIRMABLE' },
    reopen: { from: ['replied'], to: 'handling', roles: ENTERPRISE, refusal: 'APPEAL_NOT_CONFIRMABLE' },
    close_without_rating: {
      from: ['replied'],
      to: 'closed',
      roles: SYSTEM,
      refusal: 'APPEAL_NOT_CONFIRMABLE',
    },
    withdraw: {
      from: ['submitted', 'accepted', 'dispatched', 'handling', 'paused', 'returned', 'arbitration'],
      to: 'withdrawn',
      roles: ENTERPRISE,
      refusal: 'APPEAL_NOT_WITHDRAWABLE',
    },
  },
})

export const TRANSITIONS = APPEAL_TABLE.moves

export function move(state: AppealState, action: AppealAction) {
  return APPEAL_TABLE.move(state, action)
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
 * What the enterprise's rating (好差评) does: "not solved" or a rating below "fairly satisfied" reopens the appeal;
 * otherwise it closes as solved.
 */
export function ratingOutcome(input: { solved: boolean; level: number | null }): 'reopen' | 'confirm' {
  if (!input.solved) return 'reopen'
  if (input.level !== null && input.level <= 2) return 'reopen'
  return 'confirm'
}

export function categoryOf(state: AppealState): StateCategory {
  return APPEAL_TABLE.categoryOf(state)
}

export const OPEN_STATES = APPEAL_TABLE.statesIn('open', 'paused')

/**
 * Every event type an appeal's timeline can hold: the moves of the table, and the steps beside it
 * (filing, a duplicate merged in, extension decisions, return visits, the deadline sweep's thresholds).
 */
export const APPEAL_EVENT_TYPES: readonly string[] = [
  'filed',
  ...APPEAL_TABLE.actions,
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
