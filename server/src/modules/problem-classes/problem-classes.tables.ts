import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the problem-classes module's tables, written to match server/migrations (change both in one commit). */

export type ProblemItemSource = 'appeal' | 'rating'
export type ProblemClassStatus = 'open' | 'monthly' | 'closed'

export type ProblemClusteringRunsTable = {
  id: Generated<string>
  month: string
  status: Generated<'queued' | 'running' | 'done' | 'failed'>
  requested_by: string | null
  requested_at: Timestamp
  finished_at: Date | null
  item_count: number | null
  proposal_count: number | null
  failure: string | null
}

export type ProblemProposalsTable = {
  id: Generated<string>
  run_id: string
  month: string
  rank: number
  top_words: string[]
  size: number
  department_ids: Generated<string[]>
  status: Generated<'open' | 'accepted' | 'dismissed'>
  class_id: string | null
  decided_by: string | null
  decided_at: Date | null
}

type ItemColumns = {
  id: Generated<string>
  source: ProblemItemSource
  appeal_id: string | null
  rating_id: string | null
  subject_type: string | null
  subject_id: string | null
  enterprise_id: string | null
  department_id: string | null
  title: string
}

export type ProblemProposalItemsTable = ItemColumns & { proposal_id: string }

export type ProblemClassItemsTable = ItemColumns & { class_id: string; added_at: Timestamp }

export type ProblemClassesTable = {
  id: Generated<string>
  name: string
  description: string | null
  top_words: Generated<string[]>
  status: Generated<ProblemClassStatus>
  monthly_month: string | null
  owner_department_id: string | null
  created_by: string
  created_at: Timestamp
  made_monthly_at: Date | null
  closed_at: Date | null
  closed_by: string | null
  closing_summary: string | null
  version: Generated<number>
}

export type ProblemClassTasksTable = {
  id: Generated<string>
  class_id: string
  title: string
  owner_department_id: string
  due_on: string
  created_by: string
  created_at: Timestamp
  done_at: Date | null
  done_by: string | null
  evidence: string | null
}

export type ProblemClassOutputsTable = {
  id: Generated<string>
  class_id: string
  policy_id: string | null
  reference: string | null
  note: string | null
  created_by: string
  created_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    problem_clustering_runs: ProblemClusteringRunsTable
    problem_proposals: ProblemProposalsTable
    problem_proposal_items: ProblemProposalItemsTable
    problem_classes: ProblemClassesTable
    problem_class_items: ProblemClassItemsTable
    problem_class_tasks: ProblemClassTasksTable
    problem_class_outputs: ProblemClassOutputsTable
  }
}
