import type { ColumnType, Generated } from 'kysely'

/**
 * Row types of the kernel's tables (audit, sessions, users and roles, calendar, the outbox, the
 * counters), written to match server/migrations; a module's tables are in `<module>.tables.ts` beside
 * its queries. A migration and its row type change in the same commit — server/test/row-types.test.ts
 * compares them with the migrated database. Timestamps read as Date; `date` columns as 'YYYY-MM-DD'.
 */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
export type Json<T = unknown> = ColumnType<T, string, string>

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
  /** a sealed recipient: `<kind>:<id>`, resolved at delivery (kernel/notify/sealed-recipients.ts) */
  recipient_ref: Generated<string | null>
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

export type AppealCountersTable = { year: number; last: number }

/**
 * The database as Kysely sees it: the kernel's tables here; each module adds its own from its
 * `<module>.tables.ts` by declaration merging (docs/decisions/0036).
 */
export interface DB {
  audit_log: AuditLogTable
  audit_checkpoints: AuditCheckpointsTable
  calendar_notices: CalendarNoticesTable
  calendar_days: CalendarDaysTable
  calendar_settings: CalendarSettingsTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  auth_throttles: AuthThrottlesTable
  trusted_devices: TrustedDevicesTable
  enterprise_members: EnterpriseMembersTable
  notifications: NotificationsTable
  notification_deliveries: NotificationDeliveriesTable
  notification_reads: NotificationReadsTable
  appeal_counters: AppealCountersTable
  benefit_claim_counters: BenefitClaimCountersTable
}

export type BenefitClaimCountersTable = {
  year: number
  last: number
}
