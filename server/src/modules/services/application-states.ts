import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { servicesErrors } from './services.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type ApplicationRefusal = keyof typeof servicesErrors

/**
 * The life of one application (办件) as the Administrative Licensing Law has it, as data (the case
 * kit's table, kernel/cases): states with fixed categories, and per move who may make it and the code
 * a refused move answers with. The service never sets a state any other way.
 *
 *   draft ─submit→ submitted                       (received: the completeness check is due in 5 working days)
 *   draft ─submit (an instant matter whose conditions hold)→ approved
 *   submitted ─accept | accept_with_tolerance→ accepted
 *   submitted ─deem_accepted (system: the check came late)→ accepted   (from the day it arrived)
 *   submitted ─request_supplement→ supplement_requested                (一次性告知: once, every item)
 *   supplement_requested ─answer_supplement→ submitted                  (acceptance dates from the last material)
 *   supplement_requested ─deem_withdrawn (system: the supplement's deadline passed unanswered)→ withdrawn
 *   submitted ─not_accept→ not_accepted                                 (reason, and the body to apply to)
 *   accepted ─review (a step's outcome; the last one decides)→ accepted | approved | refused
 *   accepted ─extend (department head, with the reason told)→ accepted
 *   accepted ─start_special_step→ special_step ─end_special_step→ accepted  (the clock stops meanwhile)
 *   accepted ─fulfil_tolerance (applicant sends what was missing)→ accepted
 *   accepted, special_step ─terminate (system: the 容缺 commitment was missed)→ terminated
 *   draft … special_step ─withdraw (applicant, before a decision)→ withdrawn
 *   approved, refused, not_accepted, withdrawn, terminated ─archive→ (the same state, archived_at set: 归档)
 */
export const APPLICATION_STATE_CATEGORIES = {
  draft: 'open', // written by the enterprise, not yet sent
  submitted: 'open', // received: waits for the completeness check (受理审查)
  supplement_requested: 'paused', // the applicant owes the items of the one supplement request
  accepted: 'open', // 受理: under review, on the decision clock
  special_step: 'paused', // expert review, hearing, public notice, on-site inspection: the clock stops
  approved: 'closed', // 准予许可 (the certificate is issued with it when the matter has one)
  refused: 'closed', // 不予许可, with the reason and the legal basis
  not_accepted: 'closed', // 不予受理, with the reason and the body to apply to
  withdrawn: 'closed', // withdrawn by the applicant before a decision, or deemed withdrawn (补正逾期)
  terminated: 'closed', // 容缺受理 whose commitment was not kept: the case ends
} as const satisfies Record<string, StateCategory>

export type ApplicationState = keyof typeof APPLICATION_STATE_CATEGORIES

export type ApplicationAction =
  | 'submit'
  | 'accept'
  | 'accept_with_tolerance'
  | 'deem_accepted'
  | 'request_supplement'
  | 'answer_supplement'
  | 'deem_withdrawn'
  | 'not_accept'
  | 'review'
  | 'extend'
  | 'start_special_step'
  | 'end_special_step'
  | 'fulfil_tolerance'
  | 'terminate'
  | 'withdraw'
  | 'archive'

/**
 * The roles a person holds on one application: the applicant is whoever opened it (or a member of
 * its enterprise); `handler` and `department_head` are those roles in the matter's department.
 * Moves no person makes (the clock's) list no role and are taken by the system.
 */
export type ApplicationRole = 'applicant' | 'handler' | 'department_head'

const STAFF = ['handler', 'department_head'] as const
const UNDECIDED = ['draft', 'submitted', 'supplement_requested', 'accepted', 'special_step'] as const

export const APPLICATION_TABLE = defineCaseTable<
  ApplicationState,
  ApplicationAction,
  ApplicationRole,
  ApplicationRefusal
>({
  states: APPLICATION_STATE_CATEGORIES,
  moves: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      roles: ['applicant'],
      refusal: 'APPLICATION_NOT_SUBMITTABLE',
    },
    accept: { from: ['submitted'], to: 'accepted', roles: STAFF, refusal: 'APPLICATION_NOT_IN_CHECK' },
    accept_with_tolerance: {
      from: ['submitted'],
      to: 'accepted',
      roles: STAFF,
      refusal: 'APPLICATION_NOT_IN_CHECK',
    },
    deem_accepted: { from: ['submitted'], to: 'accepted', roles: [], refusal: 'APPLICATION_NOT_IN_CHECK' },
    request_supplement: {
      from: ['submitted'],
      to: 'supplement_requested',
      roles: STAFF,
      refusal: 'APPLICATION_NOT_IN_CHECK',
    },
    answer_supplement: {
      from: ['supplement_requested'],
      to: 'submitted',
      roles: ['applicant'],
      refusal: 'APPLICATION_NO_SUPPLEMENT_PENDING',
    },
    deem_withdrawn: {
      from: ['supplement_requested'],
      to: 'withdrawn',
      roles: [],
      refusal: 'APPLICATION_NO_SUPPLEMENT_PENDING',
    },
    not_accept: {
      from: ['submitted'],
      to: 'not_accepted',
      roles: STAFF,
      refusal: 'APPLICATION_NOT_IN_CHECK',
    },
    review: { from: ['accepted'], to: 'same', roles: STAFF, refusal: 'APPLICATION_NOT_UNDER_REVIEW' },
    extend: {
      from: ['accepted', 'special_step'],
      to: 'same',
      roles: ['department_head'],
      refusal: 'APPLICATION_NOT_UNDER_REVIEW',
    },
    start_special_step: {
      from: ['accepted'],
      to: 'special_step',
      roles: STAFF,
      refusal: 'APPLICATION_NOT_UNDER_REVIEW',
    },
    end_special_step: {
      from: ['special_step'],
      to: 'accepted',
      roles: STAFF,
      refusal: 'APPLICATION_NOT_IN_SPECIAL_STEP',
    },
    fulfil_tolerance: {
      from: ['accepted', 'special_step'],
      to: 'same',
      roles: ['applicant'],
      refusal: 'APPLICATION_NOT_UNDER_REVIEW',
    },
    terminate: {
      from: ['accepted', 'special_step'],
      to: 'terminated',
      roles: [],
      refusal: 'APPLICATION_NOT_UNDER_REVIEW',
    },
    withdraw: {
      from: UNDECIDED,
      to: 'withdrawn',
      roles: ['applicant'],
      refusal: 'APPLICATION_NOT_WITHDRAWABLE',
    },
    archive: {
      from: ['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'],
      to: 'same',
      roles: STAFF,
      refusal: 'APPLICATION_NOT_ARCHIVABLE',
    },
  },
  allowFromClosed: ['archive'],
})
