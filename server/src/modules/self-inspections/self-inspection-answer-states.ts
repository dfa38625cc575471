import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { selfInspectionsErrors } from './self-inspections.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type Refusal = keyof typeof selfInspectionsErrors

/**
 * One department's copy of a self-inspection task (the case kit's table, kernel/cases). The
 * department's handlers and head draft the findings; only the head submits; the bureau returns with
 * notes or accepts. A save on a returned copy keeps it "returned" until it is submitted again.
 *
 *   not_started ─save→ draft ─submit→ submitted ─accept→ accepted
 *                        ↑                 └─return→ returned ─save/submit→ …
 */
export const SELF_INSPECTION_ANSWER_STATE_CATEGORIES = {
  not_started: 'open', // issued, nothing written yet
  draft: 'open', // being written by the department
  submitted: 'open', // sent: waits for the bureau's review
  returned: 'open', // the bureau sent it back with notes
  accepted: 'closed', // the bureau accepted it; its problems are rectifications now
} as const satisfies Record<string, StateCategory>

export type SelfInspectionAnswerState = keyof typeof SELF_INSPECTION_ANSWER_STATE_CATEGORIES

export type SelfInspectionAnswerAction = 'save' | 'submit' | 'return' | 'accept'

/** The roles a person holds on one copy: its department's handler or head, or the bureau. */
export type SelfInspectionAnswerRole = 'handler' | 'head' | 'bureau'

export const SELF_INSPECTION_ANSWER_TABLE = defineCaseTable<
  SelfInspectionAnswerState,
  SelfInspectionAnswerAction,
  SelfInspectionAnswerRole,
  Refusal
>({
  states: SELF_INSPECTION_ANSWER_STATE_CATEGORIES,
  moves: {
    save: {
      from: ['not_started', 'draft', 'returned'],
      to: 'draft',
      roles: ['handler', 'head'],
      refusal: 'SELF_INSPECTION_ANSWER_NOT_EDITABLE',
    },
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['head'],
      refusal: 'SELF_INSPECTION_ANSWER_NOT_SUBMITTABLE',
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      roles: ['bureau'],
      refusal: 'SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW',
    },
    accept: {
      from: ['submitted'],
      to: 'accepted',
      roles: ['bureau'],
      refusal: 'SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW',
    },
  },
})
