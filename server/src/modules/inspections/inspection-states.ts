import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { inspectionsErrors } from './inspections.errors'

type InspectionRefusal = keyof typeof inspectionsErrors

/**
 * The life of an inspection or service visit, as data (the case kit's table, kernel/cases):
 *
 *   planned ─approve (the body's head; the check code is live from now)→ approved
 *   planned ─reject (the body's head, with a reason)→ rejected
 *   planned, approved ─cancel (the planner or the head)→ cancelled
 *   approved ─check_in (the enterprise scans the code at the door)→ checked_in
 *   approved ─refuse (the enterprise refuses the visit, with a reason)→ refused
 *   checked_in ─record_result (an inspector on it; leniency looked up, item 4)→ result_recorded
 *   checked_in ─close (a service visit has no result: the visitor closes it)→ closed
 *   result_recorded ─close (after the correction's re-check, or at once when none is due)→ closed
 *
 * A rating of the visit (the ratings module, subject 'inspection') is taken once it is checked in.
 */
export const INSPECTION_STATE_CATEGORIES = {
  planned: 'open', // waiting for the body's head
  approved: 'open', // the code is live: the visit may happen in its window
  rejected: 'closed',
  checked_in: 'open', // the enterprise scanned the code: the visit is happening or happened
  refused: 'closed', // the enterprise refused the visit at the door
  result_recorded: 'open', // the result is in; a correction may be due with a re-check
  closed: 'closed',
  cancelled: 'closed',
} as const satisfies Record<string, StateCategory>

export type InspectionState = keyof typeof INSPECTION_STATE_CATEGORIES
export type InspectionAction =
  'approve' | 'reject' | 'cancel' | 'check_in' | 'refuse' | 'record_result' | 'close'

/** The roles a person holds on one inspection. */
export type InspectionRole = 'planner' | 'body_head' | 'inspector' | 'enterprise'

export const INSPECTION_TABLE = defineCaseTable<
  InspectionState,
  InspectionAction,
  InspectionRole,
  InspectionRefusal
>({
  states: INSPECTION_STATE_CATEGORIES,
  moves: {
    approve: { from: ['planned'], to: 'approved', roles: ['body_head'], refusal: 'INSPECTION_NOT_PLANNED' },
    reject: { from: ['planned'], to: 'rejected', roles: ['body_head'], refusal: 'INSPECTION_NOT_PLANNED' },
    cancel: {
      from: ['planned', 'approved'],
      to: 'cancelled',
      roles: ['planner', 'body_head'],
      refusal: 'INSPECTION_NOT_CANCELLABLE',
    },
    check_in: {
      from: ['approved'],
      to: 'checked_in',
      roles: ['enterprise'],
      refusal: 'INSPECTION_NOT_APPROVED',
    },
    refuse: { from: ['approved'], to: 'refused', roles: ['enterprise'], refusal: 'INSPECTION_NOT_APPROVED' },
    record_result: {
      from: ['checked_in'],
      to: 'result_recorded',
      roles: ['inspector'],
      refusal: 'INSPECTION_NOT_CHECKED_IN',
    },
    close: {
      from: ['checked_in', 'result_recorded'],
      to: 'closed',
      roles: ['inspector', 'planner', 'body_head'],
      refusal: 'INSPECTION_NOT_CLOSABLE',
    },
  },
})
