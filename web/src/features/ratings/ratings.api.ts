import type { z } from 'zod'
import type {
  CaseRatings,
  MyRatings,
  RateCaseBody,
  Rating,
  RatingFigures,
  RatingFiguresRow,
} from '@server/modules/ratings/ratings.schema'
import type { ExcludedRatings } from '@server/modules/rectifications/rectifications.schema'
import { api } from '../../app/api'

export type { CaseRatings, ExcludedRatings, MyRatings, Rating, RatingFigures, RatingFiguresRow }
export type RateCaseInput = z.input<typeof RateCaseBody>
export type SubjectType = RateCaseInput['subjectType']

export const ratingsApi = {
  rate: (input: RateCaseInput) => api.post<Rating>('/ratings', input),
  mine: (enterpriseId: string) => api.get<MyRatings>('/ratings/mine', { enterpriseId }),
  ofCase: (subjectType: SubjectType, subjectId: string) =>
    api.get<CaseRatings>(`/ratings/cases/${subjectType}/${encodeURIComponent(subjectId)}`),
  /** the public statistics (no sign-in): months `from`..`to`, YYYY-MM, both included */
  statistics: (from: string, to: string) => api.get<RatingFigures>('/ratings/statistics', { from, to }),
  /** the public count of ratings excluded on upheld rating appeals, by class (all time) */
  excluded: () => api.get<ExcludedRatings>('/rectifications/public/excluded-ratings'),
}
