import type { Executor, Tx } from '../../kernel/db/database'
import { rateableSubject, type RateableCase } from './ratings-registry'
import type { RatingSubjectType } from './ratings.tables'
import { countExcludedByReason, findRatingRow, markRatingExcluded } from './ratings-exclusion.queries'

/**
 * A rating taken out of the figures (an upheld rating appeal, 评价申诉), and what a reviewer of a
 * rating may read of it. The rectifications module calls these inside its own transactions; the
 * reason is a short class ('mistaken', 'malicious') so the public statistics can count by it.
 */

export type RatingForReview = NonNullable<Awaited<ReturnType<typeof findRatingRow>>>

/** One rating with everything it recorded (the caller decides who reads which parts). */
export async function findRatingForReview(
  db: Executor,
  ratingId: string,
): Promise<RatingForReview | undefined> {
  return findRatingRow(db, ratingId)
}

/** Excludes a rating from every figure; false when it was already excluded (nothing is written then). */
export async function excludeRating(
  tx: Tx,
  input: { ratingId: string; reason: string; at: Date },
): Promise<boolean> {
  return markRatingExcluded(tx, input.ratingId, input.reason, input.at)
}

/** Excluded ratings counted by the reason class, for the public statistics. */
export async function countExcludedRatings(db: Executor): Promise<{ reason: string; count: number }[]> {
  const rows = await countExcludedByReason(db)
  return rows.map((r) => ({ reason: r.excluded_reason ?? 'unspecified', count: Number(r.count) }))
}

/** The rated case as its module describes it (title, number, unit), or null when nothing registered it. */
export async function describeRatedCase(
  db: Executor,
  subjectType: RatingSubjectType,
  subjectId: string,
  stage: string,
): Promise<RateableCase | null> {
  const subject = rateableSubject(subjectType)
  if (!subject) return null
  return subject.resolve(db, subjectId, stage)
}
