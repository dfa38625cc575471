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
import {
  RATING_APPEAL_TABLE,
  type RatingAppealAction,
  type RatingAppealRole,
  type RatingAppealState,
} from './rating-appeal-states'
import type { RatingAppealsTable, RectificationsTable } from './rectifications.tables'
import * as q from './rectifications.queries'
import type { RatingAppealRow, RectificationRow } from './rectifications.queries'
import {
  RECTIFICATION_TABLE,
  type RectificationAction,
  type RectificationRole,
  type RectificationState,
} from './rectification-states'

/**
 * Rectifications and rating appeals on the case kit (kernel/cases): how each is stored, and which
 * roles the caller holds on one. The kit's runner does the rest: lock, check the role, ask the
 * table, do the action's work, then write the new state, the timeline event and the audit row — all
 * in one transaction.
 */
type RectificationChanges = Updateable<RectificationsTable>
type RatingAppealChanges = Updateable<RatingAppealsTable>

export type RectificationContext = {
  deps: AppDeps | undefined
  tx: Tx
  actor: UserActor | SystemActor
  row: RectificationRow
  now: Date
}
export type RectificationOutcome = CaseOutcome<RectificationState, RectificationChanges>

export type RatingAppealContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor
  row: RatingAppealRow
  now: Date
}
export type RatingAppealOutcome = CaseOutcome<RatingAppealState, RatingAppealChanges>

const RECTIFICATION_KIND: CaseKind<
  RectificationRow,
  RectificationState,
  RectificationAction,
  RectificationRole,
  ErrorCode,
  never,
  RectificationChanges,
  string
> = {
  entityType: 'rectification',
  table: RECTIFICATION_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateRectification(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.rectificationEventInsert(tx, row.id, event),
}

const RATING_APPEAL_KIND: CaseKind<
  RatingAppealRow,
  RatingAppealState,
  RatingAppealAction,
  RatingAppealRole,
  ErrorCode,
  never,
  RatingAppealChanges,
  string
> = {
  entityType: 'rating_appeal',
  table: RATING_APPEAL_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await q.updateRatingAppeal(tx, row.id, { ...changes, status: to })
    return row.id
  },
  eventInsert: (tx, row, event) => q.ratingAppealEventInsert(tx, row.id, event),
}

/**
 * The roles a user holds on a case of one unit: 'unit' for a handler or head of the department,
 * 'bureau' for the task force — but never both: a dispatcher who also works in the unit is the unit
 * on its own rectification (the verification contact is never made by the handling unit).
 */
export function rolesOnUnitCase(user: UserActor, departmentId: string): ('unit' | 'bureau')[] {
  const isUnit = user.roles.some(
    (g) => (g.role === 'handler' || g.role === 'department_head') && g.departmentId === departmentId,
  )
  if (isUnit) return ['unit']
  return user.roles.some((g) => g.role === 'dispatcher') ? ['bureau'] : []
}

/** The staff who read rectifications and rating appeals at all (a unit its own, the bureau all). */
export const READER_ROLES = ['handler', 'department_head', 'dispatcher', 'bureau_leader', 'admin'] as const
/** The staff who act for the unit. */
export const UNIT_ROLES = ['handler', 'department_head'] as const

/** The staff who read every rectification and rating appeal: the bureau. */
export function isBureauReader(user: UserActor): boolean {
  return user.roles.some((g) => g.role === 'dispatcher' || g.role === 'bureau_leader' || g.role === 'admin')
}

/** The departments a user works in as the unit (handler or head). */
export function unitDepartments(user: UserActor): string[] {
  return user.roles
    .filter((g) => g.role === 'handler' || g.role === 'department_head')
    .map((g) => g.departmentId)
}

/** Runs a person's action on one rectification; a case the caller holds no role on is "not found". */
export async function runRectificationAction(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: RectificationAction,
  work: (ctx: RectificationContext) => Promise<RectificationOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    RECTIFICATION_KIND,
    action,
    async (tx) => {
      const row = await q.lockRectification(tx, id)
      if (!row) return undefined
      const roles = rolesOnUnitCase(user, row.department_id)
      if (roles.length === 0) return undefined
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles }
    },
    work,
  )
}

/** A move nobody makes by hand (the fix's rating, an upheld appeal's withdrawal), in the caller's transaction. */
export async function applySystemRectificationAction(
  tx: Tx,
  actor: UserActor | SystemActor,
  row: RectificationRow,
  action: RectificationAction,
  work: (ctx: RectificationContext) => Promise<RectificationOutcome>,
): Promise<string> {
  const ctx: RectificationContext = { deps: undefined, tx, actor, row, now: new Date() }
  return applyCaseAction(RECTIFICATION_KIND, ctx, action, 'system', work)
}

/** Runs a person's action on one rating appeal; one the caller holds no role on is "not found". */
export async function runRatingAppealAction(
  deps: AppDeps,
  user: UserActor,
  id: string,
  action: RatingAppealAction,
  work: (ctx: RatingAppealContext) => Promise<RatingAppealOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    RATING_APPEAL_KIND,
    action,
    async (tx) => {
      const row = await q.lockRatingAppeal(tx, id)
      if (!row) return undefined
      const roles = rolesOnUnitCase(user, row.department_id)
      if (roles.length === 0) return undefined
      return { ctx: { deps, tx, actor: user, row, now: new Date() }, roles }
    },
    work,
  )
}
