import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the auth module's tables, written to match server/migrations (change both in one commit). */

export type SignInChallengesTable = {
  id: Generated<string>
  token_hash: string
  user_id: string
  attempts: Generated<number>
  expires_at: Date
}

export type OneTimeCodesTable = {
  id: Generated<string>
  phone: string
  code_hash: string
  ip: string | null
  attempts: Generated<number>
  created_at: Timestamp
  expires_at: Date
  consumed_at: Date | null
}

declare module '../../kernel/db/schema' {
  interface DB {
    sign_in_challenges: SignInChallengesTable
    one_time_codes: OneTimeCodesTable
  }
}
