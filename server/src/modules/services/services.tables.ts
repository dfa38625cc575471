import type { ColumnType, Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Json, Timestamp } from '../../kernel/db/schema'
import type { AttachmentType } from '../../kernel/uploads'
import type { ApplicationState } from './application-states'
// the bundle tables (一件事一次办) join the same DB interface
import './bundles.tables'
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
  // the application's life (migration 0034)
  matter_id: string | null
  department_id: string | null
  form_data: ColumnType<Record<string, unknown>, string | undefined, string>
  visits_made: Generated<number>
  received_at: Date | null
  completeness_due_at: Date | null
  supplement_requested_at: Date | null
  supplement_items: ColumnType<SupplementItem[], string | undefined, string>
  supplement_due_at: Date | null
  supplement_answered_at: Date | null
  accepted_at: Date | null
  accepted_from: Date | null
  deemed_accepted: Generated<boolean>
  not_accepted_reason: string | null
  not_accepted_refer_to: string | null
  decision_due_at: Date | null
  statutory_due_at: Date | null
  extension_days: Generated<number>
  extension_reason: string | null
  extension_approved_by: string | null
  joint_handling: Generated<boolean>
  special_step_kind: string | null
  special_step_since: Date | null
  special_step_due_at: Date | null
  clock_remaining_minutes: number | null
  suspended_minutes: Generated<number>
  tolerance_items: ColumnType<string[], string | undefined, string>
  tolerance_commitment: string | null
  tolerance_signed_at: Date | null
  tolerance_due_at: Date | null
  tolerance_fulfilled_at: Date | null
  instant: Generated<boolean>
  decided_at: Date | null
  decided_by: string | null
  decision_reason: string | null
  decision_legal_basis: string | null
  certificate_id: string | null
  closed_at: Date | null
  archived_at: Date | null
  // autosave (migration 0036)
  form_saved_at: Date | null
  // the 办不成事 desk's appeal (migration 0039)
  appeal_id: string | null
}

/** One item of a supplement request (补正告知): the material or field, and what is wrong with it. */
export type SupplementItem = { item: string; problem: string }

/** A review step of a matter version: steps sharing a stage run in parallel, stages in order. */
export type ReviewStep = { key: string; name: string; role: 'handler' | 'department_head'; stage: number }

export type ApplicationReviewTasksTable = {
  id: Generated<string>
  application_id: string
  step_key: string
  step_name: string
  stage: number
  role: 'handler' | 'department_head'
  status: Generated<'waiting' | 'open' | 'claimed' | 'done'>
  assignee_id: string | null
  outcome: 'approve' | 'refuse' | 'return' | null
  note: string | null
  decided_by: string | null
  decided_at: Date | null
  created_at: Timestamp
}

export type ApplicationNoticesTable = {
  id: Generated<string>
  application_id: string
  kind: string
  issued_at: Date
  issued_by: string | null
  title: string
  body: string
  data: Json<Record<string, unknown>>
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
  review_steps: ColumnType<ReviewStep[], string | undefined, string>
  form_schema: ColumnType<Record<string, unknown>, string | undefined, string>
  instant_conditions: ColumnType<unknown, string | null | undefined, string | null>
  tolerance_materials: ColumnType<string[], string | undefined, string>
  joint_handling: Generated<boolean>
  certificate_kind: string | null
  // migration 0035: calendar days the applicant has to answer a supplement request
  supplement_limit_days: Generated<number>
}

/** A file an enterprise uploaded for an application (migration 0036). */
export type ApplicationUploadsTable = {
  id: Generated<string>
  enterprise_id: string
  file_name: string
  content_type: AttachmentType
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export type MaterialSource = 'upload' | 'certificate' | 'platform' | 'reused'

/** How one material of an application's version is satisfied (migration 0036). */
export type ApplicationMaterialsTable = {
  id: Generated<string>
  application_id: string
  material_name: string
  source: MaterialSource
  upload_id: string | null
  certificate_id: string | null
  consented: Generated<boolean>
  created_by: string | null
  created_at: Timestamp
}

export type ApplicationEventsTable = CaseEventColumns & { application_id: string }

declare module '../../kernel/db/schema' {
  interface DB {
    applications: ApplicationsTable
    application_events: ApplicationEventsTable
    service_matters: ServiceMattersTable
    service_matter_versions: ServiceMatterVersionsTable
    application_review_tasks: ApplicationReviewTasksTable
    application_notices: ApplicationNoticesTable
    application_uploads: ApplicationUploadsTable
    application_materials: ApplicationMaterialsTable
  }
}
