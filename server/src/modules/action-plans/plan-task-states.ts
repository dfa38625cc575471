import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { actionPlansErrors } from './action-plans.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type Refusal = keyof typeof actionPlansErrors

/**
 * One task of the action plan (the case kit's table, kernel/cases). The owner unit's handlers and head
 * report progress and submit the task as done with evidence; the bureau accepts it or returns it with
 * a note. A progress report on a returned task moves it back to "in progress".
 *
 *   not_started ─report→ in_progress ─submit→ submitted ─accept→ accepted
 *        └──────────submit──────────────↗          └─return→ returned ─report/submit→ …
 */
export const PLAN_TASK_STATE_CATEGORIES = {
  not_started: 'open', // in the plan, nothing reported yet
  in_progress: 'open', // the owner unit has reported progress
  submitted: 'open', // reported done: waits for the bureau's review of its evidence
  returned: 'open', // the bureau sent it back with a note
  accepted: 'closed', // the bureau accepted the evidence: the task is done
} as const satisfies Record<string, StateCategory>

export type PlanTaskState = keyof typeof PLAN_TASK_STATE_CATEGORIES

export type PlanTaskAction = 'report' | 'submit' | 'return' | 'accept'

/** The roles a person holds on one task: the owner unit's handler or head, or the bureau. */
export type PlanTaskRole = 'handler' | 'head' | 'bureau'

/** States in which the owner unit still owes the task (what reminders and escalation look at). */
export const OWED_PLAN_TASK_STATES: readonly PlanTaskState[] = ['not_started', 'in_progress', 'returned']

export const PLAN_TASK_TABLE = defineCaseTable<PlanTaskState, PlanTaskAction, PlanTaskRole, Refusal>({
  states: PLAN_TASK_STATE_CATEGORIES,
  moves: {
    report: {
      from: ['not_started', 'in_progress', 'returned'],
      to: 'in_progress',
      roles: ['handler', 'head'],
      refusal: 'PLAN_TASK_NOT_REPORTABLE',
    },
    submit: {
      from: ['not_started', 'in_progress', 'returned'],
      to: 'submitted',
      roles: ['handler', 'head'],
      refusal: 'PLAN_TASK_NOT_REPORTABLE',
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      roles: ['bureau'],
      refusal: 'PLAN_TASK_NOT_UNDER_REVIEW',
    },
    accept: {
      from: ['submitted'],
      to: 'accepted',
      roles: ['bureau'],
      refusal: 'PLAN_TASK_NOT_UNDER_REVIEW',
    },
  },
})
