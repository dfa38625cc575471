/**
 * The ratings module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export {
  onRatingRecorded,
  registerRateable,
  type RateableCase,
  type RateableSubject,
  type RatingListener,
  type RecordedRating,
} from './ratings-registry'
export type { RatingSubjectType } from './ratings.tables'
export {
  countExcludedRatings,
  describeRatedCase,
  excludeRating,
  findRatingForReview,
  type RatingForReview,
} from './ratings-exclusion'
