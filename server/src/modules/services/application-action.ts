import type { Updateable } from 'kysely'
import type { SystemActor, UserActor } from '../../kernel/auth/actor'
import {
  applyCaseAction,
  runCaseAction,
  type CaseKind,
  type CaseOutcome,
} from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import { notFound, type ErrorCode } from '../../kernel/errors'
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

export type ApplicationContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor | SystemActor
  row: ApplicationRow
  /** The roles the caller holds on this application ('system' for the clock's moves). */
  roles: readonly ApplicationRole[] | 'system'
  now: Date
}

export type ApplicationOutcome = CaseOutcome<ApplicationState, ApplicationChanges>

const APPLICATION_KIND: CaseKind<
  ApplicationRow,
  ApplicationState,
  ApplicationAction,
  ApplicationRole,
  ErrorCode,
  never,
  ApplicationChanges,
  ApplicationRow
> = {
  entityType: 'application',
  table: APPLICATION_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: (tx, row, changes, to) => q.updateApplication(tx, row.id, { ...changes, status: to }),
  eventInsert: (tx, row, event) => q.applicationEventInsert(tx, row.id, event),
}

/**
 * The roles a user holds on one application: its applicant is whoever opened it; handlers and
 * heads of the matter's department review it. Nobody else holds any (and sees nothing of it).
 */
export function rolesOn(user: UserActor, row: Pick<ApplicationRow, 'created_by' | 'department_id'>) {
  const roles: ApplicationRole[] = []
  if (user.userKind === 'enterprise') {
    if (row.created_by === user.userId) roles.push('applicant')
    return roles
  }
  for (const grant of user.roles)
    if (
      (grant.role === 'handler' || grant.role === 'department_head') &&
      grant.departmentId === row.department_id &&
      !roles.includes(grant.role)
    )
      roles.push(grant.role)
  return roles
}

/**
 * Runs an action on one application the caller holds a role on (any other is "not found"), and
 * answers the application as saved. The table decides whether those roles may make the move.
 */
export async function runApplicationAction(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: ApplicationAction,
  work: (ctx: ApplicationContext) => Promise<ApplicationOutcome>,
): Promise<ApplicationRow> {
  return runCaseAction(
    deps.db,
    APPLICATION_KIND,
    action,
    async (tx) => {
      const row = await q.lockApplicationById(tx, id)
      if (!row) return undefined
      const roles = rolesOn(user, row)
      if (roles.length === 0) return undefined
      return { ctx: { deps, tx, actor: user, row, roles, now: new Date() }, roles }
    },
    work,
  )
}

/** Runs a move of the clock's (deemed acceptance, termination) on an application the caller locked. */
export async function runSystemApplicationAction(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor,
  row: ApplicationRow,
  action: ApplicationAction,
  now: Date,
  work: (ctx: ApplicationContext) => Promise<ApplicationOutcome>,
): Promise<ApplicationRow> {
  const ctx: ApplicationContext = { deps, tx, actor, row, roles: 'system', now }
  return applyCaseAction(APPLICATION_KIND, ctx, action, 'system', work)
}

/**
 * The same as runApplicationAction inside the caller's transaction (a submission a bundle makes with
 * its other parts): locks the application, works out the caller's roles, applies the move.
 */
export async function runApplicationActionInTransaction(
  deps: AppDeps,
  tx: Tx,
  user: UserActor,
  id: string,
  action: ApplicationAction,
  work: (ctx: ApplicationContext) => Promise<ApplicationOutcome>,
): Promise<ApplicationRow> {
  const row = await q.lockApplicationById(tx, id)
  const roles = row ? rolesOn(user, row) : []
  if (!row || roles.length === 0) throw notFound()
  const ctx: ApplicationContext = { deps, tx, actor: user, row, roles, now: new Date() }
  return applyCaseAction(APPLICATION_KIND, ctx, action, roles, work)
}
