/**
 * The problem-classes module's public face: what other modules may use. Everything else in the
 * folder is private to it (a lint rule holds the line; docs/decisions/0036).
 */
// the cockpit's figures of problem classes and monthly problems (docs/METRICS.md)
export { problemClassFigures } from './problem-classes.service'
