import type { Updateable } from 'kysely'
import type { UserActor } from '../../kernel/auth/actor'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { CommitmentsTable } from './commitments.tables'
import * as q from './commitments.queries'
import type { CommitmentRow, CommitmentScope } from './commitments.queries'
import {
  COMMITMENT_TABLE,
  type CommitmentAction,
  type CommitmentRole,
  type CommitmentState,
} from './commitment-states'

/**
 * The commitment on the case kit (kernel/cases): how it is stored, and which roles the caller
 * holds on it. The kit's runner does the rest the same way for every case: lock, check the role,
 * ask the table, do the action's work, then write the new state, the timeline event and the audit
 * row — all in one transaction.
 */
type CommitmentChanges = Updateable<CommitmentsTable>

export type CommitmentContext = { deps: AppDeps; tx: Tx; actor: UserActor; row: CommitmentRow; now: Date }

export type CommitmentOutcome = CaseOutcome<CommitmentState, CommitmentChanges>

const COMMITMENT_KIND: CaseKind<
  CommitmentRow,
  CommitmentState,
  CommitmentAction,
  CommitmentRole,
  ErrorCode,
  never,
  CommitmentChanges,
  string
> = {
  entityType: 'commitment',
  table: COMMITMENT_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateCommitment(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.commitmentEventInsert(tx, row.id, event),
}

/**
 * Runs an action on one commitment the caller may see (any other is "not found"); answers its id.
 * `rolesOf` says which roles the caller holds on the locked row: its owning unit's role, the bureau.
 */
export async function runCommitmentAction(
  deps: AppDeps,
  user: UserActor,
  scope: CommitmentScope,
  rolesOf: (row: CommitmentRow) => CommitmentRole[],
  id: string,
  action: CommitmentAction,
  work: (ctx: CommitmentContext) => Promise<CommitmentOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    COMMITMENT_KIND,
    action,
    async (tx) => {
      const row = await q.lockCommitment(tx, id, scope)
      if (!row) return undefined
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles: rolesOf(row) }
    },
    work,
  )
}
