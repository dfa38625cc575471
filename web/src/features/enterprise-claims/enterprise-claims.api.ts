import type { z } from 'zod'
import type {
  ClaimReviewSchema,
  ClaimSchema,
  DisputeSchema,
  FileSchema,
  LookupSchema,
} from '@server/modules/enterprise-claims/enterprise-claims.schema'
import { api, API_BASE } from '../../app/api'

export type ClaimMethod = z.infer<typeof ClaimSchema>['method']
export type ClaimStatus = z.infer<typeof ClaimSchema>['status']
export type EnterpriseClaim = z.infer<typeof ClaimSchema>
export type ManagerClaim = EnterpriseClaim & { claimantPhone: string }
export type ClaimReview = z.infer<typeof ClaimReviewSchema>
export type ClaimLookup = z.infer<typeof LookupSchema>
export type ClaimFile = z.infer<typeof FileSchema>
export type Dispute = z.infer<typeof DisputeSchema>
export const CLAIM_METHODS: readonly ClaimMethod[] = ['legal_rep_code', 'manager_approval', 'licence_review']

export type StartClaimBody = {
  uscc: string
  method: ClaimMethod
  note?: string
  claimantName?: string
  idNumber?: string
  licenceFileId?: string
}

const claimPath = (id: string) => `/enterprise-claims/${encodeURIComponent(id)}`

export const enterpriseClaimsApi = {
  lookup: (uscc: string) => api.get<ClaimLookup>('/enterprise-claims/lookup', { uscc }),
  start: (body: StartClaimBody) => api.post<EnterpriseClaim>('/enterprise-claims', body),
  mine: () => api.get<{ items: EnterpriseClaim[] }>('/enterprise-claims/mine'),
  resendCode: (id: string) => api.post<EnterpriseClaim>(`${claimPath(id)}/code`),
  verify: (id: string, code: string) => api.post<EnterpriseClaim>(`${claimPath(id)}/verify`, { code }),
  withdraw: (id: string) => api.post<EnterpriseClaim>(`${claimPath(id)}/withdraw`),
  uploadLicence: (file: File, onProgress?: (share: number) => void) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<ClaimFile>('/enterprise-claims/files', form, { onProgress })
  },
  /** The managers of an enterprise decide claims by approval. */
  forManagers: (enterpriseId: string) =>
    api.get<{ items: ManagerClaim[] }>(`/enterprises/${encodeURIComponent(enterpriseId)}/membership-claims`),
  decide: (id: string, body: { approve: boolean; role?: 'manager' | 'agent'; note?: string }) =>
    api.post<ClaimReview | ManagerClaim>(`${claimPath(id)}/decision`, body),
  reviews: (status: ClaimStatus) =>
    api.get<{ items: ClaimReview[] }>('/enterprise-claims/reviews', { status }),
  dispute: (body: { uscc: string; reason: string; contactPhone?: string }) =>
    api.post<{ id: string; status: 'open' }>('/enterprise-disputes', body),
  disputes: (status: 'open' | 'resolved') =>
    api.get<{ items: Dispute[] }>('/enterprise-disputes', { status }),
  resolveDispute: (id: string, resolution: string) =>
    api.post<Dispute>(`/enterprise-disputes/${encodeURIComponent(id)}/resolve`, { resolution }),
}

/** A plain link: the browser downloads it with the session cookie. */
export const claimFileUrl = (fileId: string) =>
  `${API_BASE}/enterprise-claims/files/${encodeURIComponent(fileId)}`
