import type { z } from 'zod'
import type {
  ApplicationForm,
  ClaimDetail,
  ClaimSummary,
  EvaluationView,
  MaterialFileSchema,
  PayoutBatchSchema,
  PayoutListSchema,
  ReceiptSchema,
  ClaimListInput,
} from '@server/modules/benefits/benefits.schema'
import { api, API_BASE, buildQuery } from '../../app/api'
import { benefitsApi as sharedBenefitsApi, type ClaimStatus } from '../../app/shared-api/benefits'

export type { ApplicationForm, ClaimDetail, ClaimSummary, EvaluationView }
export type { ClaimStatus }
export type ClaimView = ClaimListInput['view']

// The server's lists, written out here (the schema module brings zod with it, and only its types
// may enter the bundle); the Record types make the compiler say when the server adds one.
const VIEWS: Record<ClaimView, true> = {
  review: true,
  overdue: true,
  supplement: true,
  approved: true,
  consented: true,
  closed: true,
  all: true,
}
/** The department's lists, in the order a reviewer works through them. */
export const CLAIM_VIEWS = Object.keys(VIEWS) as ClaimView[]
/** benefits.schema.ts MAX_FILES_PER_MATERIAL */
export const MAX_FILES_PER_MATERIAL = 5
export type ClaimEvent = ClaimDetail['timeline'][number]
export type ClaimMaterial = ClaimDetail['materials'][number]
export type MaterialFile = z.infer<typeof MaterialFileSchema>
export type Receipt = z.infer<typeof ReceiptSchema>
export type PayoutList = z.infer<typeof PayoutListSchema>
export type PayoutListClaim = PayoutList['claims'][number]
export type PayoutBatch = z.infer<typeof PayoutBatchSchema>
export type EvaluationItem = EvaluationView['items'][number]
export type EvaluationPolicy = EvaluationView['policies'][number]
export type Ratings = EvaluationItem['ratings']
export type Page<T> = { items: T[]; total: number }

export type ApplyBody = {
  itemId: string
  idempotencyKey: string
  form: ApplicationForm
  materials: Record<string, string[]>
}
export type ResubmitBody = { materials: Record<string, string[]>; note?: string }
export type DecisionBody = { approve: boolean; amount?: number; reason?: string }
export type PayoutBatchBody = {
  paidOn: string
  claimIds: string[]
  exclusions: { claimId: string; reason: string }[]
  /** the settlement account the head saw for each paid claim */
  accounts: { claimId: string; accountId: string }[]
  note?: string
}

const enterpriseClaims = (enterpriseId: string) => `/enterprises/${encodeURIComponent(enterpriseId)}/claims`
const enterpriseClaim = (enterpriseId: string, claimId: string) =>
  `${enterpriseClaims(enterpriseId)}/${encodeURIComponent(claimId)}`
const staffClaim = (claimId: string) => `/benefits/claims/${encodeURIComponent(claimId)}`
const itemPath = (itemId: string) => `/benefits/items/${encodeURIComponent(itemId)}`

export const benefitsApi = {
  // The enterprise
  consent: (enterpriseId: string, body: { itemId: string; idempotencyKey: string }) =>
    api.post<Receipt>(`${enterpriseClaims(enterpriseId)}/consent`, body),
  apply: (enterpriseId: string, body: ApplyBody) =>
    api.post<Receipt>(`${enterpriseClaims(enterpriseId)}/apply`, body),
  uploadMaterial: (file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<MaterialFile>('/benefits/materials', form, { onProgress, signal })
  },
  ...sharedBenefitsApi,
  myClaim: (enterpriseId: string, claimId: string) =>
    api.get<ClaimDetail>(enterpriseClaim(enterpriseId, claimId)),
  resubmit: (enterpriseId: string, claimId: string, body: ResubmitBody) =>
    api.post<ClaimDetail>(`${enterpriseClaim(enterpriseId, claimId)}/resubmit`, body),
  withdraw: (enterpriseId: string, claimId: string, body: { reason: string }) =>
    api.post<ClaimDetail>(`${enterpriseClaim(enterpriseId, claimId)}/withdraw`, body),
  rate: (enterpriseId: string, claimId: string, body: { level: number; comment?: string }) =>
    api.post<ClaimDetail>(`${enterpriseClaim(enterpriseId, claimId)}/rating`, body),

  // The paying department
  /** How many each workbench tab lists. */
  claimCounts: () => api.get<Record<ClaimView, number>>('/benefits/claims/counts'),
  claims: (query: { view: ClaimView; itemId?: string; limit: number; offset: number }) =>
    api.get<Page<ClaimSummary>>('/benefits/claims', query),
  claim: (claimId: string) => api.get<ClaimDetail>(staffClaim(claimId)),
  requestSupplement: (claimId: string, body: { note: string; materialKeys: string[] }) =>
    api.post<ClaimDetail>(`${staffClaim(claimId)}/supplement-request`, body),
  recommend: (claimId: string, body: DecisionBody) =>
    api.post<ClaimDetail>(`${staffClaim(claimId)}/recommendation`, body),
  decide: (claimId: string, body: DecisionBody) =>
    api.post<ClaimDetail>(`${staffClaim(claimId)}/decision`, body),
  recordPayout: (claimId: string, body: { paidOn: string; accountId?: string }) =>
    api.post<ClaimDetail>(`${staffClaim(claimId)}/payout`, body),
  payoutList: (itemId: string) => api.get<PayoutList>(`${itemPath(itemId)}/payout-list`),
  confirmPayouts: (itemId: string, body: PayoutBatchBody) =>
    api.post<PayoutBatch>(`${itemPath(itemId)}/payout-batches`, body),

  // The effect evaluation
  evaluation: (query: { policyId?: string }) => api.get<EvaluationView>('/benefits/evaluation', query),
}

/** Plain links: the browser downloads them with the session cookie. */
export const materialUrl = (id: string) => `${API_BASE}/benefits/materials/${encodeURIComponent(id)}`
/** The payout ledger with whole account numbers, for the bank file (the paying department; audited). */
export const payoutLedgerUrl = (query: { batchId?: string; claimId?: string; itemId?: string }) =>
  `${API_BASE}/benefits/payouts.xlsx${buildQuery(query)}`
export const evaluationXlsxUrl = (query: { policyId?: string }) =>
  `${API_BASE}/benefits/evaluation.xlsx${buildQuery(query)}`
