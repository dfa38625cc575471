/**
 * The policies module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { countMatches, countPushes, findEvaluationItems, findFirstPushes } from './policy-evaluation.queries'
export { getSubscription, listMyNeeds } from './policy-needs.service'
// what the matching module matches: the items in force, compiled, and how an item explains itself
export { effectiveItems, loadCatalogue } from './policy-catalogue.service'
export type { Catalogue } from './policy-catalogue.service'
export { displayValue, explainItem } from './policy-rules'
export type { CompiledItem, Explanation } from './policy-rules'
export { findItemIds } from './policies.queries'
export { findSubscriptions } from './policy-needs.queries'
export { expirePolicies } from './policy-workflow.service'
