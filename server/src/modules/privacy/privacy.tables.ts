import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the privacy module's tables, written to match server/migrations (change both in one commit). */

// Privacy: legal documents, acceptances, data exports (migration 0023)

export type LegalDocumentsTable = {
  id: Generated<string>
  kind: 'privacy_notice' | 'terms_of_use' | 'staff_notice'
  version: number
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  change_summary_zh: string
  change_summary_en: string
  effective_on: string
  effective_at: Date
  published_by: string | null
  published_at: Timestamp
}

export type LegalAcceptancesTable = {
  id: Generated<string>
  user_id: string
  document_id: string
  accepted_at: Timestamp
  ip: string | null
  user_agent: string | null
  withdrawn_at: Date | null
}

export type DataExportsTable = {
  id: Generated<string>
  user_id: string
  scope: 'personal' | 'enterprise'
  enterprise_id: string | null
  format: 'json' | 'xlsx'
  size_bytes: number
  exported_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    legal_documents: LegalDocumentsTable
    legal_acceptances: LegalAcceptancesTable
    data_exports: DataExportsTable
  }
}
