import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the departments module's tables, written to match server/migrations (change both in one commit). */

export type DepartmentKind = 'city' | 'department' | 'district' | 'division'

export type DepartmentsTable = {
  id: Generated<string>
  code: string
  name: string
  short_name: string | null
  /** other forms people write it in (发改委, 城管 …); null until seeded or saved */
  recognised_names: string[] | null
  kind: DepartmentKind
  parent_id: string | null
  division_code: string | null
  is_bureau: Generated<boolean>
  is_fallback_owner: Generated<boolean>
  is_active: Generated<boolean>
  sort_order: Generated<number>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    departments: DepartmentsTable
  }
}
