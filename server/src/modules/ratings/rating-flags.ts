import type { RatingSettings } from './rating-settings'

/**
 * Anomaly flags (issue 13): set when a rating is recorded, shown to the bureau, never acted on
 * automatically — a flag is a reason to look, not a finding.
 */
export const RATING_FLAGS = ['burst', 'right_after_action', 'device_many'] as const
export type RatingFlag = (typeof RATING_FLAGS)[number]

export type FlagEvidence = {
  ratedAt: Date
  /** the latest action a staff member took on the case, if any */
  lastStaffActionAt: Date | null
  /** earlier ratings of the same unit with the same level and comment within the burst window */
  identicalEarlier: number
  /** other cases the same device rated within the device window (0 without a device) */
  deviceOtherCases: number
}

/** The flags a rating earns, in a fixed order. */
export function ratingFlags(evidence: FlagEvidence, rules: RatingSettings['flags']): RatingFlag[] {
  const flags: RatingFlag[] = []
  if (evidence.identicalEarlier + 1 >= rules.burstCount) flags.push('burst')
  if (evidence.lastStaffActionAt) {
    const gap = evidence.ratedAt.getTime() - evidence.lastStaffActionAt.getTime()
    if (gap >= 0 && gap <= rules.afterActionSeconds * 1000) flags.push('right_after_action')
  }
  if (evidence.deviceOtherCases + 1 >= rules.deviceCount) flags.push('device_many')
  return flags
}

/** The start of each look-back window for a rating made at `ratedAt`. */
export function flagWindows(ratedAt: Date, rules: RatingSettings['flags']) {
  return {
    burstSince: new Date(ratedAt.getTime() - rules.burstWindowMinutes * 60_000),
    deviceSince: new Date(ratedAt.getTime() - rules.deviceWindowHours * 3_600_000),
    actionSince: new Date(ratedAt.getTime() - rules.afterActionSeconds * 1000),
  }
}

/** A bad rating (差评): level 2 or 1. */
export const isBadLevel = (level: number) => level <= 2
