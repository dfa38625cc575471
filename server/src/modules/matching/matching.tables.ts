import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/**
 * Row types of the matching module's tables, written to match server/migrations (change both in one
 * commit). The tables keep their policy_ names: they hold the matches of policies' items.
 */

export type PolicyMatchChunksTable = {
  item_id: string
  outcome: number
  chunk: number
  bits: Uint8Array
  run_id: number
}

export type PolicyMatchRunsTable = {
  id: Generated<number>
  kind: 'full' | 'items' | 'enterprises'
  is_baseline: Generated<boolean>
  started_at: Timestamp
  finished_at: Date | null
  enterprises: Generated<number>
  items: Generated<number>
  newly_eligible: Generated<number>
  pushes: Generated<number>
  fact_seq: Generated<number>
  compute_ms: number | null
  persist_ms: number | null
}

export type PolicyMatchCountsTable = {
  item_id: string
  rule_version: number
  eligible: number
  undetermined: number
  ineligible: number
  run_id: number
  computed_at: Timestamp
}

export type PolicyMatchStateTable = {
  id: Generated<number>
  fact_seq: number
  lease_owner: string | null
  lease_until: Timestamp | null
}

export type PolicyPushCandidatesTable = {
  run_id: number
  enterprise_id: string
  item_id: string
  item_rank: number
}

export type PolicyPushesTable = {
  id: Generated<number>
  item_id: string
  enterprise_id: string
  run_id: number
  detected_at: Timestamp
  status: 'notified' | 'not_subscribed' | 'opted_out'
  notification_id: string | null
  viewed_at: Date | null
}

declare module '../../kernel/db/schema' {
  interface DB {
    policy_match_chunks: PolicyMatchChunksTable
    policy_match_runs: PolicyMatchRunsTable
    policy_match_counts: PolicyMatchCountsTable
    policy_match_state: PolicyMatchStateTable
    policy_push_candidates: PolicyPushCandidatesTable
    policy_pushes: PolicyPushesTable
  }
}
