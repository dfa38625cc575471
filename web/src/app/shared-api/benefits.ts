import type { ClaimDetail, ClaimSummary } from '@server/modules/benefits/benefits.schema'
import { api } from '../api'

export type { ClaimDetail }
export type ClaimStatus = ClaimSummary['status']

/** An enterprise's claims (optionally on one item): the claims list and the policy pages read them. */
export const benefitsApi = {
  myClaims: (enterpriseId: string, page: { limit: number; offset: number; itemId?: string }) =>
    api.get<{ items: ClaimDetail[]; total: number }>(
      `/enterprises/${encodeURIComponent(enterpriseId)}/claims`,
      page,
    ),
}
