import type { ColumnType, Generated } from 'kysely'
import type { Timestamp, Json } from '../../kernel/db/schema'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { AttachmentType } from '../../kernel/uploads'

/** Row types of the benefits module's tables, written to match server/migrations (change both in one commit). */

// Benefits (migration 0014)

export type BenefitClaimStatus =
  | 'consented'
  | 'submitted'
  | 'supplement_requested'
  | 'recommended'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'paid'
  | 'excluded'

export type BenefitClaimsTable = {
  id: Generated<string>
  number: string
  item_id: string
  policy_id: string
  enterprise_id: string
  department_id: string
  mode: 'no_application' | 'fast_application' | 'standard_application'
  status: BenefitClaimStatus
  submitted_by: string
  idempotency_key: string
  /** SHA-256 of the claiming request (kernel/idempotency.ts); null before migration 0025 */
  request_fingerprint: string | null
  item_snapshot: Json<Record<string, unknown>>
  explanation: Json<Record<string, unknown>>
  outcome_at_claim: 'eligible' | 'undetermined'
  expected_amount: number | null
  form: ColumnType<Record<string, unknown>, string | undefined, string>
  due_at: Date | null
  remaining_minutes: number | null
  supplement_count: Generated<number>
  recommendation: 'approve' | 'reject' | null
  recommended_amount: number | null
  recommendation_note: string | null
  recommended_by: string | null
  recommended_at: Date | null
  approved_amount: number | null
  decision_reason: string | null
  decided_by: string | null
  decided_at: Date | null
  status_reason: string | null
  closed_at: Date | null
  rating_level: number | null
  rating_comment: string | null
  rated_by: string | null
  rated_at: Date | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export type BenefitClaimMaterialsTable = {
  id: Generated<string>
  claim_id: string | null
  material_key: string | null
  round: number | null
  file_name: string
  content_type: AttachmentType
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
  superseded_at: Date | null
}

export type BenefitClaimEventsTable = CaseEventColumns & { claim_id: string }

export type BenefitPayoutBatchesTable = {
  id: Generated<string>
  item_id: string
  department_id: string
  paid_on: string
  paid_count: number
  excluded_count: number
  total: number
  note: string | null
  confirmed_by: string
  confirmed_at: Timestamp
}

export type BenefitPayoutsTable = {
  id: Generated<string>
  claim_id: string
  item_id: string
  enterprise_id: string
  batch_id: string | null
  amount: number
  paid_on: string
  recorded_by: string
  recorded_at: Timestamp
  /** the settlement account paid to, copied (null only for payouts recorded before migration 0022) */
  account_id: string | null
  account_version: number | null
  account_name: string | null
  bank_name: string | null
  account_number: string | null
}

export type BenefitBudgetLocksTable = {
  item_id: string
}

declare module '../../kernel/db/schema' {
  interface DB {
    benefit_claims: BenefitClaimsTable
    benefit_claim_materials: BenefitClaimMaterialsTable
    benefit_claim_events: BenefitClaimEventsTable
    benefit_payout_batches: BenefitPayoutBatchesTable
    benefit_payouts: BenefitPayoutsTable
    benefit_budget_locks: BenefitBudgetLocksTable
  }
}
