import type { RatingFiguresRow } from '../ratings.api'

/** One group's sums: the figures of docs/METRICS.md ("Ratings") over several rows. */
export type RatingTotals = {
  given: number
  /** given ratings at levels 1–5, [level 1, …, level 5] */
  distribution: number[]
  /** (level 4 + level 5) ÷ given; null when nothing was given */
  satisfaction: number | null
  bad: number
  defaults: number
  defaultDistribution: number[]
  excluded: number
}

export type RatingStatistics = RatingTotals & {
  bySubject: (RatingTotals & { subjectType: RatingFiguresRow['subjectType'] })[]
  byUnit: (RatingTotals & { departmentId: string | null; departmentName: string | null })[]
}

const emptyTotals = (): RatingTotals => ({
  given: 0,
  distribution: [0, 0, 0, 0, 0],
  satisfaction: null,
  bad: 0,
  defaults: 0,
  defaultDistribution: [0, 0, 0, 0, 0],
  excluded: 0,
})

function add(into: RatingTotals, row: RatingFiguresRow) {
  into.given += row.given
  into.bad += row.bad
  into.defaults += row.defaults
  into.excluded += row.excluded
  row.distribution.forEach((n, i) => (into.distribution[i]! += n))
  row.defaultDistribution.forEach((n, i) => (into.defaultDistribution[i]! += n))
}

/** Satisfaction is recomputed from the summed counts, never averaged from the rows' rates. */
function finish<T extends RatingTotals>(t: T): T {
  t.satisfaction = t.given === 0 ? null : (t.distribution[3]! + t.distribution[4]!) / t.given
  return t
}

/**
 * The public page's figures from the statistics rows (per month × unit × kind of case): the city's
 * totals, by kind of case and by unit, most rated first. Given and default ratings stay apart, as
 * the server reports them; excluded ratings are only counted as excluded.
 */
export function summarizeRatingFigures(rows: readonly RatingFiguresRow[]): RatingStatistics {
  const total = emptyTotals()
  const bySubject = new Map<string, RatingStatistics['bySubject'][number]>()
  const byUnit = new Map<string, RatingStatistics['byUnit'][number]>()
  for (const row of rows) {
    add(total, row)
    const subject =
      bySubject.get(row.subjectType) ??
      bySubject.set(row.subjectType, { ...emptyTotals(), subjectType: row.subjectType }).get(row.subjectType)!
    add(subject, row)
    const unitKey = row.departmentId ?? ''
    const unit =
      byUnit.get(unitKey) ??
      byUnit
        .set(unitKey, {
          ...emptyTotals(),
          departmentId: row.departmentId,
          departmentName: row.departmentName,
        })
        .get(unitKey)!
    add(unit, row)
  }
  const mostRated = (a: RatingTotals, b: RatingTotals) => b.given + b.defaults - (a.given + a.defaults)
  return {
    ...finish(total),
    bySubject: [...bySubject.values()].map(finish).sort(mostRated),
    byUnit: [...byUnit.values()].map(finish).sort(mostRated),
  }
}

/** Each level's share of a distribution, [level 1, …, level 5]; null shares when it is empty. */
export function sharesOf(distribution: readonly number[]): (number | null)[] {
  const sum = distribution.reduce((a, b) => a + b, 0)
  return distribution.map((n) => (sum === 0 ? null : n / sum))
}
