import type { Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the misconduct-reports module's tables, written to match server/migrations (change both in one commit). */

export type ReportArea =
  | 'credit'
  | 'judicial'
  | 'law_enforcement'
  | 'approval'
  | 'regulation'
  | 'intermediaries'
  | 'business_operations'
  | 'work_style'

export type ReportState =
  'received' | 'accepted' | 'investigating' | 'not_accepted' | 'transferred' | 'closed'

export type MisconductReportsTable = {
  id: Generated<string>
  number: string
  receipt_hash: string
  area: ReportArea
  accused_unit: string | null
  accused_department_id: string | null
  accused_person: string | null
  text: string
  is_anonymous: boolean
  status: Generated<ReportState>
  filed_at: Timestamp
  acknowledge_due_at: Date | null
  acknowledged_at: Date | null
  transfer_due_at: Timestamp
  transferred_at: Date | null
  transferred_to: string | null
  decision_reason: string | null
  findings: string | null
  result: string | null
  closed_at: Date | null
  result_due_at: Date | null
  result_notified_at: Date | null
  reporter_message: string | null
  supervision_case_id: string | null
  exposure_id: string | null
  version: Generated<number>
}

export type MisconductReportIdentitiesTable = {
  report_id: string
  sealed: string
  consents_to_naming: Generated<boolean>
  created_at: Timestamp
}

export type MisconductReportEvidenceTable = {
  id: Generated<string>
  report_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_at: Timestamp
}

export type MisconductReportEventsTable = CaseEventColumns & { report_id: string }

declare module '../../kernel/db/schema' {
  interface DB {
    misconduct_reports: MisconductReportsTable
    misconduct_report_identities: MisconductReportIdentitiesTable
    misconduct_report_evidence: MisconductReportEvidenceTable
    misconduct_report_events: MisconductReportEventsTable
  }
}
