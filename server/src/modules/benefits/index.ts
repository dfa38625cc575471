/**
 * The benefits module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { findPaidByItems } from './budget-reads.queries'
export { listEnterpriseClaims } from './claims-read.service'
export { countClaimWork } from './claims-worklist.service'
