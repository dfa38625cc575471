import type { Tx } from '../../kernel/db/database'
import type { CapExemption, InspectionKind } from './inspections.tables'

/**
 * Checks a planned inspection must pass before it is written, registered by the modules that own
 * them (the caps of item 2 register theirs when they load). Planning runs every check inside its
 * transaction, after the rows of the plan are validated and before they are written: a refusal
 * throws the checker's own AppError and nothing is written.
 */
export type PlannedInspection = {
  enterpriseId: string
  departmentId: string
  kind: InspectionKind
  itemIds: readonly string[]
  /** 'YYYY-MM-DD', the city's date */
  plannedOn: string
  capExemption: CapExemption | null
  plannedBy: string
  /** The inspection's id when planning draws it before the row is written: a check links what it
   * uses up to it (a bureau-granted cap exemption, decision 0060). */
  inspectionId?: string
}

/** What a check may add to the plan: e.g. the joint visit it proposes (综合查一次). */
export type PlanCheckOutcome = { notes?: string[] } | void

export type PlanCheck = (tx: Tx, plan: PlannedInspection) => Promise<PlanCheckOutcome>

const checks: { name: string; check: PlanCheck }[] = []

export function registerPlanCheck(name: string, check: PlanCheck): void {
  if (checks.some((c) => c.name === name)) return
  checks.push({ name, check })
}

export async function runPlanChecks(tx: Tx, plan: PlannedInspection): Promise<string[]> {
  const notes: string[] = []
  for (const { check } of checks) {
    const outcome = await check(tx, plan)
    if (outcome?.notes) notes.push(...outcome.notes)
  }
  return notes
}
