import { departmentsWhere, hasRole, requireStaff, type Actor, type UserActor } from '../../kernel/auth/actor'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import { departmentScope } from '../departments'
import type { ClaimRole } from './claim-states'
import type { ClaimScope } from './benefits.queries'

/**
 * Who sees a claim and in which role they may act on it. The bureau (leaders, task force, admins)
 * reads every claim; a department's handlers and heads read and act on the claims of the items their
 * department (or a division under it) pays; the enterprise acts on its own (enterprise paths check
 * membership with requireEnterpriseAccess first).
 */
export type StaffViewer = {
  user: UserActor
  isCity: boolean
  handlerScope: string[]
  headScope: string[]
}

export async function staffViewerOf(db: Executor, actor: Actor): Promise<StaffViewer> {
  const user = requireStaff(actor)
  const isCity = hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader') || hasRole(user, 'admin')
  const [handlerScope, headScope] = await Promise.all([
    departmentScope(db, departmentsWhere(user, 'handler')),
    departmentScope(db, departmentsWhere(user, 'department_head')),
  ])
  if (!isCity && handlerScope.length === 0 && headScope.length === 0) throw new AppError('FORBIDDEN')
  return { user, isCity, handlerScope, headScope }
}

export function departmentsOf(viewer: StaffViewer): string[] {
  return [...new Set([...viewer.handlerScope, ...viewer.headScope])]
}

/** What the viewer reads: everything for the bureau, else its departments' claims. */
export function scopeOf(viewer: StaffViewer): ClaimScope {
  return viewer.isCity ? { kind: 'all' } : { kind: 'departments', departmentIds: departmentsOf(viewer) }
}

/** The roles the viewer holds for claims paid by this department. */
export function rolesFor(viewer: StaffViewer, departmentId: string): ClaimRole[] {
  const roles: ClaimRole[] = []
  if (viewer.handlerScope.includes(departmentId)) roles.push('handler')
  if (viewer.headScope.includes(departmentId)) roles.push('department_head')
  return roles
}

/** Department staff only (handlers and heads): the payout list is the department's work. */
export async function requireDepartmentStaff(db: Executor, actor: Actor): Promise<StaffViewer> {
  const viewer = await staffViewerOf(db, actor)
  if (departmentsOf(viewer).length === 0) throw new AppError('FORBIDDEN')
  return viewer
}
