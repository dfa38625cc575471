import type { ColumnType, Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { RatingAppealState } from './rating-appeal-states'
import type { RectificationState } from './rectification-states'

/** Row types of the rectifications module's tables, written to match server/migrations (change both in one commit). */

export type RectificationSettingsTable = {
  id: Generated<number>
  deadline_working_days: Generated<number>
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

export type ContactOutcome = 'confirmed' | 'not_confirmed' | 'unreachable'

export type RectificationsTable = {
  id: Generated<string>
  rating_id: string
  subject_type: string
  subject_id: string
  subject_title: string | null
  subject_number: string | null
  department_id: string
  enterprise_id: string | null
  status: Generated<RectificationState>
  deadline_working_days: number
  opened_at: Timestamp
  due_at: Date
  /** when the unit's handlers and heads were told it opened (migration 0059; the job sets it) */
  unit_told_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  measures: string | null
  evidence_submitted_at: Date | null
  returned_count: Generated<number>
  contacted_at: Date | null
  contact_outcome: ContactOutcome | null
  contact_note: string | null
  verified_by: string | null
  verified_at: Date | null
  feedback_note: string | null
  feedback_at: Date | null
  final_rating_id: string | null
  final_level: number | null
  closed_at: Date | null
  withdrawn_at: Date | null
  version: Generated<number>
}

export type RectificationEventsTable = CaseEventColumns & { rectification_id: string }

export type RatingAppealReasonClass = 'mistaken' | 'malicious'

export type RatingAppealsTable = {
  id: Generated<string>
  rating_id: string
  department_id: string
  reason_class: RatingAppealReasonClass
  reason: string
  status: Generated<RatingAppealState>
  filed_by: string
  filed_at: Timestamp
  decided_by: string | null
  decided_at: Date | null
  decision_reason: string | null
  version: Generated<number>
}

export type RatingAppealEventsTable = CaseEventColumns & { rating_appeal_id: string }

export type RectificationFilesTable = {
  id: Generated<string>
  rectification_id: string | null
  rating_appeal_id: string | null
  file_name: string
  content_type: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    rectification_settings: RectificationSettingsTable
    rectifications: RectificationsTable
    rectification_events: RectificationEventsTable
    rating_appeals: RatingAppealsTable
    rating_appeal_events: RatingAppealEventsTable
    rectification_files: RectificationFilesTable
  }
}
