import type { ColumnType, Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { CommitmentState } from './commitment-states'

/** Row types of the commitments module's tables, written to match server/migrations (change both in one commit). */

export type CommitmentKind =
  'investment_promise' | 'procurement_contract' | 'construction_contract' | 'services_contract' | 'payable'
export type CommitmentOwnerRole = 'handler' | 'department_head'
export type ComplaintStatus = 'submitted' | 'not_founded' | 'rectified' | 'breach'

export type CommitmentsTable = {
  id: Generated<string>
  number: string
  parent_id: string | null
  kind: CommitmentKind
  enterprise_id: string
  department_id: string
  owner_role: CommitmentOwnerRole
  title: string
  obligation: string
  amount_fen: number | null
  disputed_fen: Generated<number>
  accepted_on: string | null
  payment_term_days: number | null
  is_large_buyer: Generated<boolean>
  due_on: string
  agreed_rate_bp: number | null
  floor_rate_bp: number | null
  rate_bp: number | null
  outstanding_fen: Generated<number>
  paid_fen: Generated<number>
  /** numeric: read it as text (commitments.queries.ts) — fen × bp × days outgrows a double */
  interest_numerator: ColumnType<number, string | undefined, string>
  accrual_from: string | null
  interest_fen: Generated<number>
  interest_as_of: string | null
  interest_paid_fen: Generated<number>
  status: Generated<CommitmentState>
  overdue_since: string | null
  settled_on: string | null
  breach_count: Generated<number>
  is_second_breach: Generated<boolean>
  created_by: string | null
  created_at: Timestamp
  version: Generated<number>
}

export type CommitmentEventsTable = CaseEventColumns & { commitment_id: string }

export type CommitmentPaymentsTable = {
  id: Generated<string>
  commitment_id: string
  paid_on: string
  principal_fen: number
  interest_fen: number
  recorded_by: string
  recorded_at: Timestamp
}

export type CommitmentComplaintsTable = {
  id: Generated<string>
  commitment_id: string
  enterprise_id: string
  filed_by: string
  text: string
  status: Generated<ComplaintStatus>
  filed_at: Timestamp
  verify_by: Timestamp
  explanation: string | null
  refused_to_rectify: Generated<boolean>
  decided_by: string | null
  decided_at: Timestamp | null
  /** when the bureau's leadership was told it was not verified in time (once) */
  late_told_at: Timestamp | null
  version: Generated<number>
}

export type CommitmentSettingsTable = {
  id: Generated<boolean>
  verification_days: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    commitments: CommitmentsTable
    commitment_events: CommitmentEventsTable
    commitment_payments: CommitmentPaymentsTable
    commitment_complaints: CommitmentComplaintsTable
    commitment_settings: CommitmentSettingsTable
  }
}
