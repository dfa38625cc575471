import { randomUUID } from 'node:crypto'
import { cityToday, cityYear } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { staffToNotify } from '../users'
import { formatInspectionNumber, newCheckCode } from './inspection-check-code'
import * as q from './inspections.queries'

/** The window of a draw that named no last day: 90 days from the draw. */
export const DRAWN_WINDOW_DAYS = 90

export type DrawnPlan = {
  drawId: string
  departmentId: string
  /** the draw's title: the inspections' purpose */
  title: string
  itemIds: readonly string[]
  /** the last city date the inspections may happen; null: DRAWN_WINDOW_DAYS after the draw */
  inspectBy: string | null
  plannedBy: string
  actorRole: 'department_head' | 'dispatcher' | 'bureau_leader'
  targets: readonly { enterpriseId: string; inspectorIds: readonly string[] }[]
  now: Date
}

/**
 * A random draw plans its inspections (issue 14 items 1 and 3), in the draw's transaction: one
 * inspection of kind 'random' per target, with the draw's items and the inspectors drawn for it,
 * 'planned' for the body's head to approve like any other — the code goes live on approval, the
 * enterprise is told then. The caps do not refuse a drawn target (the draw is the plan the caps
 * count against; a drawn inspection counts toward them from now on). The heads get one notice for
 * the whole draw. Answers how many were planned.
 */
export async function planDrawnInspections(deps: AppDeps, tx: Tx, plan: DrawnPlan): Promise<number> {
  if (!plan.targets.length) return 0
  const today = cityToday(deps, plan.now)
  const last = plan.inspectBy ?? addDays(today, DRAWN_WINDOW_DAYS)
  const windowEndsOn = last < today ? today : last
  const year = cityYear(deps, plan.now)
  const first = await q.reserveInspectionSerials(tx, year, plan.targets.length)
  await q.insertDrawnInspections(
    tx,
    {
      drawId: plan.drawId,
      departmentId: plan.departmentId,
      plannedOn: today,
      windowEndsOn,
      purpose: plan.title,
      plannedBy: plan.plannedBy,
      actorRole: plan.actorRole,
      itemIds: plan.itemIds,
      at: plan.now,
    },
    plan.targets.map((t, i) => ({
      id: randomUUID(),
      number: formatInspectionNumber(year, first + i),
      checkCode: newCheckCode(),
      enterpriseId: t.enterpriseId,
      inspectorIds: t.inspectorIds,
    })),
  )
  const heads = (await staffToNotify(tx, [plan.departmentId], ['department_head'])).filter(
    (h) => h !== plan.plannedBy,
  )
  for (const userId of heads)
    await deps.notifier.enqueue(tx, {
      recipient: { userId },
      template: 'inspections.drawPlanned',
      params: { title: plan.title, count: plan.targets.length },
    })
  return plan.targets.length
}

/** The inspections a draw planned (for the draw's staff view). */
export async function inspectionsOfDraw(deps: AppDeps, drawId: string) {
  const rows = await q.findInspectionsOfDraw(deps.db, drawId)
  return rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    inspectionId: r.id,
    number: r.number,
    status: r.status,
  }))
}
