import type { ColumnType, Generated } from 'kysely'
import type { Audience } from '../timeline/audience'

/**
 * Row types of every table, written to match server/migrations. A migration and its table type
 * change in the same commit. Timestamps read as Date; `date` columns as 'YYYY-MM-DD' strings.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

export type AuditLogTable = {
  /** insert order; seq, prev_hash and hash stay null until the chainer links the row */
  id: Generated<number>
  seq: number | null
  at: Date
  actor_user_id: string | null
  actor_role: string | null
  actor_label: string | null
  action: string
  entity_type: string
  entity_id: string | null
  before: Json | null
  after: Json | null
  request_id: string | null
  ip: string | null
  prev_hash: string | null
  hash: string | null
}

export type AuditCheckpointsTable = {
  id: Generated<number>
  seq: number
  hash: string
  signed_at: Date
  key_id: string
  signature: string
}

export type CalendarNoticesTable = {
  year: number
  title: string
  url: string | null
  published_on: string | null
  entered_by: string | null
  entered_at: Timestamp
}

export type CalendarDaysTable = {
  day: string
  source: 'notice' | 'override'
  is_working_day: boolean
  name: string
  updated_by: string | null
  updated_at: Timestamp
}

export type CalendarSettingsTable = {
  id: Generated<number>
  working_slots: Json<{ start: string; end: string }[]>
  time_zone: string
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

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

export type UsersTable = {
  id: Generated<string>
  kind: 'staff' | 'enterprise'
  username: string | null
  phone: string | null
  display_name: string
  email: string | null
  password_hash: string | null
  must_change_password: Generated<boolean>
  totp_secret: string | null
  totp_enabled_at: Date | null
  department_id: string | null
  is_disabled: Generated<boolean>
  is_demo: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
  last_sign_in_at: Date | null
}

export type UserRolesTable = {
  user_id: string
  role: string
  department_id: string
}

export type SessionsTable = {
  id: Generated<string>
  token_hash: string
  user_id: string
  csrf_token: string
  created_at: Timestamp
  expires_at: Date
  last_seen_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export type SignInChallengesTable = {
  id: Generated<string>
  token_hash: string
  user_id: string
  attempts: Generated<number>
  expires_at: Date
}

export type OneTimeCodesTable = {
  id: Generated<string>
  phone: string
  code_hash: string
  ip: string | null
  attempts: Generated<number>
  created_at: Timestamp
  expires_at: Date
  consumed_at: Date | null
}

export type AuthThrottlesTable = {
  key: string
  failures: Generated<number>
  blocked_until: Date | null
  last_attempt_at: Timestamp
}

export type TrustedDevicesTable = {
  token_hash: string
  user_id: string
  trusted_at: Timestamp
  last_used_at: Timestamp
}

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

export type EnterpriseMembersTable = {
  enterprise_id: string
  user_id: string
  role: 'manager' | 'agent'
  added_by: string | null
  created_at: Timestamp
}

/** 'phone' marks a contact a person made (a return-visit call): counted against the cap, never delivered. */
export type NotificationChannel = 'inbox' | 'sms' | 'email' | 'phone'

export type NotificationsTable = {
  id: Generated<string>
  created_at: Timestamp
  recipient_user_id: string | null
  recipient_enterprise_id: string | null
  recipient_phone: string | null
  channels: NotificationChannel[]
  template: string
  params: Json<Record<string, string | number>>
  is_urgent: Generated<boolean>
  is_solicited: Generated<boolean>
  /** 0 codes and security, 1 deadlines, 2 the rest: see kernel/notify/priorities.ts */
  priority: Generated<number>
  status: Generated<'pending' | 'deferred' | 'sent' | 'failed'>
  not_before: Timestamp
  attempts: Generated<number>
  deferral_count: Generated<number>
  last_error: string | null
  sent_at: Date | null
}

export type NotificationDeliveriesTable = {
  id: Generated<number>
  notification_id: string
  channel: NotificationChannel
  address: string | null
  status: 'sent' | 'failed'
  rendered_text: string
  detail: string | null
  at: Timestamp
}

export type NotificationReadsTable = {
  notification_id: string
  user_id: string
  read_at: Timestamp
}

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

export type AppealCountersTable = { year: number; last: number }

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
  content_type: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export type AppealEventsTable = {
  id: Generated<number>
  appeal_id: string
  at: Timestamp
  type: string
  actor_user_id: string | null
  actor_role: string | null
  department_id: string | null
  note: string | null
  data: Json<Record<string, unknown>>
  audience: Generated<Audience>
  note_audience: Generated<Audience>
}

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

export type PoliciesTable = {
  id: Generated<string>
  title: string
  issuer: string
  document_number: string | null
  level: 'national' | 'provincial' | 'city' | 'district'
  issued_on: string | null
  effective_from: string | null
  effective_to: string | null
  summary: Generated<string>
  full_text: Generated<string>
  source_url: string | null
  topics: ColumnType<string[], string[] | undefined, string[]>
  owner_department_id: string
  status: Generated<'draft' | 'review' | 'published' | 'amended' | 'expired' | 'repealed'>
  revision_status: 'draft' | 'review' | null
  published_version: number | null
  submitted_by: string | null
  submitted_at: Date | null
  status_note: string | null
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type PolicyVersionsTable = {
  policy_id: string
  version_no: number
  snapshot: Json<unknown>
  published_by: string | null
  published_at: Timestamp
  note: string | null
  /** the publication preview it was decided on (null: before previews, or put in force by the system) */
  preview: Json<unknown> | null
}

export type PolicySettingsTable = {
  id: Generated<number>
  settings: Json<Record<string, unknown>>
  version: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

export type PolicyAttachmentsTable = {
  id: Generated<string>
  policy_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  bytes: Uint8Array
  uploaded_by: string
  uploaded_at: Timestamp
}

export type BenefitItemsTable = {
  id: Generated<string>
  policy_id: string
  code: string
  title: string
  summary: Generated<string>
  benefit_kind: 'amount' | 'formula' | 'service'
  amount: number | null
  amount_formula: string | null
  mode: 'no_application' | 'fast_application' | 'standard_application'
  department_id: string
  budget_cap: number | null
  required_materials: Json<{ key: string; nameZh: string; nameEn: string; isRequired: boolean }[]>
  promised_working_days: Generated<number>
  conditions: Json<{ id: string; clause: string; rule: string; note?: string | null }[]>
  /** why a money item has no budget cap (null: it has one, or gives no money) */
  no_cap_reason: string | null
  /** not offered to enterprises that already hold what it grants */
  exclusion: Json<{ clause: string; tag: string; sinceFact: string | null; validYears: number | null }> | null
  effective_from: string | null
  effective_to: string | null
  topics: ColumnType<string[], string[] | undefined, string[]>
  is_push_enabled: Generated<boolean>
  sort_order: Generated<number>
  is_active: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export type BenefitRuleVersionsTable = {
  item_id: string
  rule_version: number
  conditions: Json<unknown>
  amount_formula: string | null
  exclusion: Json<unknown> | null
  effective_from: string | null
  effective_to: string | null
  policy_version: number
  created_at: Timestamp
}

export type PolicyMatchChunksTable = {
  item_id: string
  outcome: number
  chunk: number
  bits: Uint8Array
  run_id: number
}

export type PolicyMatchRunsTable = {
  id: Generated<number>
  kind: 'full' | 'items' | 'enterprises'
  is_baseline: Generated<boolean>
  started_at: Timestamp
  finished_at: Date | null
  enterprises: Generated<number>
  items: Generated<number>
  newly_eligible: Generated<number>
  pushes: Generated<number>
  fact_seq: Generated<number>
  compute_ms: number | null
  persist_ms: number | null
}

export type PolicyMatchCountsTable = {
  item_id: string
  rule_version: number
  eligible: number
  undetermined: number
  ineligible: number
  run_id: number
  computed_at: Timestamp
}

export type PolicyMatchStateTable = {
  id: Generated<number>
  fact_seq: number
  lease_owner: string | null
  lease_until: Timestamp | null
}

export type PolicyPushCandidatesTable = {
  run_id: number
  enterprise_id: string
  item_id: string
  item_rank: number
}

export type PolicyPushesTable = {
  id: Generated<number>
  item_id: string
  enterprise_id: string
  run_id: number
  detected_at: Timestamp
  status: 'notified' | 'not_subscribed' | 'opted_out'
  notification_id: string | null
  viewed_at: Date | null
}

export type PolicySubscriptionsTable = {
  enterprise_id: string
  topics: ColumnType<string[], string[] | undefined, string[]>
  is_push_enabled: Generated<boolean>
  updated_at: Timestamp
}

export type EnterpriseNeedsTable = {
  id: Generated<string>
  enterprise_id: string
  topic: string
  text: string
  status: Generated<'open' | 'answered' | 'closed'>
  answer: string | null
  answered_by: string | null
  answered_at: Date | null
  created_by: string
  created_at: Timestamp
}

export type DB = {
  audit_log: AuditLogTable
  audit_checkpoints: AuditCheckpointsTable
  calendar_notices: CalendarNoticesTable
  calendar_days: CalendarDaysTable
  calendar_settings: CalendarSettingsTable
  departments: DepartmentsTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  sign_in_challenges: SignInChallengesTable
  one_time_codes: OneTimeCodesTable
  auth_throttles: AuthThrottlesTable
  trusted_devices: TrustedDevicesTable
  enterprises: EnterprisesTable
  enterprise_profile_versions: EnterpriseProfileVersionsTable
  enterprise_members: EnterpriseMembersTable
  notifications: NotificationsTable
  notification_deliveries: NotificationDeliveriesTable
  notification_reads: NotificationReadsTable
  appeal_categories: AppealCategoriesTable
  appeal_counters: AppealCountersTable
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
  enterprise_registry: EnterpriseRegistryTable
  enterprise_claim_files: EnterpriseClaimFilesTable
  enterprise_claims: EnterpriseClaimsTable
  enterprise_disputes: EnterpriseDisputesTable
  appeal_ratings: AppealRatingsTable
  appeal_return_visits: AppealReturnVisitsTable
  supervision_cases: SupervisionCasesTable
  appeal_routing_model: AppealRoutingModelTable
  appeal_settings: AppealSettingsTable
  appeal_word_frequencies: AppealWordFrequenciesTable
  fact_definitions: FactDefinitionsTable
  fact_imports: FactImportsTable
  enterprise_facts: EnterpriseFactsTable
  enterprise_fact_values: EnterpriseFactValuesTable
  fact_source_departments: FactSourceDepartmentsTable
  policies: PoliciesTable
  policy_versions: PolicyVersionsTable
  policy_settings: PolicySettingsTable
  policy_attachments: PolicyAttachmentsTable
  benefit_items: BenefitItemsTable
  benefit_rule_versions: BenefitRuleVersionsTable
  policy_match_chunks: PolicyMatchChunksTable
  policy_match_runs: PolicyMatchRunsTable
  policy_match_counts: PolicyMatchCountsTable
  policy_match_state: PolicyMatchStateTable
  policy_pushes: PolicyPushesTable
  policy_push_candidates: PolicyPushCandidatesTable
  policy_subscriptions: PolicySubscriptionsTable
  enterprise_needs: EnterpriseNeedsTable
  benefit_claim_counters: BenefitClaimCountersTable
  benefit_claims: BenefitClaimsTable
  benefit_claim_materials: BenefitClaimMaterialsTable
  benefit_claim_events: BenefitClaimEventsTable
  benefit_payout_batches: BenefitPayoutBatchesTable
  benefit_payouts: BenefitPayoutsTable
  benefit_budget_locks: BenefitBudgetLocksTable
  settlement_accounts: SettlementAccountsTable
  settlement_account_codes: SettlementAccountCodesTable
  legal_documents: LegalDocumentsTable
  legal_acceptances: LegalAcceptancesTable
  data_exports: DataExportsTable
}

// Benefits (migration 0014)

export type BenefitClaimStatus =
  | 'consented'
  | 'submitted'
  | 'supplement_requested'
  | 'recommended'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'paid'
  | 'excluded'

export type BenefitClaimCountersTable = {
  year: number
  last: number
}

export type BenefitClaimsTable = {
  id: Generated<string>
  number: string
  item_id: string
  policy_id: string
  enterprise_id: string
  department_id: string
  mode: 'no_application' | 'fast_application' | 'standard_application'
  status: BenefitClaimStatus
  submitted_by: string
  idempotency_key: string
  /** SHA-256 of the claiming request (kernel/idempotency.ts); null before migration 0025 */
  request_fingerprint: string | null
  item_snapshot: Json<Record<string, unknown>>
  explanation: Json<Record<string, unknown>>
  outcome_at_claim: 'eligible' | 'undetermined'
  expected_amount: number | null
  form: ColumnType<Record<string, unknown>, string | undefined, string>
  due_at: Date | null
  remaining_minutes: number | null
  supplement_count: Generated<number>
  recommendation: 'approve' | 'reject' | null
  recommended_amount: number | null
  recommendation_note: string | null
  recommended_by: string | null
  recommended_at: Date | null
  approved_amount: number | null
  decision_reason: string | null
  decided_by: string | null
  decided_at: Date | null
  status_reason: string | null
  closed_at: Date | null
  rating_level: number | null
  rating_comment: string | null
  rated_by: string | null
  rated_at: Date | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export type BenefitClaimMaterialsTable = {
  id: Generated<string>
  claim_id: string | null
  material_key: string | null
  round: number | null
  file_name: string
  content_type: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
  superseded_at: Date | null
}

export type BenefitClaimEventsTable = {
  id: Generated<number>
  claim_id: string
  at: Timestamp
  type: string
  actor_user_id: string | null
  actor_role: string | null
  note: string | null
  data: Json<Record<string, unknown>>
  audience: Generated<Audience>
  note_audience: Generated<Audience>
}

export type BenefitPayoutBatchesTable = {
  id: Generated<string>
  item_id: string
  department_id: string
  paid_on: string
  paid_count: number
  excluded_count: number
  total: number
  note: string | null
  confirmed_by: string
  confirmed_at: Timestamp
}

export type BenefitPayoutsTable = {
  id: Generated<string>
  claim_id: string
  item_id: string
  enterprise_id: string
  batch_id: string | null
  amount: number
  paid_on: string
  recorded_by: string
  recorded_at: Timestamp
  /** the settlement account paid to, copied (null only for payouts recorded before migration 0022) */
  account_id: string | null
  account_version: number | null
  account_name: string | null
  bank_name: string | null
  account_number: string | null
}

export type BenefitBudgetLocksTable = {
  item_id: string
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

export type EnterpriseClaimFilesTable = {
  id: Generated<string>
  file_name: string
  content_type: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Generated<Date>
}

export type EnterpriseClaimMethod = 'legal_rep_code' | 'manager_approval' | 'licence_review'
export type EnterpriseClaimStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired'

export type EnterpriseClaimsTable = {
  id: Generated<string>
  enterprise_id: string
  claimant_id: string
  method: EnterpriseClaimMethod
  status: Generated<EnterpriseClaimStatus>
  note: string | null
  code_phone: string | null
  code_hash: string | null
  code_sent_at: Date | null
  code_expires_at: Date | null
  codes_sent: Generated<number>
  code_attempts: Generated<number>
  claimant_name: string | null
  id_number_masked: string | null
  identity_check: Json<Record<string, unknown>> | null
  licence_file_id: string | null
  granted_role: 'manager' | 'agent' | null
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type EnterpriseDisputesTable = {
  id: Generated<string>
  enterprise_id: string
  reported_by: string
  reason: string
  contact_phone: string | null
  status: Generated<'open' | 'resolved'>
  resolution: string | null
  resolved_by: string | null
  resolved_at: Date | null
  created_at: Generated<Date>
}

// Settlement accounts (migration 0022)

export type SettlementAccountsTable = {
  id: Generated<string>
  enterprise_id: string
  version: number
  account_name: string
  bank_name: string
  account_number: string
  change_reason: string | null
  set_by: string | null
  set_at: Generated<Date>
  superseded_at: Date | null
  is_demo: Generated<boolean>
}

export type SettlementAccountCodesTable = {
  id: Generated<string>
  enterprise_id: string
  user_id: string
  phone: string
  code_hash: string
  sent_at: Generated<Date>
  expires_at: Date
  attempts: Generated<number>
  used_at: Date | null
}

// Privacy: legal documents, acceptances, data exports (migration 0023)

export type LegalDocumentsTable = {
  id: Generated<string>
  kind: 'privacy_notice' | 'terms_of_use' | 'staff_notice'
  version: number
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  change_summary_zh: string
  change_summary_en: string
  effective_on: string
  effective_at: Date
  published_by: string | null
  published_at: Timestamp
}

export type LegalAcceptancesTable = {
  id: Generated<string>
  user_id: string
  document_id: string
  accepted_at: Timestamp
  ip: string | null
  user_agent: string | null
  withdrawn_at: Date | null
}

export type DataExportsTable = {
  id: Generated<string>
  user_id: string
  scope: 'personal' | 'enterprise'
  enterprise_id: string | null
  format: 'json' | 'xlsx'
  size_bytes: number
  exported_at: Timestamp
}
