import type { ColumnType, Generated } from 'kysely'
import type { Timestamp, Json } from '../../kernel/db/schema'
import type { Audience } from '../../kernel/timeline/audience'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { AttachmentType } from '../../kernel/uploads'

/** Row types of the appeals module's tables, written to match server/migrations (change both in one commit). */

export type AppealCategoriesTable = {
  code: string
  name: string
  name_en: string
  default_department_id: string | null
  default_tier: Generated<'urgent' | 'fast' | 'normal' | 'complex'>
  is_active: Generated<boolean>
  sort_order: Generated<number>
  /** words of an appeal that point to this category; null until seeded or saved */
  keywords: string[] | null
}

export type AppealStatus =
  | 'submitted'
  | 'accepted'
  | 'dispatched'
  | 'handling'
  | 'paused'
  | 'returned'
  | 'arbitration'
  | 'awaiting_approval'
  | 'replied'
  | 'closed'
  | 'rejected'
  | 'merged'
  | 'withdrawn'

export type AppealsTable = {
  id: Generated<string>
  number: string
  enterprise_id: string
  submitted_by: string
  channel: 'web' | 'mobile' | 'hotline' | 'rating' | 'cannot_do' | 'visit' | 'federation'
  idempotency_key: string | null
  /** SHA-256 of the filing request (kernel/idempotency.ts); null before migration 0025 and for batch rows */
  request_fingerprint: string | null
  category_code: string
  tier: 'urgent' | 'fast' | 'normal' | 'complex'
  title: string
  body: string
  words: ColumnType<string[], string[] | undefined, string[]>
  address: string | null
  latitude: number | null
  longitude: number | null
  preferred_contact: Generated<'phone' | 'sms' | 'inbox'>
  contact_phone: string | null
  hide_identity: Generated<boolean>
  is_public: Generated<boolean>
  status: AppealStatus
  merged_into: string | null
  status_reason: string | null
  is_binding: Generated<boolean>
  return_count: Generated<number>
  reopen_count: Generated<number>
  cycle: Generated<number>
  first_dispatched_at: Date | null
  first_contact_at: Date | null
  replied_at: Date | null
  auto_close_at: Date | null
  closed_at: Date | null
  close_reason: 'solved' | 'unsolved' | 'no_rating' | 'withdrawn' | 'rejected' | 'merged' | null
  lead_department_id: string | null
  next_due_at: Date | null
  latest_solved: boolean | null
  latest_level: number | null
  first_contact_met: boolean | null
  resolution_met: Generated<number>
  resolution_missed: Generated<number>
  /** the application the 办不成事 desk filed this appeal from (migration 0039) */
  application_id: string | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export type AppealAssignmentsTable = {
  id: Generated<string>
  appeal_id: string
  department_id: string
  role: 'lead' | 'co'
  is_current: Generated<boolean>
  dispatched_at: Date
  dispatched_by: string | null
  signed_at: Date | null
  signed_by: string | null
  returned_at: Date | null
  return_reason: string | null
}

export type AppealClocksTable = {
  id: Generated<string>
  appeal_id: string
  assignment_id: string | null
  kind: 'sign_for' | 'first_contact' | 'resolution' | 'co_part'
  /** working: the city's working time; elapsed: every minute (tiers measured in clock hours) */
  basis: Generated<'working' | 'elapsed'>
  cycle: number
  department_id: string | null
  started_at: Date
  budget_minutes: number
  elapsed_minutes: Generated<number>
  elapsed_at: Date
  paused_since: Date | null
  stopped_at: Date | null
  due_at: Date | null
  fired: ColumnType<string[], string[] | undefined, string[]>
  next_check_at: Date | null
  escalation_level: Generated<number>
  is_met: boolean | null
  /** why the clock is paused, while it is (the pause row keeps it for good) */
  pause_reason: string | null
  /** a suspension: a pause with its own limit, while it lasts */
  suspension_kind: string | null
  suspension_since: Date | null
  suspension_limit_minutes: number | null
}

export type AppealPausesTable = {
  id: Generated<string>
  appeal_id: string
  reason: 'awaiting_enterprise' | 'awaiting_third_party'
  note: string
  started_at: Date
  started_by: string | null
  ended_at: Date | null
  ended_by: string | null
  /** set when the pause is a suspension with its own limit */
  suspension_kind: string | null
  suspension_limit_minutes: number | null
}

export type AppealExtensionsTable = {
  id: Generated<string>
  appeal_id: string
  department_id: string
  working_days: number
  reason: string
  status: Generated<'requested' | 'approved' | 'rejected'>
  requested_by: string
  requested_at: Timestamp
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
}

export type AppealRepliesTable = {
  id: Generated<string>
  appeal_id: string
  cycle: number
  department_id: string
  body: string
  status: 'pending_approval' | 'approved' | 'rejected'
  written_by: string
  written_at: Timestamp
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
  /** why the lead replied before every co-handler's part arrived */
  missing_parts_reason: string | null
}

export type AppealAttachmentsTable = {
  id: Generated<string>
  appeal_id: string | null
  reply_id: string | null
  file_name: string
  content_type: AttachmentType
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export type AppealEventsTable = CaseEventColumns & { appeal_id: string; department_id: string | null }

export type AppealContactsTable = {
  id: Generated<string>
  appeal_id: string
  cycle: number
  department_id: string
  method: 'phone' | 'visit' | 'message'
  contact_person: string | null
  contacted_at: Date
  note: string
  note_audience: Audience
  recorded_by: string
  recorded_at: Generated<Date>
}

export type AppealCoPartsTable = {
  id: Generated<string>
  appeal_id: string
  assignment_id: string
  cycle: number
  department_id: string
  body: string
  written_by: string
  written_at: Generated<Date>
}

export type AppealRatingsTable = {
  id: Generated<string>
  appeal_id: string
  cycle: number
  solved: boolean
  level: number | null
  comment: string | null
  rated_by: string | null
  rated_at: Timestamp
}

export type AppealReturnVisitsTable = {
  id: Generated<string>
  appeal_id: string
  cycle: number
  sampled_at: Timestamp
  sample_reason: 'random' | 'low_rating' | 'no_rating' | 'manual'
  status: Generated<'pending' | 'done' | 'unreachable'>
  visited_by: string | null
  visited_at: Date | null
  solved: boolean | null
  level: number | null
  note: string | null
}

export type AppealRoutingModelTable = {
  id: Generated<number>
  trained_at: Date
  examples: number
  model: Json<Record<string, unknown>>
}

export type AppealWordFrequenciesTable = {
  word: string
  open_appeals: number
}

export type AppealSettingsTable = {
  id: Generated<number>
  settings: Json<Record<string, unknown>>
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    appeal_categories: AppealCategoriesTable
    appeals: AppealsTable
    appeal_assignments: AppealAssignmentsTable
    appeal_clocks: AppealClocksTable
    appeal_pauses: AppealPausesTable
    appeal_extensions: AppealExtensionsTable
    appeal_replies: AppealRepliesTable
    appeal_attachments: AppealAttachmentsTable
    appeal_events: AppealEventsTable
    appeal_contacts: AppealContactsTable
    appeal_co_parts: AppealCoPartsTable
    appeal_ratings: AppealRatingsTable
    appeal_return_visits: AppealReturnVisitsTable
    appeal_routing_model: AppealRoutingModelTable
    appeal_word_frequencies: AppealWordFrequenciesTable
    appeal_settings: AppealSettingsTable
  }
}
