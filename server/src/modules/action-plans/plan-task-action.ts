import type { Updateable } from 'kysely'
import { departmentsWhere, hasRole, requireStaff, type Actor, type UserActor } from '../../kernel/auth/actor'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import { AppError, type ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { PlanTasksTable } from './action-plans.tables'
import * as q from './action-plans.queries'
import type { PlanTaskRow } from './action-plans.queries'
import {
  PLAN_TASK_TABLE,
  type PlanTaskAction,
  type PlanTaskRole,
  type PlanTaskState,
} from './plan-task-states'

/**
 * A plan task on the case kit (kernel/cases): how it is stored and which roles the caller holds on
 * it. The bureau (task force, leadership) holds every task; the owner unit's head and handlers hold
 * their unit's tasks; anyone else gets "not found" (the public view is a separate, allow-listed read).
 */

export function isBureau(user: UserActor): boolean {
  return hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')
}

/** The roles a member of staff holds on a task owned by `departmentId`. */
export function rolesOn(user: UserActor, departmentId: string): PlanTaskRole[] {
  const roles: PlanTaskRole[] = []
  if (isBureau(user)) roles.push('bureau')
  if (departmentsWhere(user, 'department_head').includes(departmentId)) roles.push('head')
  if (departmentsWhere(user, 'handler').includes(departmentId)) roles.push('handler')
  return roles
}

/** null: every owner unit (the bureau); otherwise the units whose tasks the caller holds. */
export function ownerScope(user: UserActor, only?: string): string[] | null {
  const scope = isBureau(user)
    ? null
    : [...new Set([...departmentsWhere(user, 'department_head'), ...departmentsWhere(user, 'handler')])]
  if (!only) return scope
  return scope && !scope.includes(only) ? [] : [only]
}

/**
 * The first check of an endpoint: the caller holds, somewhere, one of the roles its move needs
 * ('unit': a handler or head of some department; 'bureau'; 'any': one of them). The task's own roles
 * are checked by the kit once the task is loaded.
 */
export function requireParticipant(actor: Actor, who: 'any' | 'bureau' | 'unit'): UserActor {
  const user = requireStaff(actor)
  const bureau = isBureau(user)
  const unit =
    departmentsWhere(user, 'department_head').length > 0 || departmentsWhere(user, 'handler').length > 0
  const ok = { any: bureau || unit, bureau, unit }[who]
  if (!ok) throw new AppError('FORBIDDEN')
  return user
}

type TaskChanges = Updateable<PlanTasksTable>

export type PlanTaskContext = { deps: AppDeps; tx: Tx; actor: UserActor; row: PlanTaskRow; now: Date }

const PLAN_TASK_KIND: CaseKind<
  PlanTaskRow,
  PlanTaskState,
  PlanTaskAction,
  PlanTaskRole,
  ErrorCode,
  never,
  TaskChanges,
  string
> = {
  entityType: 'plan_task',
  table: PLAN_TASK_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateTask(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.taskEventInsert(tx, row.id, event),
}

/**
 * Runs a move on a task the caller holds (otherwise "not found"), on the version they read.
 * Refuses: NOT_FOUND, FORBIDDEN, the move's refusal, VERSION_CONFLICT, what the work throws.
 */
export function runPlanTaskAction(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: PlanTaskAction,
  version: number,
  work: (ctx: PlanTaskContext) => Promise<CaseOutcome<PlanTaskState, TaskChanges>>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    PLAN_TASK_KIND,
    action,
    async (tx) => {
      const row = await q.lockTask(tx, id)
      if (!row) return undefined
      const roles = rolesOn(user, row.owner_department_id)
      if (!roles.length) return undefined
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles }
    },
    async (ctx) => {
      if (ctx.row.version !== version) throw new AppError('VERSION_CONFLICT')
      return work(ctx)
    },
  )
}
