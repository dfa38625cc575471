import type { z } from 'zod'
import type { CaseRatings, MyRatings, RateCaseBody, Rating } from '@server/modules/ratings/ratings.schema'
import { api } from '../../app/api'

export type { CaseRatings, MyRatings, Rating }
export type RateCaseInput = z.input<typeof RateCaseBody>
export type SubjectType = RateCaseInput['subjectType']

export const ratingsApi = {
  rate: (input: RateCaseInput) => api.post<Rating>('/ratings', input),
  mine: (enterpriseId: string) => api.get<MyRatings>('/ratings/mine', { enterpriseId }),
  ofCase: (subjectType: SubjectType, subjectId: string) =>
    api.get<CaseRatings>(`/ratings/cases/${subjectType}/${encodeURIComponent(subjectId)}`),
}
