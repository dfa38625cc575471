import type { ColumnType, Generated } from 'kysely'
import type { Timestamp, Json } from '../../kernel/db/schema'

/** Row types of the facts module's tables, written to match server/migrations (change both in one commit). */

export type FactDefinitionsTable = {
  key: string
  label_zh: string
  label_en: string
  type: string
  unit_zh: string | null
  unit_en: string | null
  allowed_values: Json<{ code: string; zh: string; en: string }[]> | null
  is_periodic: Generated<boolean>
  max_age_years: number | null
  formula: string | null
  is_profile_field: Generated<boolean>
  is_builtin: Generated<boolean>
  sources: ColumnType<string[], string[] | undefined, string[]>
  description_zh: string | null
  description_en: string | null
  sort_order: Generated<number>
  is_active: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export type FactImportsTable = {
  id: Generated<string>
  source: string
  department_id: string | null
  file_name: string
  file_sha256: string
  rows_total: number
  rows_applied: number
  rows_failed: number
  report: Json<unknown>
  imported_by: string
  imported_at: Timestamp
}

export type EnterpriseFactsTable = {
  id: Generated<number>
  enterprise_id: string
  fact_key: string
  period: Generated<string>
  value: Json<unknown> | null
  source: string
  is_verified: boolean
  import_id: string | null
  recorded_by: string | null
  recorded_at: Timestamp
  superseded_at: Date | null
}

export type EnterpriseFactValuesTable = {
  enterprise_id: string
  fact_key: string
  value_num: number | null
  value_text: string | null
  value_tags: string[] | null
  period: string
  source: string
  is_verified: boolean
  fact_id: number
  change_seq: number
}

export type FactSourceDepartmentsTable = {
  source: string
  department_id: string
}

declare module '../../kernel/db/schema' {
  interface DB {
    fact_definitions: FactDefinitionsTable
    fact_imports: FactImportsTable
    enterprise_facts: EnterpriseFactsTable
    enterprise_fact_values: EnterpriseFactValuesTable
    fact_source_departments: FactSourceDepartmentsTable
  }
}
