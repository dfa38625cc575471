import type { Updateable } from 'kysely'
import { departmentsWhere, hasRole, requireStaff, type Actor, type UserActor } from '../../kernel/auth/actor'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import { AppError, type ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import {
  SELF_INSPECTION_ANSWER_TABLE,
  type SelfInspectionAnswerAction,
  type SelfInspectionAnswerRole,
  type SelfInspectionAnswerState,
} from './self-inspection-answer-states'
import {
  SELF_INSPECTION_RECTIFICATION_TABLE,
  type SelfInspectionRectificationAction,
  type SelfInspectionRectificationRole,
  type SelfInspectionRectificationState,
} from './self-inspection-rectification-states'
import * as q from './self-inspections.queries'
import type { AnswerRow, RectificationRow } from './self-inspections.queries'
import type { SelfInspectionAnswersTable, SelfInspectionRectificationsTable } from './self-inspections.tables'

/**
 * A department's copy and a rectification on the case kit (kernel/cases): how each is stored and
 * which roles the caller holds on it. The bureau (task force, leadership) reviews every copy; a
 * department's head and handlers hold their own department's copies; anyone else gets "not found".
 */

/** The roles a member of staff holds on something of a department. */
export function rolesOn(user: UserActor, departmentId: string): SelfInspectionAnswerRole[] {
  const roles: SelfInspectionAnswerRole[] = []
  if (hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')) roles.push('bureau')
  if (departmentsWhere(user, 'department_head').includes(departmentId)) roles.push('head')
  if (departmentsWhere(user, 'handler').includes(departmentId)) roles.push('handler')
  return roles
}

/** null: every department (the bureau); otherwise the departments whose copies the caller holds. */
export function departmentScope(user: UserActor, only?: string): string[] | null {
  const scope = heldDepartments(user)
  if (!only) return scope
  return scope && !scope.includes(only) ? [] : [only]
}

function heldDepartments(user: UserActor): string[] | null {
  if (hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')) return null
  const own = [
    ...new Set([...departmentsWhere(user, 'department_head'), ...departmentsWhere(user, 'handler')]),
  ]
  if (!own.length) throw new AppError('FORBIDDEN')
  return own
}

export function isBureau(user: UserActor): boolean {
  return hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')
}

/**
 * The first check of an endpoint: the caller holds, somewhere, one of the roles its move needs
 * ('department': a handler or head of some department; 'head': a head; 'bureau'; 'any': one of them).
 * The case's own roles are checked by the kit once the case is loaded.
 */
export function requireParticipant(actor: Actor, who: 'any' | 'bureau' | 'department' | 'head'): UserActor {
  const user = requireStaff(actor)
  const bureau = isBureau(user)
  const head = departmentsWhere(user, 'department_head').length > 0
  const department = head || departmentsWhere(user, 'handler').length > 0
  const ok = { any: bureau || department, bureau, department, head }[who]
  if (!ok) throw new AppError('FORBIDDEN')
  return user
}

type AnswerChanges = Updateable<SelfInspectionAnswersTable>

export type AnswerContext = DepartmentCaseContext<AnswerRow>

const ANSWER_KIND: CaseKind<
  AnswerRow,
  SelfInspectionAnswerState,
  SelfInspectionAnswerAction,
  SelfInspectionAnswerRole,
  ErrorCode,
  never,
  AnswerChanges,
  string
> = {
  entityType: 'self_inspection_answer',
  table: SELF_INSPECTION_ANSWER_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateAnswer(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) =>
    q.answerEventInsert(tx, row.id, { ...event, departmentId: row.department_id }),
}

/** The context of a move on something of a department (a copy, a rectification). */
type DepartmentCaseContext<Row> = { deps: AppDeps; tx: Tx; actor: UserActor; row: Row; now: Date }

/**
 * Runs a move on a department's copy or rectification the caller holds (otherwise "not found"), on
 * the version they read. Refuses: NOT_FOUND, FORBIDDEN, the move's refusal, VERSION_CONFLICT, what
 * the work throws.
 */
async function runDepartmentCaseAction<
  Row extends { department_id: string; version: number },
  S extends string,
  A extends string,
  Changes,
>(
  deps: AppDeps,
  kind: CaseKind<Row, S, A, SelfInspectionAnswerRole, ErrorCode, never, Changes, string>,
  lock: (tx: Tx, id: string) => Promise<Row | undefined>,
  user: UserActor,
  id: string,
  action: A,
  version: number,
  work: (ctx: DepartmentCaseContext<Row>) => Promise<CaseOutcome<S, Changes>>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    kind,
    action,
    async (tx) => {
      const row = await lock(tx, id)
      if (!row) return undefined
      const roles = rolesOn(user, row.department_id)
      if (!roles.length) return undefined
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles }
    },
    async (ctx) => {
      if (ctx.row.version !== version) throw new AppError('VERSION_CONFLICT')
      return work(ctx)
    },
  )
}

export const runAnswerAction = (
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: SelfInspectionAnswerAction,
  version: number,
  work: (ctx: AnswerContext) => Promise<CaseOutcome<SelfInspectionAnswerState, AnswerChanges>>,
) => runDepartmentCaseAction(deps, ANSWER_KIND, q.lockAnswer, user, id, action, version, work)

type RectificationChanges = Updateable<SelfInspectionRectificationsTable>

export type RectificationContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor
  row: RectificationRow
  now: Date
}

const RECTIFICATION_KIND: CaseKind<
  RectificationRow,
  SelfInspectionRectificationState,
  SelfInspectionRectificationAction,
  SelfInspectionRectificationRole,
  ErrorCode,
  never,
  RectificationChanges,
  string
> = {
  entityType: 'self_inspection_rectification',
  table: SELF_INSPECTION_RECTIFICATION_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateRectification(tx, row.id, { ...changes, status: to })
    return row.id
  },
  // A rectification's steps are on its copy's timeline, with its id.
  eventInsert: (tx, row, event) =>
    q.answerEventInsert(tx, row.answer_id, {
      ...event,
      type: `rectification.${event.type}`,
      departmentId: row.department_id,
      data: { ...event.data, rectificationId: row.id },
    }),
}

/** Runs a move on a rectification the caller holds (otherwise "not found") on the version they read. */
export const runRectificationAction = (
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: SelfInspectionRectificationAction,
  version: number,
  work: (
    ctx: RectificationContext,
  ) => Promise<CaseOutcome<SelfInspectionRectificationState, RectificationChanges>>,
) => runDepartmentCaseAction(deps, RECTIFICATION_KIND, q.lockRectification, user, id, action, version, work)
