/**
 * The policies module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { countMatches, countPushes, findEvaluationItems, findFirstPushes } from './policy-evaluation.queries'
export {
  explainForEnterprise,
  explainForEnterprises,
  findInForceItem,
  listMatches,
} from './policy-matches.service'
export { getSubscription, listMyNeeds } from './policy-needs.service'
export type { CompiledItem, Explanation } from './policy-rules'
