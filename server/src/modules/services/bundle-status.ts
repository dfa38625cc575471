import { APPLICATION_STATE_CATEGORIES, type ApplicationState } from './application-states'
import type { BUNDLE_STATUSES } from './bundles.schema'

/**
 * The one status an enterprise reads of a bundle application, derived from its parts (never stored,
 * so it cannot drift from them):
 *
 * - draft: not yet submitted;
 * - done: every part approved — the result pack is complete;
 * - needs_attention: a part ended without approval (refused, not accepted, terminated, withdrawn)
 *   or waits for the applicant (a supplement is requested): someone must act;
 * - withdrawn: the applicant withdrew the bundle (a part is withdrawn, which only the bundle's
 *   withdrawal does, and every part is closed): nobody is to act, so it is not "needs attention";
 * - in_progress: otherwise, with the counts of the parts.
 *
 * Pure: bundle-status.test.ts is its table of cases.
 */
export type BundleStatus = (typeof BUNDLE_STATUSES)[number]

export type BundleCounts = { total: number; approved: number; inProgress: number; needsAttention: number }

/** The parts' states that ask for the applicant or end the part without a result. */
const NEEDS_ATTENTION: readonly ApplicationState[] = [
  'supplement_requested',
  'refused',
  'not_accepted',
  'terminated',
  'withdrawn',
]

export function countParts(states: readonly ApplicationState[]): BundleCounts {
  const approved = states.filter((s) => s === 'approved').length
  const needsAttention = states.filter((s) => NEEDS_ATTENTION.includes(s)).length
  return {
    total: states.length,
    approved,
    needsAttention,
    inProgress: states.length - approved - needsAttention,
  }
}

export function deriveBundleStatus(
  bundle: 'draft' | 'submitted',
  states: readonly ApplicationState[],
): { status: BundleStatus; counts: BundleCounts } {
  const counts = countParts(states)
  if (bundle === 'draft') return { status: 'draft', counts }
  if (states.includes('withdrawn') && states.every(isPartClosed)) return { status: 'withdrawn', counts }
  if (counts.needsAttention > 0) return { status: 'needs_attention', counts }
  if (counts.total > 0 && counts.approved === counts.total) return { status: 'done', counts }
  return { status: 'in_progress', counts }
}

/** Whether a part is finished (its category is closed), for the monitor's clocks. */
export const isPartClosed = (state: ApplicationState) => APPLICATION_STATE_CATEGORIES[state] === 'closed'
