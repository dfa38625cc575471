/**
 * The cockpit module's public face: what other modules may use (docs/decisions/0036). The
 * problem-classes module registers its figures here.
 */
export { registerProblemClassSource, type ProblemClassFigure, type ProblemClassSource } from './cockpit-hooks'
