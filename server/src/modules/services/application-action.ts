import type { Updateable } from 'kysely'
import type { UserActor } from '../../kernel/auth/actor'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { ApplicationsTable } from './services.tables'
import * as q from './services.queries'
import type { ApplicationRow } from './services.queries'
import {
  APPLICATION_TABLE,
  type ApplicationAction,
  type ApplicationRole,
  type ApplicationState,
} from './application-states'

/**
 * The application on the case kit (kernel/cases): how it is stored, and which roles the caller
 * holds on it. The kit's runner does the rest the same way for every case: lock, check the role,
 * ask the table, do the action's work, then write the new state, the timeline event and the audit
 * row — all in one transaction.
 */
type ApplicationChanges = Updateable<ApplicationsTable>

export type ApplicationContext = { deps: AppDeps; tx: Tx; actor: UserActor; row: ApplicationRow; now: Date }

export type ApplicationOutcome = Omit<CaseOutcome<ApplicationState, ApplicationChanges>, 'to'>

const APPLICATION_KIND: CaseKind<
  ApplicationRow,
  ApplicationState,
  ApplicationAction,
  ApplicationRole,
  ErrorCode,
  never,
  ApplicationChanges,
  string
> = {
  entityType: 'application',
  table: APPLICATION_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateApplication(tx, row.id, { ...changes, status: to })
    return row.id
  },
  insertEvent: (tx, row, event) => q.insertApplicationEvent(tx, row.id, event),
}

/**
 * Runs an action on one application of the caller's (another's is "not found"); answers its id.
 * Whoever opened it is its applicant.
 */
export async function runApplicationAction(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: ApplicationAction,
  work: (ctx: ApplicationContext) => Promise<ApplicationOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    APPLICATION_KIND,
    action,
    async (tx) => {
      const row = await q.lockApplication(tx, id, user.userId)
      if (!row) return undefined
      const roles: ApplicationRole[] = ['applicant']
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles }
    },
    work,
  )
}
