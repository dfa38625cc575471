import type { ColumnType, Generated } from 'kysely'
import type { Timestamp, Json } from '../../kernel/db/schema'

/** Row types of the policies module's tables, written to match server/migrations (change both in one commit). */

export type PoliciesTable = {
  id: Generated<string>
  title: string
  issuer: string
  document_number: string | null
  level: 'national' | 'provincial' | 'city' | 'district'
  issued_on: string | null
  effective_from: string | null
  effective_to: string | null
  summary: Generated<string>
  full_text: Generated<string>
  source_url: string | null
  topics: ColumnType<string[], string[] | undefined, string[]>
  owner_department_id: string
  status: Generated<'draft' | 'review' | 'published' | 'amended' | 'expired' | 'repealed'>
  revision_status: 'draft' | 'review' | null
  published_version: number | null
  submitted_by: string | null
  submitted_at: Date | null
  status_note: string | null
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type PolicyVersionsTable = {
  policy_id: string
  version_no: number
  snapshot: Json<unknown>
  published_by: string | null
  published_at: Timestamp
  note: string | null
  /** the publication preview it was decided on (null: before previews, or put in force by the system) */
  preview: Json<unknown> | null
}

export type PolicySettingsTable = {
  id: Generated<number>
  settings: Json<Record<string, unknown>>
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

export type PolicyAttachmentsTable = {
  id: Generated<string>
  policy_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  bytes: Uint8Array
  uploaded_by: string
  uploaded_at: Timestamp
}

export type BenefitItemsTable = {
  id: Generated<string>
  policy_id: string
  code: string
  title: string
  summary: Generated<string>
  benefit_kind: 'amount' | 'formula' | 'service'
  amount: number | null
  amount_formula: string | null
  mode: 'no_application' | 'fast_application' | 'standard_application'
  department_id: string
  budget_cap: number | null
  required_materials: Json<{ key: string; nameZh: string; nameEn: string; isRequired: boolean }[]>
  promised_working_days: Generated<number>
  conditions: Json<{ id: string; clause: string; rule: string; note?: string | null }[]>
  /** why a money item has no budget cap (null: it has one, or gives no money) */
  no_cap_reason: string | null
  /** not offered to enterprises that already hold what it grants */
  exclusion: Json<{ clause: string; tag: string; sinceFact: string | null; validYears: number | null }> | null
  effective_from: string | null
  effective_to: string | null
  topics: ColumnType<string[], string[] | undefined, string[]>
  is_push_enabled: Generated<boolean>
  sort_order: Generated<number>
  is_active: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export type BenefitRuleVersionsTable = {
  item_id: string
  rule_version: number
  conditions: Json<unknown>
  amount_formula: string | null
  exclusion: Json<unknown> | null
  effective_from: string | null
  effective_to: string | null
  policy_version: number
  created_at: Timestamp
}

export type PolicySubscriptionsTable = {
  enterprise_id: string
  topics: ColumnType<string[], string[] | undefined, string[]>
  is_push_enabled: Generated<boolean>
  updated_at: Timestamp
}

export type EnterpriseNeedsTable = {
  id: Generated<string>
  enterprise_id: string
  topic: string
  text: string
  status: Generated<'open' | 'answered' | 'closed'>
  answer: string | null
  answered_by: string | null
  answered_at: Date | null
  created_by: string
  created_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    policies: PoliciesTable
    policy_versions: PolicyVersionsTable
    policy_settings: PolicySettingsTable
    policy_attachments: PolicyAttachmentsTable
    benefit_items: BenefitItemsTable
    benefit_rule_versions: BenefitRuleVersionsTable
    policy_subscriptions: PolicySubscriptionsTable
    enterprise_needs: EnterpriseNeedsTable
  }
}
