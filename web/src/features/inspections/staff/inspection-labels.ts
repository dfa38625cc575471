import type { InspectionStatus } from '../inspections.api'

/** Tag colours of the states in the console (every state has one: the type check holds it). */
export const STATUS_COLORS = {
  planned: 'gold',
  approved: 'blue',
  rejected: 'default',
  checked_in: 'green',
  refused: 'red',
  result_recorded: 'purple',
  closed: 'default',
  cancelled: 'default',
} as const satisfies Record<InspectionStatus, string>

/** The bodies where the signed-in person may plan: where they are an inspector or the head. */
export function planningBodies(roles: readonly { role: string; departmentId: string }[]): string[] {
  return [
    ...new Set(
      roles.filter((g) => g.role === 'inspector' || g.role === 'department_head').map((g) => g.departmentId),
    ),
  ]
}
