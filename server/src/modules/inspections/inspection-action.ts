import type { Updateable } from 'kysely'
import { departmentsWhere, type UserActor } from '../../kernel/auth/actor'
import {
  applyCaseAction,
  runCaseAction,
  type CaseKind,
  type CaseOutcome,
} from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './inspections.queries'
import type { LockedInspection } from './inspections.queries'
import type { InspectionsTable } from './inspections.tables'
import {
  INSPECTION_TABLE,
  type InspectionAction,
  type InspectionRole,
  type InspectionState,
} from './inspection-states'

/**
 * The inspection on the case kit (kernel/cases): how it is stored and which roles the caller holds
 * on it. The kit's runner locks, checks the role and the state, runs the move's work, then writes
 * the new state, the timeline event and the audit row, in one transaction.
 */
type InspectionChanges = Updateable<InspectionsTable>

export type InspectionContext = { deps: AppDeps; tx: Tx; actor: UserActor; row: LockedInspection; now: Date }
export type InspectionOutcome = Omit<CaseOutcome<InspectionState, InspectionChanges>, 'to'>

const INSPECTION_KIND: CaseKind<
  LockedInspection,
  InspectionState,
  InspectionAction,
  InspectionRole,
  ErrorCode,
  never,
  InspectionChanges,
  string
> = {
  entityType: 'inspection',
  table: INSPECTION_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateInspection(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.inspectionEventInsert(tx, row.id, event),
}

/** The roles a member of staff holds on one inspection: who planned it, the body's head, who is on it. */
export function staffRolesOn(
  user: UserActor,
  row: { planned_by: string; department_id: string },
  teamIds: readonly string[],
): InspectionRole[] {
  const roles: InspectionRole[] = []
  if (row.planned_by === user.userId) roles.push('planner')
  if (departmentsWhere(user, 'department_head').includes(row.department_id)) roles.push('body_head')
  if (teamIds.includes(user.userId)) roles.push('inspector')
  return roles
}

/** The console's moves on an inspection: the table's, for the caller's roles, from its state. */
export function allowedStaffActions(
  roles: readonly InspectionRole[],
  state: InspectionState,
): ('approve' | 'reject' | 'cancel' | 'close')[] {
  return (['approve', 'reject', 'cancel', 'close'] as const).filter(
    (a) => INSPECTION_TABLE.mayTake(a, roles) && INSPECTION_TABLE.move(state, a).ok,
  )
}

/**
 * Runs a move on one inspection. `open` locks the row (by id or by check code) and answers the
 * caller's roles on it, or undefined when the caller may not see it ("not found").
 */
export async function runInspectionAction(
  deps: AppDeps,
  user: UserActor,
  action: InspectionAction,
  open: (tx: Tx) => Promise<{ row: LockedInspection; roles: InspectionRole[] } | undefined>,
  work: (ctx: InspectionContext) => Promise<InspectionOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    INSPECTION_KIND,
    action,
    async (tx) => {
      const opened = await open(tx)
      if (!opened) return undefined
      return { ctx: { deps, tx, actor: user, row: opened.row, now: new Date() }, roles: opened.roles }
    },
    work,
  )
}

/**
 * Runs a move on an inspection the caller has already locked in its own transaction (a batch of
 * moves in one transaction): the same checks, event and audit row as runInspectionAction.
 */
export async function applyInspectionAction(
  ctx: InspectionContext,
  action: InspectionAction,
  roles: readonly InspectionRole[],
  work: (ctx: InspectionContext) => Promise<InspectionOutcome>,
): Promise<string> {
  return applyCaseAction(INSPECTION_KIND, ctx, action, roles, work)
}
