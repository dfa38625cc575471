import { departmentsWhere, hasRole, type UserActor } from '../../kernel/auth/actor'
import { IN_FORCE } from '../../shared/policies'
import type { PolicyAction, PolicyState } from './policy-states'
import type { PolicyRow } from './policies.queries'

/**
 * Who may do what with a policy document:
 * - write (draft, edit, submit): handlers and heads of the owning department, the bureau leadership;
 * - decide (return, publish, revise, repeal): the owning department's head or the bureau leadership,
 *   and never the person who submitted it (four eyes);
 * - read drafts: the owning department and the bureau; everyone reads what is in force.
 */
export type Scope = { all: boolean; departments: string[] }

export function writers(user: UserActor): Scope {
  return {
    all: hasRole(user, 'bureau_leader'),
    departments: [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')],
  }
}

export function deciders(user: UserActor): Scope {
  return { all: hasRole(user, 'bureau_leader'), departments: departmentsWhere(user, 'department_head') }
}

export const covers = (scope: Scope, departmentId: string) =>
  scope.all || scope.departments.includes(departmentId)

export function mayRead(user: UserActor, policy: PolicyRow): boolean {
  if (
    (IN_FORCE as string[]).includes(policy.status) ||
    policy.status === 'expired' ||
    policy.status === 'repealed'
  )
    return true
  return covers(writers(user), policy.owner_department_id) || hasRole(user, 'dispatcher')
}

export function stateOf(policy: PolicyRow): PolicyState {
  return { status: policy.status, revision: policy.revision_status }
}

export const DECIDING: PolicyAction[] = ['return', 'publish', 'revise', 'repeal']
