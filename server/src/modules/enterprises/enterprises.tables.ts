import type { ColumnType, Generated } from 'kysely'
import type { Timestamp, Json } from '../../kernel/db/schema'

/** Row types of the enterprises module's tables, written to match server/migrations (change both in one commit). */

export type EnterprisesTable = {
  id: Generated<string>
  uscc: string
  name: string
  legal_representative: string
  division_code: string
  industry_code: string
  size_class: 'large' | 'medium' | 'small' | 'micro'
  founded_on: string
  employees: number
  annual_revenue: number | null
  tags: ColumnType<string[], string[] | undefined, string[]>
  address: string | null
  contact_phone: string | null
  /** why an enterprise whose credit code was issued outside the city registers here */
  out_of_city_reason: 'higher_authority' | 'operates_here' | 'relocating' | 'other' | null
  out_of_city_note: string | null
  is_demo: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
  /** bumped by a trigger on every change: the matching engine's change feed */
  change_seq: Generated<number>
  /** the enterprise's bit in the match bitmaps */
  match_index: Generated<number>
}

export type EnterpriseProfileVersionsTable = {
  enterprise_id: string
  version: number
  profile: Json<Record<string, unknown>>
  changed_fields: string[]
  changed_by: string | null
  changed_at: Timestamp
}

// Enterprise registry and claims (migration 0018)

export type EnterpriseRegistryTable = {
  uscc: string
  name: string
  legal_representative: string
  legal_representative_phone: string | null
  import_id: string | null
  updated_at: Generated<Date>
}

declare module '../../kernel/db/schema' {
  interface DB {
    enterprises: EnterprisesTable
    enterprise_profile_versions: EnterpriseProfileVersionsTable
    enterprise_registry: EnterpriseRegistryTable
  }
}
