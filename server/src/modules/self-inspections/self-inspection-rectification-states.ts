import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { selfInspectionsErrors } from './self-inspections.errors'

type Refusal = keyof typeof selfInspectionsErrors

/**
 * A problem the bureau accepted, tracked to done: the department marks it done with evidence, the
 * bureau confirms it or reopens it with a note.
 *
 *   open ─mark_done→ done ─confirm→ confirmed
 *     ↑───────reopen──┘
 */
export const SELF_INSPECTION_RECTIFICATION_STATE_CATEGORIES = {
  open: 'open',
  done: 'open', // the department says it is done; waits for the bureau
  confirmed: 'closed',
} as const satisfies Record<string, StateCategory>

export type SelfInspectionRectificationState = keyof typeof SELF_INSPECTION_RECTIFICATION_STATE_CATEGORIES

export type SelfInspectionRectificationAction = 'mark_done' | 'confirm' | 'reopen'

export type SelfInspectionRectificationRole = 'handler' | 'head' | 'bureau'

export const SELF_INSPECTION_RECTIFICATION_TABLE = defineCaseTable<
  SelfInspectionRectificationState,
  SelfInspectionRectificationAction,
  SelfInspectionRectificationRole,
  Refusal
>({
  states: SELF_INSPECTION_RECTIFICATION_STATE_CATEGORIES,
  moves: {
    mark_done: {
      from: ['open'],
      to: 'done',
      roles: ['handler', 'head'],
      refusal: 'SELF_INSPECTION_RECTIFICATION_NOT_OPEN',
    },
    confirm: {
      from: ['done'],
      to: 'confirmed',
      roles: ['bureau'],
      refusal: 'SELF_INSPECTION_RECTIFICATION_NOT_DONE',
    },
    reopen: {
      from: ['done'],
      to: 'open',
      roles: ['bureau'],
      refusal: 'SELF_INSPECTION_RECTIFICATION_NOT_DONE',
    },
  },
})
