/**
 * The appeals module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 */
export { listEnterpriseAppealViews } from './appeals-read.service'
export { countAppealWork } from './appeals-worklist.service'
// The 办不成事 desk (services) files through the pool's own intake and links the appeal both ways.
export { fileIntoPool, type IntakeInput } from './appeals-intake.service'
export { findLinkedAppeal, maySeeAppeal } from './appeals-links.service'
// Problem classes (problem-classes) group appeals and bad ratings' comments by the same words.
export { wordsOf } from './words'
