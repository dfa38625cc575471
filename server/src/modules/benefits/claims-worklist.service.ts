import { hasRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentsOf, scopeOf, staffViewerOf } from './benefits-access'
import * as q from './benefits.queries'
import { UNDER_REVIEW } from './claim-states'

/** What waits on claims, counted with the workbench's own queries: its tabs, and the worklist items. */

const count = async (deps: AppDeps, scope: q.ClaimScope, filter: q.ClaimFilter) =>
  (await q.pageClaims(deps.db, scope, filter, { limit: 1, offset: 0 }, 'created')).total

/** The workbench's tabs. Refuses: FORBIDDEN (no claims role). */
export async function countClaimViews(deps: AppDeps, actor: Actor) {
  const viewer = await staffViewerOf(deps.db, actor)
  const scope = scopeOf(viewer)
  const [review, supplement, approved, consented, closed, all, overdue] = await Promise.all([
    count(deps, scope, { statuses: UNDER_REVIEW }),
    count(deps, scope, { statuses: ['supplement_requested'] }),
    count(deps, scope, { statuses: ['approved'] }),
    count(deps, scope, { statuses: ['consented'] }),
    count(deps, scope, { statuses: ['rejected', 'withdrawn', 'paid', 'excluded'] }),
    count(deps, scope, {}),
    count(deps, scope, { statuses: UNDER_REVIEW, dueBefore: new Date() }),
  ])
  return { review, supplement, approved, consented, closed, all, overdue }
}

/** The claims part of a staff member's worklist: the paying departments' review, overdue and payouts. */
export async function countClaimWork(deps: AppDeps, user: UserActor) {
  const viewer = await staffViewerOf(deps.db, user).catch(() => undefined)
  if (!viewer || departmentsOf(viewer).length === 0 || hasRole(user, 'dispatcher')) return []
  const views = await countClaimViews(deps, user)
  return [
    { key: 'benefits.review', count: views.review, path: '/staff/benefits/claims?view=review' },
    { key: 'benefits.overdue', count: views.overdue, path: '/staff/benefits/claims?view=overdue' },
    { key: 'benefits.approvedToPay', count: views.approved, path: '/staff/benefits/claims?view=approved' },
    { key: 'benefits.consentsToPay', count: views.consented, path: '/staff/benefits/payouts' },
  ]
}
