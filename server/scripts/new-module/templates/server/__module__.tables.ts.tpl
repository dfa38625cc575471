import type { Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { {{casePascal}}State } from './{{case}}-states'

/** Row types of the {{module}} module's tables, written to match server/migrations (change both in one commit). */

export type {{casesPascal}}Table = {
  id: Generated<string>
  enterprise_id: string
  created_by: string
  title: string
  status: Generated<{{casePascal}}State>
  created_at: Timestamp
  submitted_at: Date | null
  version: Generated<number>
}

export type {{casePascal}}EventsTable = CaseEventColumns & { {{caseSnake}}_id: string }

declare module '../../kernel/db/schema' {
  interface DB {
    {{table}}: {{casesPascal}}Table
    {{eventsTable}}: {{casePascal}}EventsTable
  }
}
