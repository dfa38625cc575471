/**
 * The ratings module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export {
  onRatingRecorded,
  registerRateable,
  type RateableCase,
  type RateableFilter,
  type RateableStage,
  type RateableSubject,
  type RatingListener,
  type RecordedRating,
} from './ratings-registry'
export type { RatingSubjectType } from './ratings.tables'
/** For a module whose case is rated on its own page (ratedThroughCase): the one row, in its transaction. */
export { recordCaseRating, type RatingContent } from './ratings.service'
/** The figures for the cockpit and the public statistics (docs/METRICS.md, "Ratings"). */
export { ratingFigures } from './ratings-figures.service'
export type { RatingFigures, RatingFiguresRow } from './ratings.schema'
export { isBadLevel } from './rating-flags'
export {
  countExcludedRatings,
  describeRatedCase,
  excludeRating,
  findRatingForReview,
  type RatingForReview,
} from './ratings-exclusion'
