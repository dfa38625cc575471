/**
 * The benchmarks module's public face: what other modules may use. The module that owns the data of
 * a catalogued indicator (e.g. the commitments ledger for `arrearsDays`) registers its formula here.
 */
export { registerComputedIndicator, type ComputedPart, type IndicatorFormula } from './benchmark-registry'
export { seedDemoBenchmarks } from './benchmarks.demo'
