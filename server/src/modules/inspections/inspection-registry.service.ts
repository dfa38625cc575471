import { departmentsWhere, hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { isUnusedFiveYears } from './inspection-item-age'
import * as q from './inspection-registry.queries'
import type {
  CertifyInspectorInput,
  CreateInspectionItemInput,
  DeclareConflictInput,
  InspectionItem,
  InspectionItemList,
  InspectionItemListInput,
  InspectorList,
  InspectorListInput,
  PlanningChoices,
  VersionInput,
} from './inspections.schema'

/**
 * The registry (检查事项清单, 执法人员名录): what may be inspected and who may inspect.
 *
 * Who: an admin manages every body's items and inspectors; a body's head manages its own; the bureau's
 * leadership reads all; a body's inspectors read their own body's (to plan). Anyone else: FORBIDDEN.
 * Another body's item or inspector is "not found" to a head.
 */

const MANAGERS = ['admin', 'department_head'] as const
const READERS = ['admin', 'department_head', 'bureau_leader', 'inspector'] as const
/** The items also to the bureau's task force, which opens random draws under a body's published items. */
const ITEM_READERS = [...READERS, 'dispatcher'] as const

/** null: every body; otherwise the bodies whose registry the caller may manage. */
function managedBodies(user: UserActor): string[] | null {
  return hasRole(user, 'admin') ? null : departmentsWhere(user, 'department_head')
}

/** null: every body; otherwise the bodies whose registry the caller may read. */
function readableBodies(user: UserActor): string[] | null {
  if (hasRole(user, 'admin') || hasRole(user, 'bureau_leader') || hasRole(user, 'dispatcher')) return null
  return [...new Set([...departmentsWhere(user, 'department_head'), ...departmentsWhere(user, 'inspector')])]
}

const mayManage = (user: UserActor, departmentId: string) => {
  const bodies = managedBodies(user)
  return bodies === null || bodies.includes(departmentId)
}

const presentItemRow = definePresenter({
  id: 'id',
  code: 'code',
  name: 'name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  basis: 'basis',
  content: 'content',
  status: 'status',
  publishedAt: 'published_at',
  withdrawnAt: 'withdrawn_at',
  lastUsedOn: 'last_used_on',
  version: 'version',
})

function presentItem(row: q.InspectionItemRow, asOf: string, timeZone: string): InspectionItem {
  const publishedOn = row.published_at ? cityToday({ config: { timeZone } }, row.published_at) : null
  return {
    ...presentItemRow(row),
    isUnusedFiveYears: isUnusedFiveYears({ lastUsedOn: row.last_used_on, publishedOn }, asOf),
  }
}

export async function listInspectionItems(
  deps: AppDeps,
  actor: Actor,
  input: InspectionItemListInput,
): Promise<InspectionItemList> {
  const user = requireRole(actor, ...ITEM_READERS)
  const bodies = readableBodies(user)
  const departmentIds =
    input.departmentId === undefined
      ? bodies
      : bodies === null || bodies.includes(input.departmentId)
        ? [input.departmentId]
        : []
  const asOf = input.asOf ?? cityToday(deps)
  const rows = await q.findInspectionItems(deps.db, { departmentIds, status: input.status, q: input.q })
  return { items: rows.map((r) => presentItem(r, asOf, deps.config.timeZone)), asOf }
}

async function readItem(deps: AppDeps, user: UserActor, id: string): Promise<InspectionItem> {
  const row = await q.findInspectionItem(deps.db, id)
  const bodies = readableBodies(user)
  if (!row || (bodies !== null && !bodies.includes(row.department_id))) throw notFound()
  return presentItem(row, cityToday(deps), deps.config.timeZone)
}

export async function getInspectionItem(deps: AppDeps, actor: Actor, id: string): Promise<InspectionItem> {
  return readItem(deps, requireRole(actor, ...ITEM_READERS), id)
}

/** A draft item of a body the caller manages. Refuses: FORBIDDEN, NOT_FOUND (body), INSPECTION_ITEM_CODE_TAKEN. */
export async function createInspectionItem(
  deps: AppDeps,
  actor: Actor,
  input: CreateInspectionItemInput,
): Promise<InspectionItem> {
  const user = requireRole(actor, ...MANAGERS)
  if (!mayManage(user, input.departmentId)) throw new AppError('FORBIDDEN')
  if (!(await q.departmentExists(deps.db, input.departmentId))) throw notFound()
  const id = await deps.db.transaction().execute(async (tx) => {
    if (await q.isInspectionItemCodeTaken(tx, input.code)) throw new AppError('INSPECTION_ITEM_CODE_TAKEN')
    const id = await q.insertInspectionItem(tx, {
      code: input.code,
      name: input.name,
      departmentId: input.departmentId,
      basis: input.basis,
      content: input.content ?? '',
    })
    await writeAudit(tx, user, {
      action: 'inspection_item.create',
      entityType: 'inspection_item',
      entityId: id,
      after: { code: input.code, name: input.name, departmentId: input.departmentId, status: 'draft' },
    })
    return id
  })
  return readItem(deps, user, id)
}

/**
 * Publishes a draft (only a published item may be inspected) or withdraws a published one.
 * Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, INSPECTION_ITEM_NOT_PUBLISHABLE / _NOT_WITHDRAWABLE.
 */
export async function moveInspectionItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  move: 'publish' | 'withdraw',
  input: VersionInput,
): Promise<InspectionItem> {
  const user = requireRole(actor, ...MANAGERS)
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockInspectionItem(tx, id)
    if (!row || !mayManage(user, row.department_id)) throw notFound()
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const now = new Date()
    if (move === 'publish') {
      if (row.status !== 'draft') throw new AppError('INSPECTION_ITEM_NOT_PUBLISHABLE')
      await q.updateInspectionItem(tx, id, { status: 'published', published_at: now })
    } else {
      if (row.status !== 'published') throw new AppError('INSPECTION_ITEM_NOT_WITHDRAWABLE')
      await q.updateInspectionItem(tx, id, { status: 'withdrawn', withdrawn_at: now })
    }
    await writeAudit(tx, user, {
      action: `inspection_item.${move}`,
      entityType: 'inspection_item',
      entityId: id,
      before: { status: row.status },
      after: { status: move === 'publish' ? 'published' : 'withdrawn' },
    })
  })
  return readItem(deps, user, id)
}

// ── inspectors ────────────────────────────────────────────────────────────────────────────────

export async function listInspectors(
  deps: AppDeps,
  actor: Actor,
  input: InspectorListInput,
): Promise<InspectorList> {
  const user = requireRole(actor, ...READERS)
  const bodies = readableBodies(user)
  const departmentIds =
    input.departmentId === undefined
      ? bodies
      : bodies === null || bodies.includes(input.departmentId)
        ? [input.departmentId]
        : []
  const rows = await q.findInspectors(deps.db, departmentIds)
  const conflicts = await q.findConflictsOf(
    deps.db,
    rows.map((r) => r.user_id),
  )
  return {
    items: rows.map((r) => ({
      userId: r.user_id,
      name: r.display_name,
      departmentId: r.department_id,
      departmentName: r.department_name,
      certificateNo: r.certificate_no,
      certifiedUntil: r.certified_until,
      active: r.active,
      conflicts: conflicts
        .filter((c) => c.inspector_user_id === r.user_id)
        .map((c) => ({ enterpriseId: c.enterprise_id, enterpriseName: c.enterprise_name, reason: c.reason })),
    })),
  }
}

/**
 * Registers a member of the body's staff as a certified inspector.
 * Refuses: FORBIDDEN, INSPECTOR_USER_NOT_OF_BODY, INSPECTOR_ALREADY_CERTIFIED.
 */
export async function certifyInspector(
  deps: AppDeps,
  actor: Actor,
  input: CertifyInspectorInput,
): Promise<InspectorList> {
  const user = requireRole(actor, ...MANAGERS)
  if (!mayManage(user, input.departmentId)) throw new AppError('FORBIDDEN')
  await deps.db.transaction().execute(async (tx) => {
    const staff = await q.findStaffOfBody(tx, input.departmentId, [input.userId])
    if (!staff.length) throw new AppError('INSPECTOR_USER_NOT_OF_BODY')
    if ((await q.findInspector(tx, input.userId)) || (await q.isCertificateNoTaken(tx, input.certificateNo)))
      throw new AppError('INSPECTOR_ALREADY_CERTIFIED')
    await q.insertInspector(tx, input)
    await writeAudit(tx, user, {
      action: 'inspector.certify',
      entityType: 'inspector',
      entityId: input.userId,
      after: {
        departmentId: input.departmentId,
        certificateNo: input.certificateNo,
        certifiedUntil: input.certifiedUntil,
      },
    })
  })
  return listInspectors(deps, user, { departmentId: input.departmentId })
}

/** Deactivates an inspector (no new plans name them). Refuses: FORBIDDEN, NOT_FOUND. */
export async function deactivateInspector(
  deps: AppDeps,
  actor: Actor,
  userId: string,
): Promise<InspectorList> {
  const user = requireRole(actor, ...MANAGERS)
  const departmentId = await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockInspector(tx, userId)
    if (!row || !mayManage(user, row.department_id)) throw notFound()
    if (row.active) {
      await q.updateInspector(tx, userId, { active: false })
      await writeAudit(tx, user, {
        action: 'inspector.deactivate',
        entityType: 'inspector',
        entityId: userId,
        before: { active: true },
        after: { active: false },
      })
    }
    return row.department_id
  })
  return listInspectors(deps, user, { departmentId })
}

/** Records a declared conflict of interest: the inspector is recused from the enterprise. */
export async function declareConflict(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  input: DeclareConflictInput,
): Promise<InspectorList> {
  const user = requireRole(actor, ...MANAGERS)
  const departmentId = await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockInspector(tx, userId)
    if (!row || !mayManage(user, row.department_id)) throw notFound()
    if (!(await q.enterpriseExists(tx, input.enterpriseId))) throw notFound()
    if (await q.insertConflict(tx, { userId, enterpriseId: input.enterpriseId, reason: input.reason }))
      await writeAudit(tx, user, {
        action: 'inspector.declare_conflict',
        entityType: 'inspector',
        entityId: userId,
        after: { enterpriseId: input.enterpriseId, reason: input.reason },
      })
    return row.department_id
  })
  return listInspectors(deps, user, { departmentId })
}

/**
 * What the plan form offers for one body: its published items, its inspectors certified today, its
 * staff (a service visit's visitors). For the body's heads and inspectors (and the bureau, reading).
 */
export async function getPlanningChoices(
  deps: AppDeps,
  actor: Actor,
  departmentId: string,
): Promise<PlanningChoices> {
  const user = requireRole(actor, ...READERS)
  const bodies = readableBodies(user)
  if (bodies !== null && !bodies.includes(departmentId)) throw notFound()
  const today = cityToday(deps)
  const [items, inspectors, staff] = await Promise.all([
    q.findInspectionItems(deps.db, { departmentIds: [departmentId], status: 'published' }),
    q.findInspectors(deps.db, [departmentId]),
    q.findStaffListOfBody(deps.db, departmentId),
  ])
  return {
    items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, basis: i.basis })),
    inspectors: inspectors
      .filter((i) => i.active && i.certified_until >= today)
      .map((i) => ({
        userId: i.user_id,
        name: i.display_name,
        certificateNo: i.certificate_no,
        certifiedUntil: i.certified_until,
      })),
    staff: staff.map((s) => ({ userId: s.id, name: s.display_name })),
  }
}
