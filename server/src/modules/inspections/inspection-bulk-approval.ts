import { departmentsWhere, requireRole, type Actor } from '../../kernel/auth/actor'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { applyInspectionAction, staffRolesOn } from './inspection-action'
import * as q from './inspections.queries'
import { approvalOf } from './inspections.service'

/**
 * Inspections approved per transaction. Each is approved exactly as one at a time is (the case kit's
 * checks, its timeline event, its audit row, the enterprise told); a batch commits whole, so a crash
 * leaves some batches approved and the rest planned, and asking again approves the rest.
 */
export const APPROVAL_BATCH = 200

/**
 * The body's head approves every inspection a random draw planned for the bodies they head, still
 * planned (a draw of 5 % can plan thousands: one by one is not a head's afternoon). Answers how many
 * were approved now and how many of the draw's inspections in those bodies there are in all.
 * Refuses: FORBIDDEN (not a body's head), NOT_FOUND (the draw planned nothing in the caller's bodies).
 */
export async function approveDrawnInspections(
  deps: AppDeps,
  actor: Actor,
  drawId: string,
  input: { note?: string | undefined },
  batch = APPROVAL_BATCH,
): Promise<{ approved: number; total: number }> {
  const user = requireRole(actor, 'department_head')
  const bodies = departmentsWhere(user, 'department_head')
  const total = await q.countOfDraw(deps.db, drawId, bodies)
  if (!total) throw notFound()
  let approved = 0
  for (;;) {
    const done = await deps.db.transaction().execute(async (tx) => {
      const ids = await q.findPlannedOfDraw(tx, drawId, bodies, batch)
      let moved = 0
      for (const id of ids) {
        const row = await q.lockInspection(tx, id)
        // decided meanwhile by someone else: theirs stands
        if (!row || row.status !== 'planned') continue
        const roles = staffRolesOn(user, row, await q.findTeamIds(tx, id))
        const ctx = { deps, tx, actor: user, row, now: new Date() }
        await applyInspectionAction(ctx, 'approve', roles, (c) => approvalOf(c, input.note ?? null))
        moved++
      }
      return { moved, last: ids.length < batch }
    })
    approved += done.moved
    if (done.last) return { approved, total }
  }
}
