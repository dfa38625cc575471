import type {
  EnterpriseRectification,
  EnterpriseRectificationList,
  RatingAppeal,
  RatingAppealList,
  Rectification,
  RectificationFile,
  RectificationList,
} from '@server/modules/rectifications/rectifications.schema'
import { api } from '../../app/api'

export type {
  EnterpriseRectification,
  EnterpriseRectificationList,
  RatingAppeal,
  RatingAppealList,
  Rectification,
  RectificationFile,
  RectificationList,
}
export type RectificationItem = RectificationList['items'][number]
export type RatingAppealItem = RatingAppealList['items'][number]

const upload = (path: string, caseId: string, file: File) => {
  const form = new FormData()
  form.set('caseId', caseId)
  form.set('file', file)
  return api.upload<RectificationFile>(path, form)
}

/** Calls to the rectifications module (差评整改, 评价申诉), typed from its contract. */
export const rectificationsApi = {
  list: (status?: string) => api.get<RectificationList>('/rectifications', { status }),
  get: (id: string) => api.get<Rectification>(`/rectifications/${id}`),
  move: (id: string, move: 'submit-evidence' | 'verify' | 'return' | 'feedback' | 'close', body: object) =>
    api.post<Rectification>(`/rectifications/${id}/${move}`, body),
  uploadEvidence: (id: string, file: File) => upload('/rectifications/evidence-uploads', id, file),
  fileUrl: (id: string) => `/api/v1/rectifications/files/${id}`,
  mine: () => api.get<EnterpriseRectificationList>('/rectifications/mine'),
  mineOne: (id: string) => api.get<EnterpriseRectification>(`/rectifications/mine/${id}`),
  appeals: (status?: string) => api.get<RatingAppealList>('/rectifications/rating-appeals', { status }),
  appeal: (id: string) => api.get<RatingAppeal>(`/rectifications/rating-appeals/${id}`),
  fileAppeal: (body: { ratingId: string; reasonClass: 'mistaken' | 'malicious'; reason: string }) =>
    api.post<RatingAppeal>('/rectifications/rating-appeals', body),
  uploadAppealEvidence: (id: string, file: File) => upload('/rectifications/rating-appeal-uploads', id, file),
  decideAppeal: (id: string, body: { decision: 'uphold' | 'reject'; reason: string; version: number }) =>
    api.post<RatingAppeal>(`/rectifications/rating-appeals/${id}/decide`, body),
}
