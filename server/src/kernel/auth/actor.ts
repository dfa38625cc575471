import { AppError } from '../errors'

import { STAFF_ROLES, ROLES, type Role, type StaffRole } from '../../shared/roles'

export { STAFF_ROLES, ROLES, type Role, type StaffRole }

export type RoleGrant = { role: StaffRole; departmentId: string }

export type UserActor = {
  kind: 'user'
  userId: string
  userKind: 'staff' | 'enterprise'
  /** What the audit trail shows: a username, or a masked phone number. */
  label: string
  departmentId: string | null
  roles: RoleGrant[]
  sessionId: string
  mustChangePassword: boolean
  /** A current privacy notice, terms of use or staff notice is not yet accepted (see route.ts). */
  consentPending: boolean
}
export type SystemActor = { kind: 'system'; label: string }
export type AnonymousActor = { kind: 'anonymous' }
export type Actor = UserActor | SystemActor | AnonymousActor

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' }
export function systemActor(label: string): SystemActor {
  return { kind: 'system', label }
}

export function hasRole(actor: Actor, role: Role): boolean {
  if (actor.kind !== 'user') return false
  if (role === 'enterprise') return actor.userKind === 'enterprise'
  return actor.roles.some((g) => g.role === role)
}

/** Departments in which the actor holds the role: the scope of department-bound rules. */
export function departmentsWhere(actor: Actor, role: StaffRole): string[] {
  if (actor.kind !== 'user') return []
  return actor.roles.filter((g) => g.role === role).map((g) => g.departmentId)
}

export function requireSignedIn(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED')
  return actor
}

/** The first line of a service function: the actor must hold one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): UserActor {
  const user = requireSignedIn(actor)
  if (!roles.some((r) => hasRole(user, r))) throw new AppError('FORBIDDEN')
  return user
}

export function requireStaff(actor: Actor): UserActor {
  const user = requireSignedIn(actor)
  if (user.userKind !== 'staff') throw new AppError('FORBIDDEN')
  return user
}

/** The role recorded in the audit trail: the most privileged one held. */
export function primaryRole(actor: Actor): string | null {
  if (actor.kind === 'system') return 'system'
  if (actor.kind !== 'user') return null
  if (actor.userKind === 'enterprise') return 'enterprise'
  const order: StaffRole[] = [
    'admin',
    'bureau_leader',
    'discipline_inspector',
    'department_head',
    'dispatcher',
    'handler',
    'inspector',
  ]
  return order.find((r) => actor.roles.some((g) => g.role === r)) ?? 'staff'
}
