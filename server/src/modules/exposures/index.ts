/**
 * The exposures module's public face: what other modules may use (docs/decisions/0036). A misconduct
 * report's findings are proposed with insertProposal inside the report's transaction.
 */
export { countExposureWork, insertProposal, seedDemoExposuresIfEmpty } from './exposures.service'
