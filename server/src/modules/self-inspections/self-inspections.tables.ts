import type { ColumnType, Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { SelfInspectionAnswerState } from './self-inspection-answer-states'
import type { SelfInspectionRectificationState } from './self-inspection-rectification-states'

/** Row types of the self-inspections module's tables, written to match server/migrations (change both in one commit). */

type Ids = ColumnType<string[], string[] | undefined, string[]>

export type SelfInspectionTasksTable = {
  id: Generated<string>
  title: string
  scope: string
  basis: string
  /** 'YYYY-MM-DD', the city's date */
  deadline: string
  issued_by: string
  issued_at: Timestamp
}

export type SelfInspectionItemsTable = {
  id: Generated<string>
  task_id: string
  position: number
  text: string
  guidance: Generated<string>
}

export type SelfInspectionAnswersTable = {
  id: Generated<string>
  task_id: string
  department_id: string
  status: Generated<SelfInspectionAnswerState>
  review_note: string | null
  submitted_at: Date | null
  accepted_at: Date | null
  reminded_at: Date | null
  version: Generated<number>
}

export type SelfInspectionAnswerEventsTable = CaseEventColumns & { self_inspection_answer_id: string }

export type SelfInspectionFilesTable = {
  id: Generated<string>
  answer_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export type SelfInspectionFinding = 'no_problem' | 'problem'

export type SelfInspectionFindingsTable = {
  id: Generated<string>
  answer_id: string
  item_id: string
  finding: SelfInspectionFinding
  description: Generated<string>
  evidence_ids: Ids
  plan_measure: string | null
  plan_owner: string | null
  plan_due_date: string | null
  return_note: string | null
}

export type SelfInspectionRectificationsTable = {
  id: Generated<string>
  answer_id: string
  finding_id: string
  department_id: string
  measure: string
  owner: string
  due_date: string
  status: Generated<SelfInspectionRectificationState>
  done_note: string | null
  done_evidence_ids: Ids
  done_at: Date | null
  confirmed_at: Date | null
  opened_at: Timestamp
  version: Generated<number>
}

declare module '../../kernel/db/schema' {
  interface DB {
    self_inspection_tasks: SelfInspectionTasksTable
    self_inspection_items: SelfInspectionItemsTable
    self_inspection_answers: SelfInspectionAnswersTable
    self_inspection_answer_events: SelfInspectionAnswerEventsTable
    self_inspection_files: SelfInspectionFilesTable
    self_inspection_findings: SelfInspectionFindingsTable
    self_inspection_rectifications: SelfInspectionRectificationsTable
  }
}
