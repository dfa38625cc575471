import { defineCaseTable, type StateCategory } from '../../kernel/cases/transitions'
import type { commitmentsErrors } from './commitments.errors'

/** A refused move answers with one of the module's own codes (its errors file, decision 0036). */
type CommitmentRefusal = keyof typeof commitmentsErrors

/**
 * The life of one commitment as data (the case kit's table, kernel/cases). The sweep moves open →
 * overdue in bulk (commitments.sweep.ts, the same move written set-wise for 100,000 rows); everything
 * a person does goes through this table.
 *
 *   open ─(sweep)→ overdue ─reschedule→ rescheduled (its instalments carry the debt)
 *   open | overdue ─pay→ same, or settled when nothing undisputed is left
 *   open | overdue ─fulfil→ settled (a promise delivered)
 *
 * A verified breach is counted on the row by the complaint's verification, whatever the state.
 */
export const COMMITMENT_STATE_CATEGORIES = {
  open: 'open', // not yet due, or due today
  overdue: 'open', // past its day and not settled; a payable accrues interest
  rescheduled: 'paused', // an agreed repayment plan carries it: its instalments are the debt now
  settled: 'closed', // delivered, or the undisputed part paid
} as const satisfies Record<string, StateCategory>

export type CommitmentState = keyof typeof COMMITMENT_STATE_CATEGORIES

export type CommitmentAction = 'pay' | 'fulfil' | 'reschedule'

/** The roles a person holds on one commitment: its owning unit's role, or the bureau. */
export type CommitmentRole = 'owner' | 'bureau'

export const COMMITMENT_TABLE = defineCaseTable<
  CommitmentState,
  CommitmentAction,
  CommitmentRole,
  CommitmentRefusal
>({
  states: COMMITMENT_STATE_CATEGORIES,
  moves: {
    pay: { from: ['open', 'overdue'], to: 'same', roles: ['owner'], refusal: 'COMMITMENT_NOT_PAYABLE_NOW' },
    fulfil: { from: ['open', 'overdue'], to: 'settled', roles: ['owner'], refusal: 'COMMITMENT_NOT_OPEN' },
    reschedule: {
      from: ['overdue'],
      to: 'rescheduled',
      roles: ['owner', 'bureau'],
      refusal: 'COMMITMENT_NOT_OVERDUE',
    },
  },
})
