import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { {{moduleCamel}}Errors } from './{{module}}.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type {{casePascal}}Refusal = keyof typeof {{moduleCamel}}Errors

/**
 * The life of one {{caseWordsEn}} as data (the case kit's table, kernel/cases): states with fixed
 * categories, and per move who may make it and the code a refused move answers with. The service
 * never sets a state any other way.
 *
 *   draft ─submit→ submitted
 */
export const {{caseScreaming}}_STATE_CATEGORIES = {
  draft: 'open', // written by the enterprise, not yet sent
  submitted: 'open', // sent: waits for the department
} as const satisfies Record<string, StateCategory>

export type {{casePascal}}State = keyof typeof {{caseScreaming}}_STATE_CATEGORIES

export type {{casePascal}}Action = 'submit'

/** The roles a person holds on one {{caseWordsEn}}: the applicant is whoever opened it. */
export type {{casePascal}}Role = 'applicant'

export const {{caseScreaming}}_TABLE = defineCaseTable<
  {{casePascal}}State,
  {{casePascal}}Action,
  {{casePascal}}Role,
  {{casePascal}}Refusal
>({
  states: {{caseScreaming}}_STATE_CATEGORIES,
  moves: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      roles: ['applicant'],
      refusal: '{{caseScreaming}}_NOT_SUBMITTABLE',
    },
  },
})
