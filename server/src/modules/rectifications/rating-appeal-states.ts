import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { rectificationsErrors } from './rectifications.errors'

type RatingAppealRefusal = keyof typeof rectificationsErrors

/**
 * A unit's appeal of a rating it believes mistaken or malicious (评价申诉), as data: the unit files
 * it with its reason and evidence; the bureau upholds it (the rating is excluded from the figures
 * and its rectification withdrawn) or rejects it, with reasons either way.
 *
 *   open ─uphold→ upheld
 *   open ─reject→ rejected
 */
export const RATING_APPEAL_STATE_CATEGORIES = {
  open: 'open',
  upheld: 'closed',
  rejected: 'closed',
} as const satisfies Record<string, StateCategory>

export type RatingAppealState = keyof typeof RATING_APPEAL_STATE_CATEGORIES
export type RatingAppealAction = 'attach_evidence' | 'uphold' | 'reject'
/** The unit that filed it (handler or head of the rated department) and the bureau's task force. */
export type RatingAppealRole = 'unit' | 'bureau'

export const RATING_APPEAL_TABLE = defineCaseTable<
  RatingAppealState,
  RatingAppealAction,
  RatingAppealRole,
  RatingAppealRefusal
>({
  states: RATING_APPEAL_STATE_CATEGORIES,
  moves: {
    attach_evidence: { from: ['open'], to: 'same', roles: ['unit'], refusal: 'RATING_APPEAL_DECIDED' },
    uphold: { from: ['open'], to: 'upheld', roles: ['bureau'], refusal: 'RATING_APPEAL_DECIDED' },
    reject: { from: ['open'], to: 'rejected', roles: ['bureau'], refusal: 'RATING_APPEAL_DECIDED' },
  },
})
