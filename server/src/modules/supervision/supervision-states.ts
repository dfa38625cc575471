import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { supervisionErrors } from './supervision.errors'
import type { SupervisionLevel } from './supervision.tables'

type SupervisionRefusal = keyof typeof supervisionErrors

/**
 * The ladder of a supervision case (督办), as data (the case kit's table, kernel/cases):
 *
 *   open ─respond (the unit's head: what it did, evidence)→ responded
 *   responded ─accept_response (the bureau: close with what was done)→ closed
 *   responded ─reject_response (the bureau: back with a note; a new deadline)→ open
 *   open ─escalate (the sweep, when no response came by the deadline; or the bureau by hand)→ open,
 *        one level up (section → bureau → city) with the next level's deadline
 *   open, responded ─close (the bureau, with what was done)→ closed
 */
export const SUPERVISION_STATE_CATEGORIES = {
  open: 'open', // the unit owes a response by response_due_at
  responded: 'open', // the unit answered: the bureau verifies
  closed: 'closed',
} as const satisfies Record<string, StateCategory>

export type SupervisionState = keyof typeof SUPERVISION_STATE_CATEGORIES
export type SupervisionAction = 'respond' | 'accept_response' | 'reject_response' | 'escalate' | 'close'

/** The roles a person holds on one case: the bureau (task force, leadership), or the head of its unit. */
export type SupervisionRole = 'bureau' | 'department_head'

export const SUPERVISION_TABLE = defineCaseTable<
  SupervisionState,
  SupervisionAction,
  SupervisionRole,
  SupervisionRefusal
>({
  states: SUPERVISION_STATE_CATEGORIES,
  moves: {
    respond: {
      from: ['open'],
      to: 'responded',
      roles: ['department_head'],
      refusal: 'SUPERVISION_NOT_AWAITING_RESPONSE',
    },
    accept_response: {
      from: ['responded'],
      to: 'closed',
      roles: ['bureau'],
      refusal: 'SUPERVISION_NOT_RESPONDED',
    },
    reject_response: {
      from: ['responded'],
      to: 'open',
      roles: ['bureau'],
      refusal: 'SUPERVISION_NOT_RESPONDED',
    },
    escalate: {
      from: ['open'],
      to: 'same',
      roles: ['bureau'],
      refusal: 'SUPERVISION_NOT_AWAITING_RESPONSE',
    },
    close: {
      from: ['open', 'responded'],
      to: 'closed',
      roles: ['bureau'],
      refusal: 'SUPERVISION_CASE_CLOSED',
    },
  },
})

export const SUPERVISION_LEVELS = ['section', 'bureau', 'city'] as const satisfies readonly SupervisionLevel[]

/** The level above, or null at the top (a city case waits; it is overdue, and the figures say so). */
export function nextLevel(level: SupervisionLevel): SupervisionLevel | null {
  const i = SUPERVISION_LEVELS.indexOf(level)
  return SUPERVISION_LEVELS[i + 1] ?? null
}

export type LadderSettings = { sectionDays: number; bureauDays: number; cityDays: number }

/** The working days a unit has to respond at a level. */
export function responseDays(settings: LadderSettings, level: SupervisionLevel): number {
  return level === 'section'
    ? settings.sectionDays
    : level === 'bureau'
      ? settings.bureauDays
      : settings.cityDays
}

/** Whether the sweep escalates a case now: waiting for a response, past its deadline, below the top. */
export function isDueForEscalation(
  row: { status: SupervisionState; level: SupervisionLevel; response_due_at: Date | null },
  now: Date,
): boolean {
  return (
    row.status === 'open' &&
    row.response_due_at !== null &&
    row.response_due_at.getTime() <= now.getTime() &&
    nextLevel(row.level) !== null
  )
}

/** Past its response deadline while the unit still owes the response. */
export function isOverdue(
  row: { status: SupervisionState; response_due_at: Date | null },
  now: Date,
): boolean {
  return (
    row.status === 'open' && row.response_due_at !== null && row.response_due_at.getTime() <= now.getTime()
  )
}
