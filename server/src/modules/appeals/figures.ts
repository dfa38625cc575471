/**
 * The published formulas (docs/METRICS.md) over counts the database gives. Pure: a table of cases in
 * figures.test.ts checks every rate and the score.
 */
export type FigureCounts = {
  dispatched: number
  withdrawn: number
  answered: number
  reopened: number
  rated: number
  resolved: number
  ratedWithLevel: number
  satisfied: number
  levels: [number, number, number, number, number]
  responseMet: number
  responseMissed: number
  onTimeMet: number
  onTimeMissed: number
  assignmentsReturned: number
  assignmentsDispatched: number
  /** co-handling (协办) assignments of the period's appeals, and their parts on time / late */
  coHandled: number
  coPartsMet: number
  coPartsMissed: number
  /** parts never submitted whose clock ended undecided: the lead answered without them (with a reason), or the appeal went elsewhere */
  coPartsVoid: number
}

export type Rate = { numerator: number; denominator: number; value: number | null }
export type Weights = { response: number; resolution: number; satisfaction: number }

export const EMPTY_COUNTS: FigureCounts = {
  dispatched: 0,
  withdrawn: 0,
  answered: 0,
  reopened: 0,
  rated: 0,
  resolved: 0,
  ratedWithLevel: 0,
  satisfied: 0,
  levels: [0, 0, 0, 0, 0],
  responseMet: 0,
  responseMissed: 0,
  onTimeMet: 0,
  onTimeMissed: 0,
  assignmentsReturned: 0,
  assignmentsDispatched: 0,
  coHandled: 0,
  coPartsMet: 0,
  coPartsMissed: 0,
  coPartsVoid: 0,
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator }
}

export function addCounts(a: FigureCounts, b: FigureCounts): FigureCounts {
  const sum = { ...a } as FigureCounts
  for (const key of Object.keys(a) as (keyof FigureCounts)[]) {
    if (key === 'levels') sum.levels = a.levels.map((n, i) => n + b.levels[i]!) as FigureCounts['levels']
    else sum[key] = a[key] + b[key]
  }
  return sum
}

export function figuresOf(counts: FigureCounts, weights: Weights) {
  const response = rate(counts.responseMet, counts.responseMet + counts.responseMissed)
  const resolution = rate(counts.resolved, counts.rated)
  const satisfaction = rate(counts.satisfied, counts.ratedWithLevel)
  return {
    dispatched: counts.dispatched,
    response,
    resolution,
    satisfaction,
    ratingCoverage: rate(counts.rated, counts.answered),
    reopen: rate(counts.reopened, counts.answered),
    bounce: rate(counts.assignmentsReturned, counts.assignmentsDispatched),
    onTime: rate(counts.onTimeMet, counts.onTimeMet + counts.onTimeMissed),
    coHandled: counts.coHandled,
    coHandling: rate(counts.coPartsMet, counts.coPartsMet + counts.coPartsMissed),
    coPartsNotSubmitted: counts.coPartsVoid,
    ratings: {
      '1': counts.levels[0],
      '2': counts.levels[1],
      '3': counts.levels[2],
      '4': counts.levels[3],
      '5': counts.levels[4],
    },
    withdrawn: counts.withdrawn,
    score: scoreOf({ response, resolution, satisfaction }, weights),
  }
}

/** The weighted score over the rates that have a value, 0–100, one decimal; null when none has. */
export function scoreOf(
  rates: { response: Rate; resolution: Rate; satisfaction: Rate },
  weights: Weights,
): number | null {
  let weighted = 0
  let weightSum = 0
  for (const key of ['response', 'resolution', 'satisfaction'] as const) {
    const value = rates[key].value
    if (value === null) continue
    weighted += weights[key] * value
    weightSum += weights[key]
  }
  if (weightSum === 0) return null
  return Math.round((1000 * weighted) / weightSum) / 10
}

export type RankedRow<T extends { score: number | null; dispatched: number }> = T & { rank: number }

/** By score, highest first; ties and missing scores by the number of appeals. */
export function rankRows<T extends { score: number | null; dispatched: number }>(rows: T[]): RankedRow<T>[] {
  return [...rows]
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.dispatched - a.dispatched)
    .map((row, i) => ({ ...row, rank: i + 1 }))
}
