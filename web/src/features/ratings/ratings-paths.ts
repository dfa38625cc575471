import { paths } from '../../app/routes'
import type { SubjectType } from './ratings.api'

/** The ratings feature's pages, and where a case rated on its own page is rated. */
export const ratingsPaths = {
  toRate: '/ratings',
  toRateOf: (enterpriseId: string) => `/ratings/${enterpriseId}`,
  sheet: (enterpriseId: string, subjectType: SubjectType, subjectId: string, stage = 'final') =>
    `/ratings/${enterpriseId}/rate/${subjectType}/${subjectId}/${stage}`,
  /** the case's own page: appeals and claims are rated there */
  caseOf: (enterpriseId: string, subjectType: SubjectType, subjectId: string): string | null => {
    if (subjectType === 'appeal') return paths.appeal(subjectId)
    if (subjectType === 'benefit_claim') return paths.enterpriseClaim(enterpriseId, subjectId)
    if (subjectType === 'application') return `/services/applications/${subjectId}`
    return null
  },
}

/** 5 非常满意 … 1 非常不满意 (GB/T 39734): the level's message key. */
export const LEVEL_LABELS = {
  5: 'ratings.level.5',
  4: 'ratings.level.4',
  3: 'ratings.level.3',
  2: 'ratings.level.2',
  1: 'ratings.level.1',
} as const

export const levelLabel = (level: number) => LEVEL_LABELS[level as keyof typeof LEVEL_LABELS]

export const SUBJECT_LABELS = {
  appeal: 'ratings.subject.appeal',
  benefit_claim: 'ratings.subject.benefit_claim',
  application: 'ratings.subject.application',
  inspection: 'ratings.subject.inspection',
  rectification: 'ratings.subject.rectification',
} as const satisfies Record<SubjectType, string>
