import type { MatchView } from '@server/modules/matching/matching.schema'
import { api } from '../api'

export type { MatchView }

/** One item's match for an enterprise: the policy page shows it, the application form applies on it. */
export const policiesApi = {
  match: (enterpriseId: string, itemId: string) =>
    api.get<MatchView>(
      `/enterprises/${encodeURIComponent(enterpriseId)}/policy-matches/${encodeURIComponent(itemId)}`,
    ),
}
