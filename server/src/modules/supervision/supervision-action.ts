import type { Updateable } from 'kysely'
import type { SystemActor, UserActor } from '../../kernel/auth/actor'
import {
  applyCaseAction,
  runCaseAction,
  type CaseKind,
  type CaseOutcome,
} from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './supervision.queries'
import type { LockedSupervisionCase } from './supervision.queries'
import type { SupervisionCasesTable } from './supervision.tables'
import {
  SUPERVISION_TABLE,
  type SupervisionAction,
  type SupervisionRole,
  type SupervisionState,
} from './supervision-states'

/**
 * The supervision case on the case kit (kernel/cases): how it is stored, and which roles the caller
 * holds on it. The kit's runner locks, checks the role and the state, runs the move's work, then
 * writes the new state, the ladder's timeline event and the audit row, in one transaction.
 */
type SupervisionChanges = Updateable<SupervisionCasesTable>

export type SupervisionContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor | SystemActor
  row: LockedSupervisionCase
  now: Date
}

export type SupervisionOutcome = CaseOutcome<SupervisionState, SupervisionChanges>

const SUPERVISION_KIND: CaseKind<
  LockedSupervisionCase,
  SupervisionState,
  SupervisionAction,
  SupervisionRole,
  ErrorCode,
  never,
  SupervisionChanges,
  string
> = {
  entityType: 'supervision_case',
  table: SUPERVISION_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateSupervisionCase(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.supervisionEventInsert(tx, row.id, event),
}

/**
 * The roles a user holds on one case: the bureau (task force, leadership) on every case; a head of
 * the case's unit on its cases. Readers (discipline inspection, the unit's handlers) hold none.
 */
export function rolesOn(user: UserActor, row: { department_id: string | null }): SupervisionRole[] {
  const roles: SupervisionRole[] = []
  if (user.roles.some((g) => g.role === 'dispatcher' || g.role === 'bureau_leader')) roles.push('bureau')
  if (
    row.department_id &&
    user.roles.some((g) => g.role === 'department_head' && g.departmentId === row.department_id)
  )
    roles.push('department_head')
  return roles
}

/** The moves the caller may make on a case now: the table's, for their roles, from its state. */
export function allowedActions(
  roles: readonly SupervisionRole[],
  row: { status: SupervisionState; level: string },
): SupervisionAction[] {
  return SUPERVISION_TABLE.actions.filter(
    (a) =>
      SUPERVISION_TABLE.mayTake(a, roles) &&
      SUPERVISION_TABLE.move(row.status, a).ok &&
      !(a === 'escalate' && row.level === 'city'),
  )
}

/**
 * Runs a move on one case. `visible` says whether the caller may see the case at all (anything else
 * is "not found"); the table decides whether their roles may make the move.
 */
export async function runSupervisionAction(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: SupervisionAction,
  visible: (row: LockedSupervisionCase) => boolean,
  work: (ctx: SupervisionContext) => Promise<SupervisionOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    SUPERVISION_KIND,
    action,
    async (tx) => {
      const row = await q.lockSupervisionCase(tx, id)
      if (!row || !visible(row)) return undefined
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles: rolesOn(user, row) }
    },
    work,
  )
}

/** A move of the sweep's (escalation) on a case the caller locked, inside its transaction. */
export async function runSystemSupervisionAction(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor,
  row: LockedSupervisionCase,
  action: SupervisionAction,
  now: Date,
  work: (ctx: SupervisionContext) => Promise<SupervisionOutcome>,
): Promise<string> {
  return applyCaseAction(SUPERVISION_KIND, { deps, tx, actor, row, now }, action, 'system', work)
}
