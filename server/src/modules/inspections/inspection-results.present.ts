import type { Selectable } from 'kysely'
import { definePresenter } from '../../kernel/present'
import type { InspectionRow, LeniencyEntryRow, ProblemRow } from './inspection-results.queries'
import type {
  EnterpriseResultAnswer,
  LeniencyEntryAnswer,
  StaffResultAnswer,
} from './inspection-results.schema'
import type { InspectionResultsTable, LeniencyCondition } from './inspection-results.tables'

/**
 * The result's answers, each from an allow-list (kernel/present.ts): the enterprise's view names the
 * fields it may see — no internal note, no author, no link to earlier offences — rather than removing
 * things from the staff's view.
 */

const presentEntryColumns = definePresenter({
  id: 'id',
  code: 'code',
  version: 'version',
  list: 'list',
  scope: 'scope',
  title: 'title',
  provision: 'provision',
  lookbackMonths: 'lookback_months',
  source: 'source',
  issuer: 'issuer',
  effectiveOn: 'effective_on',
  textVerified: 'text_verified',
})

export function presentEntry(row: LeniencyEntryRow): LeniencyEntryAnswer {
  return { ...presentEntryColumns(row), conditions: row.conditions as LeniencyCondition[] }
}

const presentHead = definePresenter({
  id: 'id',
  number: 'number',
  kind: 'kind',
  status: 'status',
  version: 'version',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  plannedOn: 'planned_on',
  parentInspectionId: 'parent_inspection_id',
})

const presentStaffProblem = definePresenter({
  id: 'id',
  position: 'position',
  description: 'description',
  provision: 'provision',
  earlierProblemId: 'earlier_problem_id',
  decision: 'decision',
  confirmedConditions: 'confirmed_conditions',
  reason: 'reason',
  penalty: 'penalty',
  correction: 'correction',
  correctionDueAt: 'correction_due_at',
  correctionStatus: 'correction_status',
})

const presentStaffResultColumns = definePresenter({
  outcome: 'outcome',
  summary: 'summary',
  internalNote: 'internal_note',
  recordedAt: 'recorded_at',
  recheckDueAt: 'recheck_due_at',
  recheckInspectionId: 'recheck_inspection_id',
  recheckPlannedAt: 'recheck_planned_at',
})

type ResultRow = Selectable<InspectionResultsTable>

export function presentStaffResult(
  row: InspectionRow,
  result: ResultRow | null,
  problems: ProblemRow[],
  actions: StaffResultAnswer['actions'],
): StaffResultAnswer {
  return {
    inspection: presentHead(row),
    result: result
      ? {
          ...presentStaffResultColumns(result),
          problems: problems.map((p) => ({
            ...presentStaffProblem(p),
            leniencyEntry:
              p.leniency_entry_id && p.entry_code && p.entry_title && p.entry_list && p.entry_version !== null
                ? {
                    id: p.leniency_entry_id,
                    code: p.entry_code,
                    version: p.entry_version,
                    title: p.entry_title,
                    list: p.entry_list,
                  }
                : null,
          })),
        }
      : null,
    actions,
  }
}

const presentEnterpriseProblem = definePresenter({
  position: 'position',
  description: 'description',
  provision: 'provision',
  decision: 'decision',
  reason: 'reason',
  penalty: 'penalty',
  correction: 'correction',
  correctionDueAt: 'correction_due_at',
  correctionStatus: 'correction_status',
})

export function presentEnterpriseResult(
  row: InspectionRow,
  result: ResultRow,
  problems: ProblemRow[],
  recheckPlannedOn: string | null,
): EnterpriseResultAnswer {
  return {
    inspectionId: row.id,
    number: row.number,
    outcome: result.outcome,
    summary: result.summary,
    recordedAt: result.recorded_at.toISOString(),
    problems: problems.map((p) => ({
      ...presentEnterpriseProblem(p),
      // Why leniency applied: the entry and the wording of each condition confirmed.
      leniency:
        p.decision === 'leniency' && p.entry_title && p.entry_list && p.entry_source
          ? {
              title: p.entry_title,
              list: p.entry_list,
              source: p.entry_source,
              conditions: ((p.entry_conditions ?? []) as LeniencyCondition[])
                .filter((c) => p.confirmed_conditions.includes(c.key))
                .map((c) => c.text),
            }
          : null,
    })),
    recheckPlannedOn,
  }
}
