import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { addDays } from '../../kernel/calendar/zoned-time'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { loadCapSettingsAt } from './cap-settings.service'
import type { CreateJointVisitInput } from './inspection-caps.schema'
import * as q from './inspection-caps.queries'
import { groupJointCandidates, isWithinWindow } from './joint-proposals'

/**
 * 综合查一次 for the bureau: proposals of inspections by several bodies of one enterprise close
 * together, and merging the chosen ones into one joint visit (task force, bureau leadership).
 */

const BUREAU_ROLES = ['dispatcher', 'bureau_leader'] as const
/** How far ahead proposals look: a quarter is as far as bodies plan in detail. */
const PROPOSAL_HORIZON_DAYS = 90

export async function listJointProposals(deps: AppDeps, actor: Actor, query: { from?: string | undefined }) {
  requireRole(actor, ...BUREAU_ROLES)
  const from = query.from ?? cityToday(deps)
  const { settings } = await loadCapSettingsAt(deps.db, from)
  const candidates = await q.findJointCandidates(deps.db, { from, to: addDays(from, PROPOSAL_HORIZON_DAYS) })
  const groups = groupJointCandidates(candidates, settings.jointWindowDays)
  return {
    windowDays: settings.jointWindowDays,
    items: groups.map((g) => ({
      enterpriseId: g.enterpriseId,
      enterpriseName: g.inspections[0]!.enterpriseName,
      suggestedOn: g.suggestedOn,
      inspections: g.inspections.map(({ enterpriseId: _e, enterpriseName: _n, ...rest }) => rest),
    })),
  }
}

const presentJointVisit = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  visitOn: 'visit_on',
  leadDepartmentId: 'lead_department_id',
  note: 'note',
  createdAt: 'created_at',
})

/**
 * Refuses: FORBIDDEN (not the bureau), INSPECTION_CAP_JOINT_NOT_MERGEABLE (unknown ids, several
 * enterprises, one body only, a lead body not among them, an inspection not planned or approved or
 * merged already), INSPECTION_CAP_JOINT_DATE_OUTSIDE_WINDOW.
 */
export async function createJointVisit(deps: AppDeps, actor: Actor, input: CreateJointVisitInput) {
  const user = requireRole(actor, ...BUREAU_ROLES)
  const ids = [...new Set(input.inspectionIds)]
  return deps.db.transaction().execute(async (tx) => {
    const rows = await q.lockInspectionsForMerge(tx, ids)
    const enterprises = new Set(rows.map((r) => r.enterprise_id))
    const bodies = new Set(rows.map((r) => r.department_id))
    const mergeable =
      rows.length === ids.length &&
      enterprises.size === 1 &&
      bodies.size >= 2 &&
      bodies.has(input.leadDepartmentId) &&
      rows.every((r) => (r.status === 'planned' || r.status === 'approved') && r.joint_visit_id === null)
    if (!mergeable) throw new AppError('INSPECTION_CAP_JOINT_NOT_MERGEABLE')
    const window = (r: (typeof rows)[number]) => ({ plannedOn: r.planned_on, windowEndsOn: r.window_ends_on })
    if (!rows.every((r) => isWithinWindow(input.visitOn, window(r))))
      throw new AppError('INSPECTION_CAP_JOINT_DATE_OUTSIDE_WINDOW')
    const visit = await q.insertJointVisit(tx, {
      enterpriseId: rows[0]!.enterprise_id,
      visitOn: input.visitOn,
      leadDepartmentId: input.leadDepartmentId,
      note: input.note,
      createdBy: user.userId,
      at: new Date(),
    })
    await q.setJointVisit(tx, ids, visit.id)
    await writeAudit(tx, user, {
      action: 'inspection_caps.merge_joint_visit',
      entityType: 'joint_visit',
      entityId: visit.id,
      after: { ...input, inspectionIds: ids },
    })
    return { ...presentJointVisit(visit), inspectionIds: ids }
  })
}
