/**
 * The facts module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { checkFactValue } from './fact-values'
export {
  cityCodeOf,
  divisionNamer,
  divisionResolver,
  feedPopulation,
  feedWholePopulation,
  findChangedEnterprises,
  findFactSeq,
  findMaxMatchIndex,
  getEnterpriseFacts,
  getFactHistory,
  isDivisionCode,
  listFactDefinitions,
  loadFactSchema,
  loadFactSheet,
  loadFactSheets,
} from './facts.service'
export type { FactSheet, LoadedSchema } from './facts.service'
