import { randomUUID } from 'node:crypto'
import { departmentsWhere, hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday, cityYear } from '../../kernel/calendar/city-today'
import { notifyApplicant } from '../../kernel/cases/outbox'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { staffToNotify } from '../users'
import QRCode from 'qrcode'
import {
  allowedStaffActions,
  runInspectionAction,
  staffRolesOn,
  type InspectionContext,
  type InspectionOutcome,
} from './inspection-action'
import { formatInspectionNumber, newCheckCode } from './inspection-check-code'
import { runPlanChecks } from './inspection-plan-checks'
import * as rq from './inspection-registry.queries'
import { checkInspectionTeam, type InspectorFacts } from './inspection-team-rules'
import type {
  DecisionInput,
  InspectionDetail,
  InspectionList,
  InspectionListInput,
  PlanInspectionInput,
  ReasonInput,
} from './inspections.schema'
import './inspections.messages'
import * as q from './inspections.queries'

/**
 * Planning and approving inspections and service visits (issue 14 item 1). A certified inspector of
 * the body or its head plans one; the body's head approves or rejects it; the planner or the head
 * cancels it; whoever is on it closes a visit that has happened. The enterprise is told when a visit
 * is approved for it.
 *
 * Who reads: a body's heads and inspectors its inspections; the bureau (task force, leadership) all;
 * anyone else FORBIDDEN. Another body's inspection is "not found".
 */

const STAFF_READERS = ['department_head', 'inspector', 'dispatcher', 'bureau_leader'] as const

/** null: every body; otherwise the bodies whose inspections the caller may read. */
function readableBodies(user: UserActor): string[] {
  return [...new Set([...departmentsWhere(user, 'department_head'), ...departmentsWhere(user, 'inspector')])]
}
const isBureau = (user: UserActor) => hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')
const mayRead = (user: UserActor, departmentId: string) =>
  isBureau(user) || readableBodies(user).includes(departmentId)

/**
 * Plans an inspection or a service visit. Refuses, in this order: FORBIDDEN (role),
 * INSPECTION_PLANNER_NOT_CERTIFIED, NOT_FOUND (body, enterprise), INSPECTION_WINDOW_PAST,
 * INSPECTION_ITEM_NOT_PUBLISHED, the team's refusal (inspection-team-rules.ts), INSPECTION_VISITORS_REQUIRED
 * (a visitor not of the body), then whatever a registered plan check throws (the caps). Nothing is
 * written unless every check passed.
 */
export async function planInspection(
  deps: AppDeps,
  actor: Actor,
  input: PlanInspectionInput,
): Promise<InspectionDetail> {
  const user = requireRole(actor, 'inspector', 'department_head')
  const now = new Date()
  const today = cityToday(deps, now)
  const isHead = departmentsWhere(user, 'department_head').includes(input.departmentId)
  if (!isHead) {
    const me = await rq.findInspector(deps.db, user.userId)
    if (!me || !me.active || me.department_id !== input.departmentId || me.certified_until < today)
      throw new AppError('INSPECTION_PLANNER_NOT_CERTIFIED')
  }
  if (!(await rq.departmentExists(deps.db, input.departmentId))) throw notFound()
  if (!(await rq.enterpriseExists(deps.db, input.enterpriseId))) throw notFound()
  if (input.plannedOn < today) throw new AppError('INSPECTION_WINDOW_PAST', { fields: { plannedOn: today } })

  const itemIds = [...new Set(input.itemIds)]
  const inspectorIds = [...new Set(input.inspectorIds)]
  const visitorIds = [...new Set(input.visitorIds)]
  const id = await deps.db.transaction().execute(async (tx) => {
    const items = await rq.findItemsForPlan(tx, itemIds)
    const unusable = itemIds.filter((itemId) => {
      const item = items.find((i) => i.id === itemId)
      return !item || item.status !== 'published' || item.department_id !== input.departmentId
    })
    if (unusable.length)
      throw new AppError('INSPECTION_ITEM_NOT_PUBLISHED', { fields: { itemIds: unusable.join(',') } })

    const facts = new Map<string, InspectorFacts>(
      (await rq.findInspectorFacts(tx, inspectorIds, input.enterpriseId)).map((f) => [
        f.user_id,
        {
          userId: f.user_id,
          departmentId: f.department_id,
          active: f.active,
          certifiedUntil: f.certified_until,
          hasConflict: Boolean(f.has_conflict),
        },
      ]),
    )
    const teamRefusal = checkInspectionTeam(
      {
        kind: input.kind,
        departmentId: input.departmentId,
        plannedOn: input.plannedOn,
        inspectorIds,
        visitorIds,
      },
      facts,
    )
    if (teamRefusal)
      throw new AppError(teamRefusal.refusal, {
        fields: {
          [input.kind === 'service_visit' ? 'visitorIds' : 'inspectorIds']: teamRefusal.userIds.join(','),
        },
      })
    if (visitorIds.length) {
      const staff = await rq.findStaffOfBody(tx, input.departmentId, visitorIds)
      if (staff.length !== visitorIds.length) throw new AppError('INSPECTION_VISITORS_REQUIRED')
    }

    // the id is drawn first so a cap exemption the check uses up can name the inspection it let through
    const inspectionId = randomUUID()
    const notes = await runPlanChecks(tx, {
      inspectionId,
      enterpriseId: input.enterpriseId,
      departmentId: input.departmentId,
      kind: input.kind,
      itemIds,
      plannedOn: input.plannedOn,
      capExemption: input.capExemption ?? null,
      plannedBy: user.userId,
    })

    const number = formatInspectionNumber(
      cityYear(deps, now),
      await q.nextInspectionSerial(tx, cityYear(deps, now)),
    )
    const id = await q.insertInspection(tx, {
      id: inspectionId,
      number,
      checkCode: newCheckCode(),
      kind: input.kind,
      visitPurpose: input.visitPurpose ?? null,
      enterpriseId: input.enterpriseId,
      departmentId: input.departmentId,
      plannedOn: input.plannedOn,
      windowEndsOn: input.windowEndsOn,
      purpose: input.purpose,
      capExemption: input.capExemption ?? null,
      capExemptionNote: input.capExemptionNote ?? null,
      plannedBy: user.userId,
      itemIds,
      inspectorIds,
      visitorIds,
    })
    await q.insertInspectionEvent(tx, id, {
      type: 'plan',
      actorUserId: user.userId,
      actorRole: isHead ? 'department_head' : 'inspector',
      departmentId: input.departmentId,
      note: notes.length ? notes.join('\n') : null,
      noteAudience: 'internal',
      data: { itemIds, inspectorIds, visitorIds },
      audience: 'internal',
    })
    await writeAudit(tx, user, {
      action: 'inspection.plan',
      entityType: 'inspection',
      entityId: id,
      after: {
        status: 'planned',
        number,
        kind: input.kind,
        enterpriseId: input.enterpriseId,
        departmentId: input.departmentId,
        plannedOn: input.plannedOn,
        windowEndsOn: input.windowEndsOn,
        capExemption: input.capExemption ?? null,
        capExemptionNote: input.capExemptionNote ?? null,
        itemIds,
        inspectorIds,
        visitorIds,
      },
    })
    const heads = (await staffToNotify(tx, [input.departmentId], ['department_head'])).filter(
      (h) => h !== user.userId,
    )
    for (const userId of heads)
      await deps.notifier.enqueue(tx, {
        recipient: { userId },
        template: 'inspections.planned',
        params: { number },
      })
    return id
  })
  return readDetail(deps, user, id)
}

export async function listInspections(
  deps: AppDeps,
  actor: Actor,
  input: InspectionListInput,
): Promise<InspectionList> {
  const user = requireRole(actor, ...STAFF_READERS)
  const rows = await q.findInspections(deps.db, {
    departmentIds: isBureau(user) ? null : readableBodies(user),
    status: input.status,
    departmentId: input.departmentId,
    enterpriseId: input.enterpriseId,
  })
  return { items: rows.map(presentSummary) }
}

const presentSummary = definePresenter({
  id: 'id',
  number: 'number',
  kind: 'kind',
  visitPurpose: 'visit_purpose',
  status: 'status',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  plannedOn: 'planned_on',
  windowEndsOn: 'window_ends_on',
  createdAt: 'created_at',
})

const presentDetailRow = definePresenter({
  purpose: 'purpose',
  plannedByName: 'planned_by_name',
  approvedByName: 'approved_by_name',
  approvedAt: 'approved_at',
  decisionNote: 'decision_note',
  checkedInAt: 'checked_in_at',
  version: 'version',
})

/** The path of the enterprise's check page (what the QR code carries, after the site's address). */
export const checkPath = (code: string) => `/inspections/check/${code}`

async function readDetail(
  deps: AppDeps,
  user: UserActor,
  id: string,
  origin = 'http://localhost',
): Promise<InspectionDetail> {
  const row = await q.findInspectionDetail(deps.db, { id })
  if (!row || !mayRead(user, row.department_id)) throw notFound()
  const [items, people, events, teamIds] = await Promise.all([
    q.findItemsOf(deps.db, [id]),
    q.findPeopleOf(deps.db, id),
    q.findEventsOf(deps.db, id),
    q.findTeamIds(deps.db, id),
  ])
  const roles = staffRolesOn(user, row, teamIds)
  // The code is shown to the body's staff only, and only while it can be used at the door.
  const showsCode = row.status === 'approved' && readableBodies(user).includes(row.department_id)
  const checkUrl = showsCode
    ? `${(deps.config.publicUrl ?? origin).replace(/\/+$/, '')}${checkPath(row.check_code)}`
    : null
  return {
    ...presentSummary(row),
    ...presentDetailRow(row),
    items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, basis: i.basis })),
    people: people.map((p) => ({ userId: p.user_id, name: p.display_name, certificateNo: p.certificate_no })),
    checkCode: showsCode ? row.check_code : null,
    checkUrl,
    checkQrSvg: checkUrl
      ? await QRCode.toString(checkUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      : null,
    notes: events.filter((e) => e.type === 'plan' && e.note).map((e) => e.note!),
    actions: allowedStaffActions(roles, row.status),
    timeline: events.map((e) => ({
      type: e.type,
      at: e.at.toISOString(),
      actorName: e.actor_name,
      note: e.type === 'plan' ? null : e.note,
    })),
  }
}

export async function getInspection(
  deps: AppDeps,
  actor: Actor,
  id: string,
  origin: string,
): Promise<InspectionDetail> {
  return readDetail(deps, requireRole(actor, ...STAFF_READERS), id, origin)
}

/** Opens an inspection of a body the caller may read, with their roles on it. */
function openById(user: UserActor, id: string) {
  return async (tx: Parameters<typeof q.lockInspection>[0]) => {
    const row = await q.lockInspection(tx, id)
    if (!row || !mayRead(user, row.department_id)) return undefined
    return { row, roles: staffRolesOn(user, row, await q.findTeamIds(tx, id)) }
  }
}

function checkVersion(row: { version: number }, version: number) {
  if (row.version !== version) throw new AppError('VERSION_CONFLICT')
}

/**
 * The body's head approves: the check code is live from now, the items count as used, and the
 * enterprise is told the window, the body and the items.
 */
export async function approveInspection(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: DecisionInput,
): Promise<InspectionDetail> {
  const user = requireRole(actor, ...STAFF_READERS)
  await runInspectionAction(deps, user, 'approve', openById(user, id), async (ctx) => {
    checkVersion(ctx.row, input.version)
    return approvalOf(ctx, input.note ?? null)
  })
  return readDetail(deps, user, id)
}

/**
 * What approving does, for one inspection or each of a draw's (inspection-bulk-approval.ts): the
 * items count as used, the enterprise is told the window, the body and the items.
 */
export async function approvalOf(
  { deps, tx, row, now, actor }: InspectionContext,
  note: string | null,
): Promise<InspectionOutcome> {
  // A service visit (调研、观摩、督导) is a contact like any message: it takes one of the enterprise's
  // slots under the platform's contact cap, and is refused while the enterprise has had its share
  // (CONTACT_CAP_REACHED, "free again at …"). Inspections are not contacts: their caps are their own.
  if (row.kind === 'service_visit')
    await deps.notifier.recordManualContact(
      tx,
      {
        enterpriseId: row.enterprise_id,
        template: 'inspections.serviceVisitContact',
        params: { number: row.number, from: row.planned_on, to: row.window_ends_on },
        timeZone: deps.config.timeZone,
      },
      now,
    )
  const items = await q.findItemsOf(tx, [row.id])
  await rq.markItemsUsed(
    tx,
    items.map((i) => i.id),
    row.planned_on,
  )
  const detail = await q.findInspectionDetail(tx, { id: row.id })
  await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
    template: 'inspections.approved',
    params: {
      number: row.number,
      body: detail!.department_name,
      from: row.planned_on,
      to: row.window_ends_on,
      items: items.map((i) => i.name).join('、'),
    },
  })
  return {
    changes: { approved_by: actor.userId, approved_at: now, decision_note: note },
    event: { audience: 'enterprise', note },
  }
}

export async function rejectInspection(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReasonInput,
): Promise<InspectionDetail> {
  const user = requireRole(actor, ...STAFF_READERS)
  await runInspectionAction(deps, user, 'reject', openById(user, id), async ({ row }) => {
    checkVersion(row, input.version)
    return {
      changes: { decision_note: input.reason },
      event: { note: input.reason },
      audit: { reason: input.reason },
    }
  })
  return readDetail(deps, user, id)
}

export async function cancelInspection(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReasonInput,
): Promise<InspectionDetail> {
  const user = requireRole(actor, ...STAFF_READERS)
  await runInspectionAction(deps, user, 'cancel', openById(user, id), async ({ row, now }) => {
    checkVersion(row, input.version)
    // An approved visit was announced to the enterprise: its cancellation is shown to it too.
    const told = row.status === 'approved'
    return {
      changes: { closed_at: now },
      event: { note: input.reason, audience: told ? 'enterprise' : 'internal' },
      audit: { reason: input.reason },
    }
  })
  return readDetail(deps, user, id)
}

/** Closes a visit that happened (a service visit has no result; an inspection after its result). */
export async function closeInspection(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: DecisionInput,
): Promise<InspectionDetail> {
  const user = requireRole(actor, ...STAFF_READERS)
  await runInspectionAction(deps, user, 'close', openById(user, id), async ({ row, now }) => {
    checkVersion(row, input.version)
    return { changes: { closed_at: now }, event: { audience: 'enterprise', note: input.note ?? null } }
  })
  return readDetail(deps, user, id)
}
