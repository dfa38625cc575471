import type { RatingFiguresRow } from './ratings.schema'
import type { RatingSubjectType } from './ratings.tables'

/**
 * The ratings figures from grouped counts (docs/METRICS.md, "Ratings"): per month, unit and kind of
 * case — given ratings counted (not excluded), their distribution over the five levels, satisfaction
 * = (level 4 + level 5) ÷ given, bad = level ≤ 2; default and excluded ratings apart, never mixed in.
 */
export type RatingCount = {
  month: string
  department_id: string | null
  subject_type: RatingSubjectType
  kind: 'given' | 'default'
  excluded: boolean
  level: number
  n: number
}

export function computeRatingFigures(counts: RatingCount[], names: Map<string, string>): RatingFiguresRow[] {
  const rows = new Map<string, RatingFiguresRow>()
  for (const c of counts) {
    const key = `${c.month}|${c.department_id ?? ''}|${c.subject_type}`
    let row = rows.get(key)
    if (!row) {
      row = {
        month: c.month,
        departmentId: c.department_id,
        departmentName: c.department_id ? (names.get(c.department_id) ?? null) : null,
        subjectType: c.subject_type,
        given: 0,
        distribution: [0, 0, 0, 0, 0],
        satisfaction: null,
        bad: 0,
        defaults: 0,
        defaultDistribution: [0, 0, 0, 0, 0],
        excluded: 0,
      }
      rows.set(key, row)
    }
    if (c.excluded) row.excluded += c.n
    else if (c.kind === 'default') {
      row.defaults += c.n
      row.defaultDistribution[c.level - 1]! += c.n
    } else {
      row.given += c.n
      row.distribution[c.level - 1]! += c.n
      if (c.level <= 2) row.bad += c.n
    }
  }
  for (const row of rows.values())
    row.satisfaction = row.given === 0 ? null : (row.distribution[3]! + row.distribution[4]!) / row.given
  return [...rows.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (a.departmentName ?? '').localeCompare(b.departmentName ?? '') ||
      a.subjectType.localeCompare(b.subjectType),
  )
}
