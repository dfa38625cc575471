/**
 * The inspection-caps module's public face: what other modules may use. Everything else in the
 * folder is private to it (a lint rule holds the line; docs/decisions/0036).
 */
/** The cap check planning runs (registered on load); exported for a caller that wants it by name. */
export { checkInspectionCaps } from './inspection-cap-check'
export { loadCapSettingsAt } from './cap-settings.service'
export { DEFAULT_CAP_SETTINGS, isCapExempt } from './cap-arithmetic'
export { seedDemoInspectionCapsIfEmpty } from './inspection-caps.demo'
