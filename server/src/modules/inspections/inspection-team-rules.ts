import type { InspectionKind } from './inspections.tables'

/**
 * Who may make an inspection (国办发〔2024〕54号; 行政处罚法 art. 42): at least two law-enforcement
 * officers holding a certificate valid on the planned day, of the inspecting body, active, and with no
 * declared conflict of interest with the enterprise. A service visit (调研, 观摩, 督导) is not an
 * enforcement act: it is made by the body's staff, listed as visitors, and names no inspectors.
 */
export const MIN_INSPECTORS = 2

export type InspectorFacts = {
  userId: string
  departmentId: string
  active: boolean
  /** 'YYYY-MM-DD' */
  certifiedUntil: string
  hasConflict: boolean
}

export type TeamRefusal =
  | 'INSPECTION_TOO_FEW_INSPECTORS'
  | 'INSPECTOR_NOT_CERTIFIED'
  | 'INSPECTOR_IN_CONFLICT'
  | 'INSPECTION_VISITORS_REQUIRED'

export type TeamPlan = {
  kind: InspectionKind
  departmentId: string
  /** 'YYYY-MM-DD' */
  plannedOn: string
  inspectorIds: readonly string[]
  visitorIds: readonly string[]
}

/** The first rule the team breaks, with the people it concerns; null when the team may go. */
export function checkInspectionTeam(
  plan: TeamPlan,
  facts: ReadonlyMap<string, InspectorFacts>,
): { refusal: TeamRefusal; userIds: string[] } | null {
  if (plan.kind === 'service_visit')
    return plan.visitorIds.length === 0 || plan.inspectorIds.length > 0
      ? { refusal: 'INSPECTION_VISITORS_REQUIRED', userIds: [...plan.inspectorIds] }
      : null
  const ids = [...new Set(plan.inspectorIds)]
  const uncertified = ids.filter((id) => {
    const f = facts.get(id)
    return !f || !f.active || f.departmentId !== plan.departmentId || f.certifiedUntil < plan.plannedOn
  })
  if (uncertified.length) return { refusal: 'INSPECTOR_NOT_CERTIFIED', userIds: uncertified }
  const conflicted = ids.filter((id) => facts.get(id)!.hasConflict)
  if (conflicted.length) return { refusal: 'INSPECTOR_IN_CONFLICT', userIds: conflicted }
  if (ids.length < MIN_INSPECTORS) return { refusal: 'INSPECTION_TOO_FEW_INSPECTORS', userIds: ids }
  return null
}
