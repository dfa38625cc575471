import type { Generated } from 'kysely'
import type { Json } from '../../kernel/db/schema'
import type { AttachmentType } from '../../kernel/uploads'

/** Row types of the enterprise-claims module's tables, written to match server/migrations (change both in one commit). */

export type EnterpriseClaimFilesTable = {
  id: Generated<string>
  file_name: string
  content_type: AttachmentType
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Generated<Date>
}

export type EnterpriseClaimMethod = 'legal_rep_code' | 'manager_approval' | 'licence_review'
export type EnterpriseClaimStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired'

export type EnterpriseClaimsTable = {
  id: Generated<string>
  enterprise_id: string
  claimant_id: string
  method: EnterpriseClaimMethod
  status: Generated<EnterpriseClaimStatus>
  note: string | null
  code_phone: string | null
  code_hash: string | null
  code_sent_at: Date | null
  code_expires_at: Date | null
  codes_sent: Generated<number>
  code_attempts: Generated<number>
  claimant_name: string | null
  id_number_masked: string | null
  identity_check: Json<Record<string, unknown>> | null
  licence_file_id: string | null
  granted_role: 'manager' | 'agent' | null
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type EnterpriseDisputesTable = {
  id: Generated<string>
  enterprise_id: string
  reported_by: string
  reason: string
  contact_phone: string | null
  status: Generated<'open' | 'resolved'>
  resolution: string | null
  resolved_by: string | null
  resolved_at: Date | null
  created_at: Generated<Date>
}

declare module '../../kernel/db/schema' {
  interface DB {
    enterprise_claim_files: EnterpriseClaimFilesTable
    enterprise_claims: EnterpriseClaimsTable
    enterprise_disputes: EnterpriseDisputesTable
  }
}
