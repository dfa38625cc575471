import type { Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { ApplicationState } from './application-states'

/** Row types of the services module's tables, written to match server/migrations (change both in one commit). */

export type ApplicationsTable = {
  id: Generated<string>
  enterprise_id: string
  created_by: string
  title: string
  status: Generated<ApplicationState>
  created_at: Timestamp
  submitted_at: Date | null
  version: Generated<number>
}

export type ApplicationEventsTable = CaseEventColumns & { application_id: string }

declare module '../../kernel/db/schema' {
  interface DB {
    applications: ApplicationsTable
    application_events: ApplicationEventsTable
  }
}
