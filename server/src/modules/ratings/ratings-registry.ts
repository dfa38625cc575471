import type { Executor, Tx } from '../../kernel/db/database'
import type { RatingSubjectType } from './ratings.tables'

/**
 * Which cases can be rated, and who hears of a rating. The ratings module knows no other module:
 * each module whose cases are rated registers its kind of case here when it loads (its
 * `<module>.module.ts` imports the file that calls registerRateable), and a module that acts on a
 * rating (rectification of a bad one, supervision of repeated ones) listens with onRatingRecorded.
 */

/** One case as the ratings module needs to know it, for one stage. */
export type RateableCase = {
  /** the enterprise whose people may rate it (nobody rates for someone else) */
  enterpriseId: string
  /** the handling unit the rating is about ("谁办理谁负责") */
  departmentId: string | null
  /** the stage is finished: it may be rated now */
  rateable: boolean
  /** the case is closed: the handling unit may now see who rated */
  closed: boolean
  /** when the stage finished (an invitation goes out N days later if nobody rated) */
  finishedAt: Date | null
  /** for the rater's and the unit's lists */
  title: string
  number: string | null
}

export type RateableSubject = {
  subjectType: RatingSubjectType
  /** whether a stage name belongs to this kind of case ('final', or an appeal's 'cycle-2', …) */
  acceptsStage: (stage: string) => boolean
  /** the case, or null when there is none with this id */
  resolve: (db: Executor, subjectId: string, stage: string) => Promise<RateableCase | null>
  /**
   * Optional: finished stages (rateable now), newest first — the enterprise's "to rate" list and the
   * invitation sweep read it. Without it, a kind of case is rated when its page offers it but is
   * never listed or invited. Stages already rated may be listed: the ratings module leaves them out.
   */
  listRateable?: (db: Executor, filter: RateableFilter) => Promise<RateableStage[]>
  /**
   * Optional: the case is rated on its own page, whose action decides more than the rating (an
   * appeal's confirmation closes or reopens it; a claim records the rating on the claim). Then
   * POST /ratings refuses it (RATING_THROUGH_CASE), the owning module writes the one rating row with
   * recordCaseRating in its own transaction, and no default rating is ever set for it.
   */
  ratedThroughCase?: boolean
}

/** Which finished stages listRateable answers. */
export type RateableFilter = {
  /** only this enterprise's cases */
  enterpriseId?: string
  /** only stages finished at or before this instant (the invitation and default sweeps) */
  finishedBefore?: Date
  /** only stages finished at or after this instant (the sweeps look back a bounded window) */
  finishedAfter?: Date
  limit: number
}

/** One finished stage of a case as listRateable answers it. */
export type RateableStage = { subjectId: string; stage: string; case: RateableCase }

/** A rating as it was just written, inside the transaction that wrote it. */
export type RecordedRating = {
  id: string
  subjectType: RatingSubjectType
  subjectId: string
  stage: string
  departmentId: string | null
  enterpriseId: string | null
  kind: 'given' | 'default'
  level: number
  comment: string | null
  ratedBy: string | null
  ratedAt: Date
}

export type RatingListener = (tx: Tx, rating: RecordedRating) => Promise<void>

const subjects = new Map<RatingSubjectType, RateableSubject>()
const listeners: RatingListener[] = []

/** Makes a kind of case rateable (once per kind: a second registration is a programming error). */
export function registerRateable(subject: RateableSubject): void {
  if (subjects.has(subject.subjectType))
    throw new Error(`rateable subject ${subject.subjectType} registered twice`)
  subjects.set(subject.subjectType, subject)
}

/** The registration of a kind of case, or undefined when nothing made it rateable. */
export function rateableSubject(subjectType: RatingSubjectType): RateableSubject | undefined {
  return subjects.get(subjectType)
}

/** Every registered kind of case (for invitations and figures). */
export function rateableSubjects(): RateableSubject[] {
  return [...subjects.values()]
}

/**
 * Runs after each rating is written, in the same transaction (a bad rating and the rectification
 * it opens are written together, or neither is).
 */
export function onRatingRecorded(listener: RatingListener): void {
  listeners.push(listener)
}

/** Called by the ratings service after it wrote a rating. */
export async function notifyRatingRecorded(tx: Tx, rating: RecordedRating): Promise<void> {
  for (const listener of listeners) await listener(tx, rating)
}
