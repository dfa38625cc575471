import { departmentsWhere, hasRole, type UserActor } from '../../kernel/auth/actor'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { departmentScope } from '../departments'
import { APPEAL_TABLE, type AppealAction, type AppealRole } from './appeal-states'
import { findEnterpriseIdsOfMember } from './appeal-access.queries'
import { findAssignments } from './appeal-assignments.queries'
import type { AppealRow } from './appeal-row.queries'

/**
 * Who sees an appeal, and who may do what with it. Enforced in the service (and, for lists, in the
 * query): the task force and the bureau see every appeal; a department sees only what it currently
 * holds; an enterprise user only the appeals of the enterprises they act for.
 */
export type Viewer =
  | { kind: 'city'; user: UserActor } // dispatcher, bureau leader, admin
  | { kind: 'department'; user: UserActor; departmentIds: string[] } // handler, department head
  | { kind: 'enterprise'; user: UserActor; enterpriseIds: string[] }

export async function viewerOf(db: Executor, user: UserActor): Promise<Viewer | undefined> {
  if (user.userKind === 'enterprise') {
    return { kind: 'enterprise', user, enterpriseIds: await findEnterpriseIdsOfMember(db, user.userId) }
  }
  if (hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader') || hasRole(user, 'admin'))
    return { kind: 'city', user }
  const roots = [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]
  if (roots.length) return { kind: 'department', user, departmentIds: await departmentScope(db, roots) }
  return undefined
}

export async function requireViewer(db: Executor, user: UserActor): Promise<Viewer> {
  const viewer = await viewerOf(db, user)
  if (!viewer) throw new AppError('FORBIDDEN')
  return viewer
}

export type Holding = {
  leadDepartmentId: string | null
  currentDepartmentIds: string[]
  coDepartmentIds: string[]
}

export async function holdingOf(db: Executor, appealId: string): Promise<Holding> {
  const assignments = await findAssignments(db, appealId)
  const current = assignments.filter((a) => a.is_current)
  return {
    leadDepartmentId: current.find((a) => a.role === 'lead')?.department_id ?? null,
    currentDepartmentIds: current.map((a) => a.department_id),
    coDepartmentIds: current.filter((a) => a.role === 'co').map((a) => a.department_id),
  }
}

/** NOT_FOUND when the viewer may not see the appeal: existence does not leak. */
export function assertCanSee(viewer: Viewer, appeal: AppealRow, holding: Holding): void {
  if (viewer.kind === 'city') return
  if (viewer.kind === 'enterprise' && viewer.enterpriseIds.includes(appeal.enterprise_id)) return
  if (
    viewer.kind === 'department' &&
    holding.currentDepartmentIds.some((d) => viewer.departmentIds.includes(d))
  )
    return
  throw notFound()
}

/**
 * The roles the viewer holds on this appeal; the transition table (appeal-states.ts) says which roles
 * may make each move.
 */
export function rolesOn(viewer: Viewer, holding: Holding): AppealRole[] {
  const { user } = viewer
  const roles: AppealRole[] = []
  if (hasRole(user, 'dispatcher')) roles.push('task_force')
  if (viewer.kind === 'enterprise') roles.push('enterprise')
  if (coDepartmentOf(viewer, holding) !== undefined) roles.push('co_handler')
  const lead = holding.leadDepartmentId
  if (!lead || viewer.kind !== 'department') return roles
  const heldHere = (role: 'handler' | 'department_head') =>
    departmentsWhere(user, role).length > 0 && viewer.departmentIds.includes(lead)
  if (heldHere('handler')) roles.push('lead_handler')
  if (heldHere('department_head')) roles.push('lead_head')
  return roles
}

/** Whether the viewer's role lets them take the action on this appeal (the state is checked separately). */
export function mayAct(viewer: Viewer, action: AppealAction, holding: Holding): boolean {
  return APPEAL_TABLE.mayTake(action, rolesOn(viewer, holding))
}

/**
 * The co-handling department the viewer acts for on this appeal, if any: its handlers and head do a
 * co-handler's part (a department that is also the lead acts as the lead).
 */
export function coDepartmentOf(viewer: Viewer, holding: Holding): string | undefined {
  if (viewer.kind !== 'department') return undefined
  const { user } = viewer
  if (!departmentsWhere(user, 'handler').length && !departmentsWhere(user, 'department_head').length)
    return undefined
  return holding.coDepartmentIds.find((d) => viewer.departmentIds.includes(d))
}

/** A department sees the enterprise's name and contact only when the enterprise did not ask to hide them. */
export function hidesIdentityFrom(viewer: Viewer, appeal: { hide_identity: boolean }): boolean {
  return appeal.hide_identity && viewer.kind === 'department'
}
