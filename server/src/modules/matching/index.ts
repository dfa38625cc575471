/**
 * The matching module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
// an enterprise's outcome for an item, explained (benefits, privacy)
export {
  explainForEnterprise,
  explainForEnterprises,
  findInForceItem,
  listMatches,
} from './explanations.service'
// what the policies module's publication asks of the engine: the queue it sends, and a preview's run
export { MATCH_ITEMS_QUEUE } from './matching.jobs'
export { andNot, countBits, setBits, type Bitmap } from './match-bitmap'
export { CHUNK_BITS } from './match-chunks'
export type { CodeColumn, Population } from './match-population'
export { combineConditions, sharedSubexpressions, VectorEvaluator, type Tri } from './match-vector'
export { syncPopulation } from './population.service'
export { findChunks, findCounts, lockMatchState } from './matching.queries'
