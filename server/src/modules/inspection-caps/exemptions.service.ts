import { departmentsWhere, hasRole, requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import type { DecideExemptionInput, RequestExemptionInput } from './inspection-caps.schema'
import * as q from './inspection-caps.queries'
import type { ExemptionRequestStatus } from './inspection-caps.tables'

/**
 * Exemptions the bureau grants (申请豁免): a body's planner asks for one inspection over a cap with
 * a reason; the task force or the bureau's leadership grants or refuses it; the plan check uses a
 * granted one up (cap_exemption = 'bureau_granted'). Each step in one transaction, audited.
 */

const PLANNER_ROLES = ['inspector', 'department_head', 'handler'] as const
const BUREAU_ROLES = ['dispatcher', 'bureau_leader'] as const

const presentRequest = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  itemIds: 'item_ids',
  plannedOn: 'planned_on',
  reason: 'reason',
  status: 'status',
  requestedAt: 'requested_at',
  decidedAt: 'decided_at',
  decisionNote: 'decision_note',
  usedAt: 'used_at',
  usedPlannedOn: 'used_planned_on',
  version: 'version',
})

/** The bodies whose requests the actor may read: null for the bureau (every body). */
function readableBodies(actor: Actor): string[] | null {
  if (BUREAU_ROLES.some((r) => hasRole(actor, r))) return null
  return PLANNER_ROLES.flatMap((r) => departmentsWhere(actor, r))
}

/**
 * Refuses: FORBIDDEN (not a planner), INSPECTION_CAP_NOT_YOUR_BODY (another body's inspection),
 * INSPECTION_CAP_UNKNOWN_TARGET (no such enterprise or body, or an item not the body's).
 */
export async function requestExemption(deps: AppDeps, actor: Actor, input: RequestExemptionInput) {
  const user = requireRole(actor, ...PLANNER_ROLES)
  if (!PLANNER_ROLES.some((r) => departmentsWhere(user, r).includes(input.departmentId)))
    throw new AppError('INSPECTION_CAP_NOT_YOUR_BODY')
  const itemIds = [...new Set(input.itemIds)]
  const id = await deps.db.transaction().execute(async (tx) => {
    const known =
      (await q.enterpriseExists(tx, input.enterpriseId)) &&
      (await q.departmentExists(tx, input.departmentId)) &&
      (await q.countItemsOfBody(tx, input.departmentId, itemIds)) === itemIds.length
    if (!known) throw new AppError('INSPECTION_CAP_UNKNOWN_TARGET')
    const created = await q.insertExemptionRequest(tx, {
      ...input,
      itemIds,
      requestedBy: user.userId,
      at: new Date(),
    })
    await writeAudit(tx, user, {
      action: 'inspection_caps.request_exemption',
      entityType: 'inspection_cap_exemption_request',
      entityId: created,
      after: { ...input, itemIds },
    })
    return created
  })
  return presentRequest((await q.findExemptionRequest(deps.db, id))!)
}

export async function listExemptions(
  deps: AppDeps,
  actor: Actor,
  filter: { status?: ExemptionRequestStatus | undefined },
) {
  requireRole(actor, ...BUREAU_ROLES, ...PLANNER_ROLES)
  const rows = await q.listExemptionRequests(deps.db, {
    status: filter.status,
    departmentIds: readableBodies(actor),
  })
  return { items: rows.map(presentRequest) }
}

/** Refuses: FORBIDDEN (not the bureau), NOT_FOUND, INSPECTION_CAP_REQUEST_DECIDED (decided or changed). */
export async function decideExemption(deps: AppDeps, actor: Actor, id: string, input: DecideExemptionInput) {
  const user = requireRole(actor, ...BUREAU_ROLES)
  await deps.db.transaction().execute(async (tx) => {
    const before = await q.findExemptionRequest(tx, id)
    if (!before) throw notFound()
    const status = input.decision === 'grant' ? 'granted' : 'refused'
    const decided = await q.decideExemptionRequest(tx, {
      id,
      version: input.version,
      status,
      decidedBy: user.userId,
      note: input.note,
      at: new Date(),
    })
    if (!decided) throw new AppError('INSPECTION_CAP_REQUEST_DECIDED')
    await writeAudit(tx, user, {
      action: `inspection_caps.${input.decision}_exemption`,
      entityType: 'inspection_cap_exemption_request',
      entityId: id,
      before: { status: before.status },
      after: { status, note: input.note },
    })
  })
  return presentRequest((await q.findExemptionRequest(deps.db, id))!)
}
