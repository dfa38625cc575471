import type { ColumnType, Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { PlanTaskState } from './plan-task-states'

/** Row types of the action plan's tables, written to match server/migrations (change both in one commit). */

type Ids = ColumnType<string[], string[] | undefined, string[]>

export type ActionPlanAreasTable = {
  id: Generated<string>
  position: number
  name: string
  summary: Generated<string>
}

export type PlanTasksTable = {
  id: Generated<string>
  area_id: string
  title: string
  description: Generated<string>
  expected_output: string
  owner_department_id: string
  /** 'YYYY-MM-DD', the city's date */
  deadline: string
  status: Generated<PlanTaskState>
  progress: Generated<number>
  review_note: string | null
  submitted_at: Date | null
  accepted_at: Date | null
  reminded_at: Date | null
  escalated_at: Date | null
  supervision_case_id: string | null
  created_by: string
  created_at: Timestamp
  version: Generated<number>
}

export type PlanTaskEventsTable = CaseEventColumns & { plan_task_id: string }

export type PlanTaskFilesTable = {
  id: Generated<string>
  task_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export type PlanTaskReportKind = 'progress' | 'completion'

export type PlanTaskReportsTable = {
  id: Generated<string>
  task_id: string
  kind: PlanTaskReportKind
  percent: number
  text: string
  evidence_ids: Ids
  reported_by: string
  reported_at: Timestamp
  seq: Generated<string>
}

declare module '../../kernel/db/schema' {
  interface DB {
    action_plan_areas: ActionPlanAreasTable
    plan_tasks: PlanTasksTable
    plan_task_events: PlanTaskEventsTable
    plan_task_files: PlanTaskFilesTable
    plan_task_reports: PlanTaskReportsTable
  }
}
