import {
  departmentsWhere,
  hasRole,
  requireSignedIn,
  type Actor,
  type UserActor,
} from '../../kernel/auth/actor'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentScope } from '../departments'
import { requireViewer } from './appeal-access'
import { OPEN_STATES } from './appeal-states'
import * as wq from './appeals-worklist.queries'
import * as lq from './appeals-list.queries'

/**
 * What waits, counted with the lists' own queries: the task force's queue tabs, a department's inbox
 * tabs, and the appeal items of a staff member's worklist (the console's home).
 */

const QUEUE_VIEWS = {
  triage: ['submitted', 'accepted'],
  dispatched: ['dispatched', 'handling', 'paused', 'awaiting_approval'],
  returned: ['returned'],
  arbitration: ['arbitration'],
} as const

/** The task force's queue tabs. Refuses: FORBIDDEN (not the task force, the bureau or an admin). */
export async function countQueueViews(deps: AppDeps, actor: Actor) {
  const viewer = await requireViewer(deps.db, requireSignedIn(actor))
  if (viewer.kind !== 'city') throw new AppError('FORBIDDEN')
  const now = new Date()
  const base = () => lq.summaryQuery(deps.db)
  const [triage, dispatched, returned, arbitration, overdue, extensions, open, all] = await Promise.all([
    wq.countOf(lq.inStatuses(base(), [...QUEUE_VIEWS.triage])),
    wq.countOf(lq.inStatuses(base(), [...QUEUE_VIEWS.dispatched])),
    wq.countOf(lq.inStatuses(base(), [...QUEUE_VIEWS.returned])),
    wq.countOf(lq.inStatuses(base(), [...QUEUE_VIEWS.arbitration])),
    wq.countOf(lq.overdue(lq.inStatuses(base(), OPEN_STATES), now)),
    wq.countOf(lq.withPendingExtension(base())),
    wq.countOf(lq.inStatuses(base(), OPEN_STATES)),
    wq.countOf(base()),
  ])
  return { triage, dispatched, returned, arbitration, overdue, extensions, open, all }
}

/** A department's inbox tabs (and what in it is unsigned or overdue). Refuses: FORBIDDEN. */
export async function countInboxViews(deps: AppDeps, actor: Actor) {
  const viewer = await requireViewer(deps.db, requireSignedIn(actor))
  if (viewer.kind !== 'department') throw new AppError('FORBIDDEN')
  const ids = viewer.departmentIds
  const held = (statuses: readonly (typeof OPEN_STATES)[number][] | readonly string[]) =>
    lq.heldBy(lq.summaryQuery(deps.db), ids, [...statuses] as typeof OPEN_STATES)
  const [open, approvals, closed, overdue, toSignFor] = await Promise.all([
    wq.countOf(held(OPEN_STATES)),
    wq.countOf(held(['awaiting_approval'])),
    wq.countOf(held(['closed', 'withdrawn'])),
    wq.countOf(lq.overdue(held(OPEN_STATES), new Date())),
    wq.countUnsigned(deps.db, ids),
  ])
  return { open, approvals, closed, overdue, toSignFor }
}

export type WorkItem = { key: string; count: number; path: string }

/** The appeal part of a staff member's worklist, by their roles. */
export async function countAppealWork(deps: AppDeps, user: UserActor): Promise<WorkItem[]> {
  const items: WorkItem[] = []
  if (hasRole(user, 'dispatcher')) {
    const queue = await countQueueViews(deps, user)
    items.push(
      { key: 'appeals.triage', count: queue.triage, path: '/staff/appeals/queue?view=triage' },
      {
        key: 'appeals.returned',
        count: queue.returned + queue.arbitration,
        path: '/staff/appeals/queue?view=returned',
      },
      { key: 'appeals.extensions', count: queue.extensions, path: '/staff/appeals/queue?view=extensions' },
      { key: 'appeals.overdue', count: queue.overdue, path: '/staff/appeals/queue?view=overdue' },
      {
        key: 'appeals.returnVisits',
        count: await wq.countPendingReturnVisits(deps.db),
        path: '/staff/appeals/return-visits',
      },
    )
  } else if (hasRole(user, 'bureau_leader')) {
    const queue = await countQueueViews(deps, user)
    items.push({ key: 'appeals.overdue', count: queue.overdue, path: '/staff/appeals/queue?view=overdue' })
  }
  const departments = [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]
  if (departments.length && !hasRole(user, 'dispatcher')) {
    const inbox = await countInboxViews(deps, user)
    const scope = await departmentScope(deps.db, departments)
    items.push(
      { key: 'appeals.toSignFor', count: inbox.toSignFor, path: '/staff/appeals/inbox' },
      {
        key: 'appeals.partsOwed',
        count: await wq.countPartsOwed(deps.db, scope),
        path: '/staff/appeals/inbox',
      },
      { key: 'appeals.departmentOverdue', count: inbox.overdue, path: '/staff/appeals/inbox' },
    )
    if (departmentsWhere(user, 'department_head').length)
      items.push({
        key: 'appeals.approvals',
        count: inbox.approvals,
        path: '/staff/appeals/inbox?view=approvals',
      })
  }
  return items
}
