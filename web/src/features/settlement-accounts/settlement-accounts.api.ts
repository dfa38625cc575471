import type { z } from 'zod'
import type {
  AccountView,
  ChangeCodeSchema,
  SettlementAccountState,
} from '@server/modules/settlement-accounts/settlement-accounts.schema'
import { api } from '../../app/api'
import { settlementAccountsApi as sharedSettlementAccountsApi } from '../../app/shared-api/settlement-accounts'

export type { AccountView, SettlementAccountState }
export type ChangeCode = z.infer<typeof ChangeCodeSchema>
export type AccountBody = {
  accountName: string
  bankName: string
  accountNumber: string
  accountNumberConfirm: string
}
export type ChangeAccountBody = AccountBody & { reason: string; code: string }

const accountPath = (enterpriseId: string) =>
  `/enterprises/${encodeURIComponent(enterpriseId)}/settlement-account`

export const settlementAccountsApi = {
  ...sharedSettlementAccountsApi,
  set: (enterpriseId: string, body: AccountBody) =>
    api.post<SettlementAccountState>(accountPath(enterpriseId), body),
  sendChangeCode: (enterpriseId: string) => api.post<ChangeCode>(`${accountPath(enterpriseId)}/change-code`),
  change: (enterpriseId: string, body: ChangeAccountBody) =>
    api.put<SettlementAccountState>(accountPath(enterpriseId), body),
}
