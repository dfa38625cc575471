import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { exposuresErrors } from './exposures.errors'

type ExposureRefusal = keyof typeof exposuresErrors

/**
 * An exposure item (曝光反面典型) as the case kit's table:
 *
 *   proposed ─approve (a second person: reviewer, redaction confirmed)→ approved ─publish→ published
 *   proposed ─reject→ rejected
 *   published ─rectify (what the unit did)→ rectified        (the public page shows it)
 *
 * Publishing from anything but `approved` is refused with EXPOSURE_NOT_REVIEWED: nothing reaches the
 * public page without review. The second-person rule is the service's (the reviewer is not the proposer).
 */
export const EXPOSURE_STATES = {
  proposed: 'open',
  approved: 'open',
  rejected: 'closed',
  published: 'open',
  rectified: 'closed',
} as const satisfies Record<string, StateCategory>

export type ExposureStateName = keyof typeof EXPOSURE_STATES
export type ExposureRole = 'reviewer'
export type ExposureAction = 'approve' | 'reject' | 'publish' | 'rectify'

const reviewer = ['reviewer'] as const

export const EXPOSURE_TABLE = defineCaseTable<
  ExposureStateName,
  ExposureAction,
  ExposureRole,
  ExposureRefusal
>({
  states: EXPOSURE_STATES,
  moves: {
    approve: { from: ['proposed'], to: 'approved', roles: reviewer, refusal: 'EXPOSURE_NOT_PROPOSED' },
    reject: { from: ['proposed'], to: 'rejected', roles: reviewer, refusal: 'EXPOSURE_NOT_PROPOSED' },
    publish: { from: ['approved'], to: 'published', roles: reviewer, refusal: 'EXPOSURE_NOT_REVIEWED' },
    rectify: { from: ['published'], to: 'rectified', roles: reviewer, refusal: 'EXPOSURE_NOT_PUBLISHED' },
  },
})
