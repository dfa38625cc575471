/**
 * The supervision module's public face: what other modules may use. Everything else in the folder is
 * private to it (a lint rule holds the line; docs/decisions/0036).
 *
 * Sources open cases through these, in the caller's transaction, once per cause:
 * - appeals' clock sweep: openSupervisionCaseForAppeal;
 * - services' licensing clock sweep: openSupervisionCaseForDeemedAcceptance;
 * - ratings: the module listens itself (supervision-ratings.ts);
 * - overdue payments: openSupervisionCases (many at once) with source 'overdue_payment', subject 'payable';
 *   overdue promises and contracts with source 'overdue_commitment', subject 'commitment';
 * - overdue action-plan tasks: openSupervisionCase with source 'overdue_plan_task', subject 'plan_task'.
 */
export {
  countOpenCases,
  openSupervisionCase,
  openSupervisionCases,
  openSupervisionCaseForAppeal,
  openSupervisionCaseForDeemedAcceptance,
  type OpenSupervisionCaseRequest,
} from './supervision.service'
export {
  supervisionFigures,
  type SupervisionFigures,
  type SupervisionUnitFigures,
} from './supervision-figures'
export { seedDemoSupervisionCases } from './supervision-demo'
