/**
 * The inspections module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { registerPlanCheck, type PlannedInspection, type PlanCheck } from './inspection-plan-checks'
export { INSPECTION_TABLE, type InspectionState } from './inspection-states'
export type { CapExemption, InspectionKind, VisitPurpose } from './inspections.tables'
export { seedDemoInspections } from './inspections.demo'
export { computeResultFigures } from './inspection-results.service'
export { seedDemoInspectionResults } from './inspection-results.demo'
export { planDrawnInspections, inspectionsOfDraw, DRAWN_WINDOW_DAYS } from './inspection-draw-plans'
