import type { RoleGrantInput, StaffUser } from './users.api'

/**
 * Role grants as the form edits them: a role, and a department that may be left empty to mean
 * "the user's own department" (the server's default).
 */
export type RoleRow = { role?: RoleGrantInput['role']; departmentId?: string }

export function grantsToRows(user: StaffUser): RoleRow[] {
  return user.roles.map((grant) => ({
    role: grant.role,
    departmentId: grant.departmentId === user.departmentId ? undefined : grant.departmentId,
  }))
}

export function rowsToGrants(rows: readonly RoleRow[] | undefined): RoleGrantInput[] {
  return (rows ?? [])
    .filter((row): row is RoleRow & { role: RoleGrantInput['role'] } => !!row.role)
    .map((row) =>
      row.departmentId ? { role: row.role, departmentId: row.departmentId } : { role: row.role },
    )
}

/** Same set of (role, department) pairs, with an empty department read as the home department. */
export function sameGrants(
  a: readonly RoleGrantInput[],
  b: readonly RoleGrantInput[],
  homeA: string,
  homeB = homeA,
) {
  const key = (home: string) => (grant: RoleGrantInput) => `${grant.role}@${grant.departmentId ?? home}`
  const left = [...new Set(a.map(key(homeA)))].sort()
  const right = [...new Set(b.map(key(homeB)))].sort()
  return left.length === right.length && left.every((value, index) => value === right[index])
}
