import type { Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the supervision module's tables, written to match server/migrations (change both in one commit). */

export type SupervisionLevel = 'section' | 'bureau' | 'city'
export type SupervisionSource =
  | 'appeal_breach'
  | 'bad_ratings'
  | 'deemed_accepted'
  | 'overdue_payment'
  | 'overdue_plan_task'
  | 'overdue_commitment'
  | 'manual'
export type SupervisionStatus = 'open' | 'responded' | 'closed'
/**
 * What a case is about: an appeal, a service application, a unit (repeated bad ratings), a payable, a
 * plan task, a promise or contract of the government's (commitment).
 */
export type SupervisionSubjectType =
  'appeal' | 'application' | 'department' | 'payable' | 'plan_task' | 'commitment'

export type SupervisionCasesTable = {
  id: Generated<string>
  appeal_id: string | null
  department_id: string | null
  reason: string
  level: Generated<SupervisionLevel>
  status: Generated<SupervisionStatus>
  opened_at: Timestamp
  closed_at: Date | null
  source: Generated<SupervisionSource>
  closed_by: string | null
  closing_note: string | null
  version: Generated<number>
  subject_type: SupervisionSubjectType | null
  subject_id: string | null
  response_due_at: Date | null
  opened_by: string | null
  escalation_count: Generated<number>
  escalated_at: Date | null
  responded_at: Date | null
}

export type SupervisionCaseEventsTable = CaseEventColumns & { case_id: string }

export type SupervisionSettingsTable = {
  id: Generated<boolean>
  section_days: Generated<number>
  bureau_days: Generated<number>
  city_days: Generated<number>
  bad_rating_threshold: Generated<number>
  bad_rating_window_days: Generated<number>
  updated_at: Timestamp
  updated_by: string | null
}

declare module '../../kernel/db/schema' {
  interface DB {
    supervision_cases: SupervisionCasesTable
    supervision_case_events: SupervisionCaseEventsTable
    supervision_settings: SupervisionSettingsTable
  }
}
