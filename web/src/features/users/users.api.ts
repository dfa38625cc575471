import { api, type Query } from '../../app/api'
import type { StaffRole } from '../../app/session'

/*
 * Written by hand: users.schema.ts imports the server's kernel (roles live in kernel/auth/actor.ts),
 * which the browser build must not type-check against node types.
 */
export type StaffUser = {
  id: string
  username: string
  displayName: string
  departmentId: string
  departmentName: string
  roles: { role: StaffRole; departmentId: string; departmentName: string }[]
  phone: string | null
  email: string | null
  isDisabled: boolean
  isLocked: boolean
  totpEnabled: boolean
  mustChangePassword: boolean
  lastSignInAt: string | null
  version: number
}

/** A role in a department; without departmentId the server uses the user's own department. */
export type RoleGrantInput = { role: StaffRole; departmentId?: string }

export type CreateUserBody = {
  username: string
  displayName: string
  departmentId: string
  roles: RoleGrantInput[]
  phone?: string | null
  email?: string | null
}

export type UpdateUserBody = {
  version: number
  displayName?: string
  departmentId?: string
  roles?: RoleGrantInput[]
  phone?: string | null
  email?: string | null
  isDisabled?: boolean
}

export type UserFilter = { departmentId?: string; role?: StaffRole; q?: string }

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`

export const usersApi = {
  list: (filter: UserFilter) => api.get<{ items: StaffUser[] }>('/users', filter as Query),
  create: (body: CreateUserBody) => api.post<{ user: StaffUser; initialPassword: string }>('/users', body),
  update: (id: string, body: UpdateUserBody) => api.patch<StaffUser>(userPath(id), body),
  resetPassword: (id: string) => api.post<{ initialPassword: string }>(`${userPath(id)}/password-reset`),
  unlock: (id: string) => api.post<{ ok: true }>(`${userPath(id)}/unlock`),
  revokeSessions: (id: string) => api.post<{ sessionsEnded: number }>(`${userPath(id)}/revoke-sessions`),
}
