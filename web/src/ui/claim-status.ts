import type { ClaimStatus } from '../app/shared-api/benefits'

/*
 * How a benefit claim's status reads wherever a claim shows: the claim pages, and the policy item
 * that a claim holds.
 */

/** Claims that keep the item taken (claim-states.ts ACTIVE_STATES): no second claim while one is. */
const ACTIVE: Record<ClaimStatus, boolean> = {
  consented: true,
  submitted: true,
  supplement_requested: true,
  recommended: true,
  approved: true,
  paid: true,
  rejected: false,
  withdrawn: false,
  excluded: false,
}

export const isActiveClaim = (status: ClaimStatus) => ACTIVE[status]

export type StatusTone = 'waiting' | 'review' | 'action' | 'approved' | 'paid' | 'refused' | 'ended'

const TONES: Record<ClaimStatus, StatusTone> = {
  consented: 'waiting',
  submitted: 'review',
  recommended: 'review',
  supplement_requested: 'action',
  approved: 'approved',
  paid: 'paid',
  rejected: 'refused',
  excluded: 'refused',
  withdrawn: 'ended',
}

export const statusTone = (status: ClaimStatus): StatusTone => TONES[status]
