/**
 * The action plan module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { actionPlanFigures } from './action-plans.figures'
export type { ActionPlanFigures, ActionPlanUnitFigures } from './action-plans.schema'
export { seedDemoActionPlan } from './action-plans.demo'
