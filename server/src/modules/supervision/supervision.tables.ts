import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the supervision module's tables, written to match server/migrations (change both in one commit). */

export type SupervisionCasesTable = {
  id: Generated<string>
  appeal_id: string | null
  department_id: string | null
  reason: string
  level: Generated<'section' | 'bureau' | 'city'>
  status: Generated<'open' | 'closed'>
  opened_at: Timestamp
  closed_at: Date | null
  source: Generated<'appeal_breach' | 'manual'>
  closed_by: string | null
  closing_note: string | null
  version: Generated<number>
}

declare module '../../kernel/db/schema' {
  interface DB {
    supervision_cases: SupervisionCasesTable
  }
}
