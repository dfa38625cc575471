import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../../kernel/db/schema'

/**
 * Row types of the inspection results' tables (migration 0052, decision 0062), written to match it
 * (change both in one commit).
 */

export type LeniencyList = 'first_offence' | 'minor_offence'
export type LeniencyScope = 'national' | 'provincial' | 'municipal'
/** The conditions the lists set; 'first_offence' is also checked against the enterprise's record. */
export type LeniencyConditionKey = 'first_offence' | 'minor_harm' | 'no_harm' | 'corrected_in_time'
export type LeniencyCondition = { key: LeniencyConditionKey; text: string }
export type ResultOutcome = 'no_problem' | 'problem_found'
export type ProblemDecision = 'leniency' | 'not_applied' | 'penalty'
export type CorrectionStatus = 'open' | 'corrected' | 'not_corrected'

export type LeniencyEntriesTable = {
  id: Generated<string>
  code: string
  version: Generated<number>
  list: LeniencyList
  scope: LeniencyScope
  title: string
  provision: string
  conditions: Json<LeniencyCondition[]>
  lookback_months: Generated<number>
  source: string
  issuer: string
  /** 'YYYY-MM-DD' */
  effective_on: string
  text_verified: Generated<boolean>
  created_by: string | null
  created_at: Timestamp
}

export type InspectionResultsTable = {
  inspection_id: string
  outcome: ResultOutcome
  summary: Generated<string>
  internal_note: Generated<string>
  recorded_by: string
  recorded_at: Date
  recheck_due_at: Date | null
  recheck_inspection_id: string | null
  recheck_planned_at: Date | null
}

export type InspectionProblemsTable = {
  id: Generated<string>
  inspection_id: string
  position: number
  enterprise_id: string
  department_id: string
  recorded_at: Date
  description: string
  provision: string
  earlier_problem_id: string | null
  decision: ProblemDecision
  leniency_entry_id: string | null
  confirmed_conditions: Generated<string[]>
  reason: string | null
  penalty: string | null
  correction: string
  correction_due_at: Date
  correction_status: Generated<CorrectionStatus>
}

declare module '../../kernel/db/schema' {
  interface DB {
    leniency_entries: LeniencyEntriesTable
    inspection_results: InspectionResultsTable
    inspection_problems: InspectionProblemsTable
  }
}
