import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../../kernel/db/schema'

/** Row types of the ratings module's tables, written to match server/migrations (change both in one commit). */

/**
 * The kinds of case rated. Migration 0040's CHECK also allows 'payout', which nothing writes: a payout
 * is rated as its claim (decision 0051), so the code knows no such rating.
 */
export type RatingSubjectType = 'appeal' | 'benefit_claim' | 'application' | 'inspection' | 'rectification'

export type RatingsTable = {
  id: Generated<string>
  subject_type: RatingSubjectType
  subject_id: string
  stage: Generated<string>
  department_id: string | null
  enterprise_id: string | null
  kind: Generated<'given' | 'default'>
  channel: Generated<'online' | 'window' | 'phone' | 'sms' | 'system'>
  level: number
  efficiency: number | null
  guide_accuracy: number | null
  convenience: number | null
  usability: number | null
  comment: string | null
  rated_by: string | null
  device_hash: string | null
  rated_at: Timestamp
  flags: Generated<string[]>
  excluded_at: Date | null
  excluded_reason: string | null
}

export type RatingSettingsTable = {
  id: Generated<number>
  settings: Json<Record<string, unknown>>
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

export type RatingInvitationsTable = {
  subject_type: string
  subject_id: string
  stage: string
  enterprise_id: string | null
  invited_at: Date
}

declare module '../../kernel/db/schema' {
  interface DB {
    ratings: RatingsTable
    rating_settings: RatingSettingsTable
    rating_invitations: RatingInvitationsTable
  }
}
