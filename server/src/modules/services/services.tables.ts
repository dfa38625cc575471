import type { ColumnType, Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Json, Timestamp } from '../../kernel/db/schema'
import type { ApplicationState } from './application-states'
import type {
  Faq,
  Fee,
  Material,
  MatterType,
  MatterVariant,
  OnlineLevel,
  SpecialStep,
} from './matters.schema'

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
  matter_version_id: string | null
}

export type ServiceMattersTable = {
  id: Generated<string>
  code: string
  parent_id: string | null
  variant: MatterVariant | null
  department_id: string
  current_version_id: string | null
  created_by: string | null
  created_at: Timestamp
}

export type ServiceMatterVersionsTable = {
  id: Generated<string>
  matter_id: string
  number: number
  status: Generated<'draft' | 'published'>
  name: string
  matter_type: MatterType
  implementing_body: string
  legal_basis: string
  conditions: string
  materials: Json<Material[]>
  fees: Json<Fee[]>
  statutory_limit_days: number
  promised_limit_days: number
  special_steps: Json<SpecialStep[]>
  visits_needed: number
  online_level: OnlineLevel
  faq: Json<Faq[]>
  search_words: ColumnType<string[], string[] | undefined, string[]>
  created_by: string | null
  created_at: Timestamp
  published_by: string | null
  published_at: Date | null
}

export type ApplicationEventsTable = CaseEventColumns & { application_id: string }

declare module '../../kernel/db/schema' {
  interface DB {
    applications: ApplicationsTable
    application_events: ApplicationEventsTable
    service_matters: ServiceMattersTable
    service_matter_versions: ServiceMatterVersionsTable
  }
}
