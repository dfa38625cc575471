import { registerComputedIndicator } from './benchmark-registry'
import * as q from './benchmark-formulas.queries'

/**
 * The indicators the platform computes from its own cases (docs/METRICS.md "Benchmarks"). Imported by
 * the module's entry, so they are registered wherever the module is loaded. Reads go to the read
 * database: dashboards may lag a replica by seconds.
 */
registerComputedIndicator('zeroVisitRate', (deps, p) => q.zeroVisitParts(deps.readDb, p))
registerComputedIndicator('instantRate', (deps, p) => q.instantParts(deps.readDb, p))
registerComputedIndicator('daysToDecision', (deps, p) => q.daysToDecisionParts(deps.readDb, p))
registerComputedIndicator('promisedTimeUsed', (deps, p) => q.promisedTimeUsedParts(deps.readDb, p))
registerComputedIndicator('appealResolutionRate', (deps, p) => q.appealResolutionParts(deps.readDb, p))
registerComputedIndicator('daysToReply', (deps, p) => q.daysToReplyParts(deps.readDb, p))
registerComputedIndicator('daysToCash', (deps, p) => q.daysToCashParts(deps.readDb, p))
registerComputedIndicator('inspectionsPerEnterprise', (deps, p) =>
  q.inspectionsPerEnterpriseParts(deps.readDb, p),
)
