import type { ColumnType, Generated } from 'kysely'

/**
 * Row types of every table, written to match server/migrations. A migration and its table type
 * change in the same commit. Timestamps read as Date; `date` columns as 'YYYY-MM-DD' strings.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

export type AuditLogTable = {
  seq: number
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
  prev_hash: string
  hash: string
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

export type AuthFailuresTable = {
  key: string
  at: Timestamp
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
  credit_tier: Generated<'A' | 'B' | 'C' | 'D'>
  address: string | null
  contact_phone: string | null
  is_demo: Generated<boolean>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
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

export type NotificationChannel = 'inbox' | 'sms' | 'email'

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

export type DB = {
  audit_log: AuditLogTable
  calendar_notices: CalendarNoticesTable
  calendar_days: CalendarDaysTable
  calendar_settings: CalendarSettingsTable
  departments: DepartmentsTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  sign_in_challenges: SignInChallengesTable
  one_time_codes: OneTimeCodesTable
  auth_failures: AuthFailuresTable
  enterprises: EnterprisesTable
  enterprise_profile_versions: EnterpriseProfileVersionsTable
  enterprise_members: EnterpriseMembersTable
  notifications: NotificationsTable
  notification_deliveries: NotificationDeliveriesTable
  notification_reads: NotificationReadsTable
}
