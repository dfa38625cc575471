import type { Executor } from '../../kernel/db/database'
import * as q from './supervision.queries'
import type { SupervisionLevel } from './supervision.tables'

/** One unit's row of the supervision figures. */
export type SupervisionUnitFigures = {
  departmentId: string | null
  departmentName: string | null
  opened: number
  closed: number
  escalated: number
  overdue: number
}

export type SupervisionFigures = {
  from: string
  to: string
  /** cases opened in [from, to), by source */
  opened: number
  openedBySource: Record<string, number>
  /** cases closed in [from, to) */
  closed: number
  /** escalations in [from, to), by the level reached */
  escalated: Record<Exclude<SupervisionLevel, 'section'>, number>
  /** cases waiting for the unit's response past its deadline at min(to, now) */
  overdue: number
  byUnit: SupervisionUnitFigures[]
}

/**
 * The cockpit's supervision figures for a period [from, to) (docs/METRICS.md, "Supervision"):
 * opened, closed, escalations by the level reached, overdue now, and the same by unit.
 */
export async function supervisionFigures(
  db: Executor,
  period: { from: Date; to: Date },
): Promise<SupervisionFigures> {
  const { from, to } = period
  const at = new Date(Math.min(to.getTime(), Date.now()))
  const [opened, closed, escalations, overdue] = await Promise.all([
    q.figureCasesOpened(db, from, to),
    q.figureCasesClosed(db, from, to),
    q.figureEscalations(db, from, to),
    q.figureOverdue(db, at),
  ])
  const units = new Map<string, SupervisionUnitFigures>()
  const unit = (departmentId: string | null, departmentName: string | null) => {
    const key = departmentId ?? ''
    let u = units.get(key)
    if (!u) {
      u = { departmentId, departmentName, opened: 0, closed: 0, escalated: 0, overdue: 0 }
      units.set(key, u)
    }
    return u
  }
  const openedBySource: Record<string, number> = {}
  for (const c of opened) {
    unit(c.department_id, c.department_name).opened++
    openedBySource[c.source] = (openedBySource[c.source] ?? 0) + 1
  }
  for (const c of closed) unit(c.department_id, c.department_name).closed++
  for (const c of overdue) unit(c.department_id, c.department_name).overdue++
  const escalated = { bureau: 0, city: 0 }
  for (const e of escalations) {
    const level = (e.data as { to?: string }).to
    if (level === 'bureau' || level === 'city') escalated[level]++
    unit(e.department_id, e.department_name).escalated++
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    opened: opened.length,
    openedBySource,
    closed: closed.length,
    escalated,
    overdue: overdue.length,
    byUnit: [...units.values()].sort((a, b) => b.opened - a.opened || b.overdue - a.overdue),
  }
}
