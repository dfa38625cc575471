import type { Generated } from 'kysely'

/** Row types of the settlement-accounts module's tables, written to match server/migrations (change both in one commit). */

// Settlement accounts (migration 0022)

export type SettlementAccountsTable = {
  id: Generated<string>
  enterprise_id: string
  version: number
  account_name: string
  bank_name: string
  account_number: string
  change_reason: string | null
  set_by: string | null
  set_at: Generated<Date>
  superseded_at: Date | null
  is_demo: Generated<boolean>
}

export type SettlementAccountCodesTable = {
  id: Generated<string>
  enterprise_id: string
  user_id: string
  phone: string
  code_hash: string
  sent_at: Generated<Date>
  expires_at: Date
  attempts: Generated<number>
  used_at: Date | null
}

declare module '../../kernel/db/schema' {
  interface DB {
    settlement_accounts: SettlementAccountsTable
    settlement_account_codes: SettlementAccountCodesTable
  }
}
