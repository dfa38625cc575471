import type { DrillMetric, FigureKey } from './cockpit.api'

/** The cases behind a count: the drill-down metric that lists them (absent: the count has no list). */
export const DRILL_OF: Partial<Record<FigureKey | 'appealsOverdue' | 'supervisionOpen', DrillMetric>> = {
  appealsDispatched: 'appealsDispatched',
  appealsReopened: 'appealsReopened',
  applicationsReceived: 'applicationsReceived',
  applicationsDeemedAccepted: 'applicationsDeemedAccepted',
  applicationsPastPromised: 'applicationsPastPromised',
  applicationsPastStatutory: 'applicationsPastStatutory',
  ratingsBad: 'ratingsBad',
  ratingsDefault: 'ratingsDefault',
  ratingsExcluded: 'ratingsExcluded',
  supervisionOpened: 'supervisionOpened',
  appealsOverdue: 'appealsOverdue',
  supervisionOpen: 'supervisionOpen',
}

/** The misses behind a rate: what "why" lists under its numerator/denominator. */
export const DRILL_OF_RATE: Partial<Record<string, DrillMetric>> = {
  responseRate: 'appealsResponseMissed',
  onTimeRate: 'appealsOnTimeMissed',
  satisfactionRate: 'appealsUnsatisfied',
  resolutionRate: 'appealsUnsatisfied',
  reopenRate: 'appealsReopened',
  deemedAcceptedRate: 'applicationsDeemedAccepted',
  earlyRate: 'applicationsPastPromised',
  badShare: 'ratingsBad',
  ratingSatisfaction: 'ratingsBad',
}

/** The rates a ranking can be sorted by, and whether higher is better. */
export const RANKING_RATES = [
  ['onTimeRate', true],
  ['responseRate', true],
  ['satisfactionRate', true],
  ['resolutionRate', true],
  ['ratingSatisfaction', true],
  ['badShare', false],
  ['instantRate', true],
  ['zeroVisitRate', true],
  ['deemedAcceptedRate', false],
] as const

/** 0.6667 → '66.7%'; no value → '—'. */
export function percentOf(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 1000) / 10}%`
}

/** Sorts units by a rate, best first; units with no value last, then by name. */
export function rankBy<
  T extends { departmentName: string | null; rates: Record<string, { value: number | null }> },
>(units: T[], key: string, higherIsBetter: boolean): T[] {
  return [...units].sort((a, b) => {
    const x = a.rates[key]?.value ?? null
    const y = b.rates[key]?.value ?? null
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1
    return higherIsBetter ? y - x : x - y
  })
}
