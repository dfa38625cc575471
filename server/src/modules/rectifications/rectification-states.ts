import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { rectificationsErrors } from './rectifications.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type RectificationRefusal = keyof typeof rectificationsErrors

/**
 * The life of one rectification (差评整改) as data (the case kit's table, kernel/cases). The unit
 * that handled the rated case fixes it; the bureau's task force — never the unit — contacts the
 * rater to verify the fix, returns it when the evidence is not enough, and tells the rater; the
 * rater's second rating closes it. An upheld rating appeal withdraws it.
 *
 *   open ─submit_evidence→ evidence_submitted ─verify→ verified ─give_feedback→ feedback_given
 *     ↑                         │                         │                        │
 *     └────────return───────────┘                   rate_fix (system)      rate_fix / close
 *                                                         ↓                        ↓
 *                                                       closed ←───────────────────┘
 *   any open state ─withdraw (system: an upheld rating appeal)→ withdrawn
 */
export const RECTIFICATION_STATE_CATEGORIES = {
  open: 'open', // the unit is fixing it; the deadline runs
  evidence_submitted: 'open', // the unit sent its measures and evidence: the bureau verifies
  verified: 'open', // the bureau confirmed the fix with the rater: the rater may rate the fix
  feedback_given: 'open', // the rater was told what was done
  closed: 'closed', // the rater rated the fix, or the bureau closed it after feedback
  withdrawn: 'closed', // the rating was excluded on an upheld rating appeal
} as const satisfies Record<string, StateCategory>

export type RectificationState = keyof typeof RECTIFICATION_STATE_CATEGORIES

export type RectificationAction =
  | 'attach_evidence'
  | 'submit_evidence'
  | 'return'
  | 'verify'
  | 'give_feedback'
  | 'rate_fix'
  | 'close'
  | 'withdraw'

/**
 * The roles a person holds on one rectification: the unit is a handler or head of the handling
 * department; the bureau is the task force (a dispatcher who is not of the unit).
 */
export type RectificationRole = 'unit' | 'bureau'

const BUREAU = ['bureau'] as const
const SYSTEM = [] as const

export const RECTIFICATION_TABLE = defineCaseTable<
  RectificationState,
  RectificationAction,
  RectificationRole,
  RectificationRefusal
>({
  states: RECTIFICATION_STATE_CATEGORIES,
  moves: {
    attach_evidence: {
      from: ['open'],
      to: 'same',
      roles: ['unit'],
      refusal: 'RECTIFICATION_NOT_OPEN',
    },
    submit_evidence: {
      from: ['open'],
      to: 'evidence_submitted',
      roles: ['unit'],
      refusal: 'RECTIFICATION_NOT_OPEN',
    },
    return: {
      from: ['evidence_submitted'],
      to: 'open',
      roles: BUREAU,
      refusal: 'RECTIFICATION_NOT_AWAITING_VERIFICATION',
    },
    verify: {
      from: ['evidence_submitted'],
      to: 'verified',
      roles: BUREAU,
      refusal: 'RECTIFICATION_NOT_AWAITING_VERIFICATION',
    },
    give_feedback: {
      from: ['verified'],
      to: 'feedback_given',
      roles: BUREAU,
      refusal: 'RECTIFICATION_NOT_VERIFIED',
    },
    rate_fix: {
      from: ['verified', 'feedback_given'],
      to: 'closed',
      roles: SYSTEM,
      refusal: 'RECTIFICATION_NOT_RATEABLE',
    },
    close: {
      from: ['feedback_given'],
      to: 'closed',
      roles: BUREAU,
      refusal: 'RECTIFICATION_NOT_CLOSABLE',
    },
    withdraw: {
      from: ['open', 'evidence_submitted', 'verified', 'feedback_given'],
      to: 'withdrawn',
      roles: SYSTEM,
      refusal: 'RECTIFICATION_NOT_WITHDRAWABLE',
    },
  },
})
