/**
 * The facts module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { checkFactValue } from './fact-values'
export { divisionNamer, isDivisionCode } from './fact-schema'
export type { LoadedSchema } from './fact-schema'
export { factReader } from './fact-reader'
export type { FactReader, RuleSchema } from './fact-reader'
export type { FactSheet } from './fact-sheets'
export { listFactDefinitions } from './fact-definitions.service'
export { getEnterpriseFacts, getFactHistory } from './enterprise-facts.service'
