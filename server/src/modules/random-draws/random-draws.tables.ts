import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'
import type { DrawRatios, DrawTier } from './draw-algorithm'

/** Row types of the random-draws module's tables, written to match server/migrations (change both in one commit). */

export type RandomDrawStatus = 'committing' | 'revealing' | 'drawn' | 'published'
export type PartyCapacity = 'body' | 'bureau' | 'supervisor' | 'notary'

type Json<T> = ColumnType<T, string, string>
type Ids = ColumnType<string[], string[], string[]>

export type RandomDrawsTable = {
  id: Generated<string>
  department_id: string
  title: string
  scope: string
  division_code: string | null
  industry_code: string | null
  ratios: Json<DrawRatios>
  inspectors_per_target: number
  algorithm: string
  status: Generated<RandomDrawStatus>
  list_text: string | null
  list_hash: string | null
  enterprise_count: number | null
  inspector_count: number | null
  beacon: string | null
  seed: string | null
  publish_due_at: Date | null
  /** the last city date the draw's inspections may happen (migration 0057) */
  inspect_by: string | null
  opened_by: string
  opened_at: Timestamp
  frozen_at: Date | null
  drawn_at: Date | null
  published_at: Date | null
  published_by: string | null
  /** when those who publish were told the result was not published in time (once; migration 0061) */
  late_told_at: Date | null
  version: Generated<number>
}

export type RandomDrawItemsTable = { draw_id: string; item_id: string }

export type RandomDrawPartiesTable = {
  draw_id: string
  position: number
  user_id: string
  capacity: PartyCapacity
  commitment: string | null
  committed_at: Date | null
  secret: string | null
  revealed_at: Date | null
}

export type RandomDrawTargetsTable = {
  draw_id: string
  position: number
  enterprise_id: string
  tier: DrawTier
  ticket: string
  inspector_user_ids: Ids
}

export type RandomDrawSettingsTable = {
  id: Generated<boolean>
  publish_within_working_days: number
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    random_draws: RandomDrawsTable
    random_draw_items: RandomDrawItemsTable
    random_draw_parties: RandomDrawPartiesTable
    random_draw_targets: RandomDrawTargetsTable
    random_draw_settings: RandomDrawSettingsTable
  }
}
