import { cityDateOf } from '../../../ui/format'
import type { Application } from '../services.api'

/**
 * What the applicant's clock says, in words: the one date that matters now and what it is for. A due
 * instant is the next day's 00:00 (an act at it is late), so the last day said is the one before.
 * Pure: the page words it with i18n (`key` under services.clock, `date` a city date).
 */
export type ClockWords =
  | { key: 'completeness' | 'supplement' | 'decision' | 'specialStep' | 'tolerance'; date: string }
  | { key: 'deemed'; date: string }
  | null

export function lastDayOf(dueAt: string): string {
  return cityDateOf(new Date(new Date(dueAt).getTime() - 1))
}

export function clockOf(a: Application): ClockWords {
  switch (a.status) {
    case 'submitted':
      return a.completenessDueAt ? { key: 'completeness', date: lastDayOf(a.completenessDueAt) } : null
    case 'supplement_requested':
      return a.supplementDueAt ? { key: 'supplement', date: lastDayOf(a.supplementDueAt) } : null
    case 'special_step':
      return a.specialStepDueAt ? { key: 'specialStep', date: lastDayOf(a.specialStepDueAt) } : null
    case 'accepted':
      if (a.toleranceItems.length && a.toleranceDueAt && !a.toleranceFulfilledAt)
        return { key: 'tolerance', date: lastDayOf(a.toleranceDueAt) }
      if (a.deemedAccepted && a.decisionDueAt) return { key: 'deemed', date: lastDayOf(a.decisionDueAt) }
      return a.decisionDueAt ? { key: 'decision', date: lastDayOf(a.decisionDueAt) } : null
    default:
      return null
  }
}
