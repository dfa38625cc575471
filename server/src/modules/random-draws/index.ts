/**
 * The random-draws module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { seedDemoRandomDraw } from './random-draws.demo'
