import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { servicesErrors } from './services.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type ApplicationRefusal = keyof typeof servicesErrors

/**
 * The life of one application (办件) as data (the case kit's table, kernel/cases): states with fixed
 * categories, and per move who may make it and the code a refused move answers with. The service
 * never sets a state any other way. Issue 12 grows it toward the Administrative Licensing Law
 * (completeness check, acceptance, supplements, review, decision); today it holds the start and the
 * applicant's own moves:
 *
 *   draft ─submit→ submitted
 *   draft, submitted ─withdraw→ withdrawn (before any decision)
 */
export const APPLICATION_STATE_CATEGORIES = {
  draft: 'open', // written by the enterprise, not yet sent
  submitted: 'open', // sent: waits for the department
  withdrawn: 'closed', // withdrawn by the applicant before a decision
} as const satisfies Record<string, StateCategory>

export type ApplicationState = keyof typeof APPLICATION_STATE_CATEGORIES

export type ApplicationAction = 'submit' | 'withdraw'

/** The roles a person holds on one application: the applicant is whoever opened it. */
export type ApplicationRole = 'applicant'

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
    withdraw: {
      from: ['draft', 'submitted'],
      to: 'withdrawn',
      roles: ['applicant'],
      refusal: 'APPLICATION_NOT_WITHDRAWABLE',
    },
  },
})
