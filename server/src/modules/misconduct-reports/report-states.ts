import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { misconductReportsErrors } from './misconduct-reports.errors'

type ReportRefusal = keyof typeof misconductReportsErrors

/**
 * The life of a misconduct report (检举控告工作规则, 2020), as the case kit's table. Every move is the
 * discipline inspector's: nobody else holds any role on a report.
 *
 *   received ─accept→ accepted ─investigate→ investigating ─close (result)→ closed
 *   received ─not_accept (reason)→ not_accepted
 *   received, accepted ─transfer (to another organ, within 5 working days)→ transferred
 *   investigating ─record_findings→ investigating
 *   closed ─notify_result (the reporter is told, within 15 working days)→ closed
 *   investigating, closed ─open_supervision | propose_exposure→ (the same state, linked)
 *   any ─reveal_reporter→ (the same state: the sealed identity was read, on the record)
 */
export const REPORT_STATES = {
  received: 'open',
  accepted: 'open',
  investigating: 'open',
  not_accepted: 'closed',
  transferred: 'closed',
  closed: 'closed',
} as const satisfies Record<string, StateCategory>

export type ReportStateName = keyof typeof REPORT_STATES
export type ReportRole = 'discipline_inspector'
export type ReportAction =
  | 'accept'
  | 'not_accept'
  | 'transfer'
  | 'investigate'
  | 'record_findings'
  | 'close'
  | 'notify_result'
  | 'open_supervision'
  | 'propose_exposure'
  | 'reveal_reporter'

const inspector = ['discipline_inspector'] as const

export const REPORT_TABLE = defineCaseTable<ReportStateName, ReportAction, ReportRole, ReportRefusal>({
  states: REPORT_STATES,
  moves: {
    accept: { from: ['received'], to: 'accepted', roles: inspector, refusal: 'REPORT_NOT_RECEIVED' },
    not_accept: { from: ['received'], to: 'not_accepted', roles: inspector, refusal: 'REPORT_NOT_RECEIVED' },
    transfer: {
      from: ['received', 'accepted'],
      to: 'transferred',
      roles: inspector,
      refusal: 'REPORT_NOT_TRANSFERABLE',
    },
    investigate: {
      from: ['accepted'],
      to: 'investigating',
      roles: inspector,
      refusal: 'REPORT_NOT_ACCEPTED',
    },
    record_findings: {
      from: ['investigating'],
      to: 'same',
      roles: inspector,
      refusal: 'REPORT_NOT_INVESTIGATING',
    },
    close: { from: ['investigating'], to: 'closed', roles: inspector, refusal: 'REPORT_NOT_INVESTIGATING' },
    notify_result: { from: ['closed'], to: 'same', roles: inspector, refusal: 'REPORT_NOT_CLOSED' },
    open_supervision: {
      from: ['investigating', 'closed'],
      to: 'same',
      roles: inspector,
      refusal: 'REPORT_NO_FINDINGS',
    },
    propose_exposure: {
      from: ['investigating', 'closed'],
      to: 'same',
      roles: inspector,
      refusal: 'REPORT_NO_FINDINGS',
    },
    reveal_reporter: {
      from: ['received', 'accepted', 'investigating', 'not_accepted', 'transferred', 'closed'],
      to: 'same',
      roles: inspector,
      refusal: 'REPORT_NOT_RECEIVED',
    },
  },
  allowFromClosed: ['notify_result', 'open_supervision', 'propose_exposure', 'reveal_reporter'],
})
