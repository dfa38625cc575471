import type { SettlementAccountState } from '@server/modules/settlement-accounts/settlement-accounts.schema'
import { api } from '../api'

export type { SettlementAccountState }

/** Where an enterprise's money goes: the profile tab and the benefit forms read it. */
export const settlementAccountsApi = {
  get: (enterpriseId: string) =>
    api.get<SettlementAccountState>(`/enterprises/${encodeURIComponent(enterpriseId)}/settlement-account`),
}
