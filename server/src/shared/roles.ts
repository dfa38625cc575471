/** The staff roles of MISSION.md. "enterprise" is a kind of user, not a staff role. Pure: the web uses it too. */
export const STAFF_ROLES = [
  'dispatcher',
  'handler',
  'department_head',
  'bureau_leader',
  'discipline_inspector',
  'inspector',
  'admin',
] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
export type Role = 'enterprise' | StaffRole
export const ROLES: readonly Role[] = ['enterprise', ...STAFF_ROLES]
