import type { PolicyStatus } from '../../shared/policies'

/**
 * The life of a policy document as data. A policy in force may be revised: the revision is prepared
 * and reviewed beside it (revisionStatus) while the published version stays in force; publishing the
 * revision makes the policy "amended". Every refused move names itself.
 */
export type PolicyState = { status: PolicyStatus; revision: 'draft' | 'review' | null }

export type PolicyAction = 'edit' | 'submit' | 'return' | 'publish' | 'revise' | 'repeal' | 'expire'

type Rule = (s: PolicyState) => PolicyState | null

const inForce = (s: PolicyState) => s.status === 'published' || s.status === 'amended'

export const POLICY_TRANSITIONS: Record<PolicyAction, Rule> = {
  // the working copy can be changed while it is a draft, or a revision draft
  edit: (s) => (s.status === 'draft' || (inForce(s) && s.revision === 'draft') ? s : null),
  submit: (s) =>
    s.status === 'draft'
      ? { status: 'review', revision: null }
      : inForce(s) && s.revision === 'draft'
        ? { ...s, revision: 'review' }
        : null,
  return: (s) =>
    s.status === 'review'
      ? { status: 'draft', revision: null }
      : inForce(s) && s.revision === 'review'
        ? { ...s, revision: 'draft' }
        : null,
  publish: (s) =>
    s.status === 'review'
      ? { status: 'published', revision: null }
      : inForce(s) && s.revision === 'review'
        ? { status: 'amended', revision: null }
        : null,
  revise: (s) => (inForce(s) && s.revision === null ? { ...s, revision: 'draft' } : null),
  repeal: (s) => (inForce(s) ? { status: 'repealed', revision: null } : null),
  expire: (s) => (inForce(s) ? { status: 'expired', revision: null } : null),
}

export const POLICY_REFUSALS = {
  edit: 'POLICY_NOT_EDITABLE',
  submit: 'POLICY_NOT_SUBMITTABLE',
  return: 'POLICY_NOT_IN_REVIEW',
  publish: 'POLICY_NOT_IN_REVIEW',
  revise: 'POLICY_NOT_REVISABLE',
  repeal: 'POLICY_NOT_IN_FORCE',
  expire: 'POLICY_NOT_IN_FORCE',
} as const satisfies Record<PolicyAction, string>

export type PolicyRefusal = (typeof POLICY_REFUSALS)[PolicyAction]

export function policyMove(
  state: PolicyState,
  action: PolicyAction,
): { ok: true; to: PolicyState } | { ok: false; code: PolicyRefusal } {
  const to = POLICY_TRANSITIONS[action](state)
  return to ? { ok: true, to } : { ok: false, code: POLICY_REFUSALS[action] }
}
