import type { Updateable } from 'kysely'
import { departmentsWhere, hasRole, type SystemActor, type UserActor } from '../../kernel/auth/actor'
import { applyCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { ErrorCode } from '../../kernel/errors'
import {
  INSPECTION_TABLE,
  type InspectionAction,
  type InspectionRole,
  type InspectionState,
} from './inspection-states'
import type { InspectionsTable } from './inspections.tables'
import * as q from './inspection-results.queries'
import type { InspectionRow } from './inspection-results.queries'

/**
 * The inspection on the case kit, as the result step moves it (record_result, close): how a row is
 * stored and which roles a member of staff holds on it. The events carry the instant the caller
 * passes, so a pinned clock pins them too.
 */
type InspectionChanges = Updateable<InspectionsTable>

export function inspectionKind(
  at: Date,
): CaseKind<
  InspectionRow,
  InspectionState,
  InspectionAction,
  InspectionRole,
  ErrorCode,
  never,
  InspectionChanges,
  string
> {
  return {
    entityType: 'inspection',
    table: INSPECTION_TABLE,
    idOf: (row) => row.id,
    stateOf: (row) => row.status,
    save: async (tx, row, changes, to) => {
      const closing = INSPECTION_TABLE.categoryOf(to) === 'closed'
      await q.updateInspection(tx, row.id, { ...changes, ...(closing ? { closed_at: at } : {}) }, to)
      return row.id
    },
    eventInsert: (tx, row, event) => q.inspectionEventInsert(tx, row.id, event, at),
  }
}

/** The roles a member of staff holds on one inspection: on it as inspector, its body's head, its planner. */
export async function rolesOnInspection(
  tx: Executor,
  user: UserActor,
  row: InspectionRow,
): Promise<InspectionRole[]> {
  const roles: InspectionRole[] = []
  if (hasRole(user, 'inspector') && (await q.isInspectorOn(tx, row.id, user.userId))) roles.push('inspector')
  if (departmentsWhere(user, 'department_head').includes(row.department_id)) roles.push('body_head')
  if (row.planned_by === user.userId) roles.push('planner')
  return roles
}

export type InspectionContext = { tx: Tx; actor: UserActor | SystemActor; row: InspectionRow; now: Date }

/** One move on a locked inspection inside the caller's transaction (roles: 'system' for sweeps and cascades). */
export function moveInspection(
  ctx: InspectionContext,
  action: InspectionAction,
  roles: readonly InspectionRole[] | 'system',
  work: (ctx: InspectionContext) => Promise<CaseOutcome<InspectionState, InspectionChanges>>,
) {
  return applyCaseAction(inspectionKind(ctx.now), ctx, action, roles, work)
}
