import { requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { staffToNotify } from '../users'
import { runInspectionAction } from './inspection-action'
import { normalizeCheckCode } from './inspection-check-code'
import type {
  CheckView,
  MyInspectionList,
  ReasonInput,
  ReportUnregisteredVisitInput,
  UnregisteredVisitReport,
  UnregisteredVisitReportList,
} from './inspections.schema'
import './inspections.messages'
import * as q from './inspections.queries'

/**
 * At the door (扫码入企): the enterprise scans the code the inspector shows and sees who, what, under
 * which basis and whose approval; it checks the visit in or refuses it. A visit with no code, or a code
 * that does not verify, is refused and reported in one tap. And the enterprise's whole history.
 *
 * Who: a person acting for the enterprise the code is for (an enterprise user of another enterprise,
 * like anyone with a wrong code, gets INSPECTION_CODE_NOT_VALID); staff: FORBIDDEN. The bureau (task
 * force, leadership) reads the reports.
 */

/** States in which the code is no longer or not yet anything to show: the visit never was approved. */
const NEVER_APPROVED = ['planned', 'rejected', 'cancelled'] as const

async function memberEnterprises(db: Executor, user: UserActor) {
  return q.findEnterpriseIdsOfMember(db, user.userId)
}

/**
 * What the scan shows. Refuses: INSPECTION_CODE_NOT_VALID (unknown, or for another enterprise),
 * INSPECTION_NOT_APPROVED (planned, rejected or cancelled), INSPECTION_OUTSIDE_WINDOW (approved, but
 * today is not in its window).
 */
export async function viewCheckCode(deps: AppDeps, actor: Actor, code: string): Promise<CheckView> {
  const user = requireRole(actor, 'enterprise')
  const row = await q.findInspectionDetail(deps.db, { checkCode: normalizeCheckCode(code) })
  if (!row || !(await memberEnterprises(deps.db, user)).includes(row.enterprise_id))
    throw new AppError('INSPECTION_CODE_NOT_VALID')
  if ((NEVER_APPROVED as readonly string[]).includes(row.status))
    throw new AppError('INSPECTION_NOT_APPROVED')
  if (row.status === 'approved') refuseOutsideWindow(row, cityToday(deps))
  const [items, people] = await Promise.all([
    q.findItemsOf(deps.db, [row.id]),
    q.findPeopleOf(deps.db, row.id),
  ])
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    visitPurpose: row.visit_purpose,
    status: row.status,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    departmentName: row.department_name,
    purpose: row.purpose,
    plannedOn: row.planned_on,
    windowEndsOn: row.window_ends_on,
    items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, basis: i.basis })),
    people: people.map((p) => ({ userId: p.user_id, name: p.display_name, certificateNo: p.certificate_no })),
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at?.toISOString() ?? null,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    version: row.version,
  }
}

function refuseOutsideWindow(row: { planned_on: string; window_ends_on: string }, today: string) {
  if (today < row.planned_on || today > row.window_ends_on)
    throw new AppError('INSPECTION_OUTSIDE_WINDOW', {
      fields: { window: `${row.planned_on} – ${row.window_ends_on}` },
    })
}

/** Opens the inspection a code names, for a member of its enterprise only. */
function openByCode(user: UserActor, code: string) {
  return async (tx: Parameters<typeof q.lockInspectionByCode>[0]) => {
    const row = await q.lockInspectionByCode(tx, normalizeCheckCode(code))
    if (!row || !(await memberEnterprises(tx, user)).includes(row.enterprise_id))
      throw new AppError('INSPECTION_CODE_NOT_VALID')
    return { row, roles: ['enterprise' as const] }
  }
}

/** 确认入企: the visit happens under this code. Refuses as viewCheckCode, and on a stale version. */
export async function checkInInspection(
  deps: AppDeps,
  actor: Actor,
  code: string,
  input: { version: number },
): Promise<CheckView> {
  const user = requireRole(actor, 'enterprise')
  await runInspectionAction(deps, user, 'check_in', openByCode(user, code), async ({ row, now }) => {
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    refuseOutsideWindow(row, cityToday(deps, now))
    return {
      changes: { checked_in_at: now, checked_in_by: user.userId },
      event: { audience: 'enterprise' },
    }
  })
  return viewCheckCode(deps, user, code)
}

/** 拒绝: the enterprise refuses an approved visit at the door, with its reason (the body hears of it). */
export async function refuseInspection(
  deps: AppDeps,
  actor: Actor,
  code: string,
  input: ReasonInput,
): Promise<CheckView> {
  const user = requireRole(actor, 'enterprise')
  await runInspectionAction(deps, user, 'refuse', openByCode(user, code), async ({ tx, row, now }) => {
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    refuseOutsideWindow(row, cityToday(deps, now))
    for (const userId of await staffToNotify(tx, [row.department_id], ['department_head']))
      await deps.notifier.enqueue(tx, {
        recipient: { userId },
        template: 'inspections.refused',
        params: { number: row.number, reason: input.reason },
      })
    return {
      changes: { closed_at: now },
      event: { audience: 'enterprise', note: input.reason, noteAudience: 'enterprise' },
      audit: { reason: input.reason },
    }
  })
  return viewCheckCode(deps, user, code)
}

const presentReport = (r: Awaited<ReturnType<typeof q.findUnregisteredVisitReports>>[number]) => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  bodyName: r.body_name,
  note: r.note,
  presentedCode: r.presented_code,
  visitedOn: r.visited_on,
  reportedAt: r.reported_at.toISOString(),
})

/**
 * One tap at the door: a visit that showed no code, or one that does not verify, is refused and
 * reported to the bureau (the task force hears of it). The body is named as the visitors named it,
 * and a presented code is kept as typed: the bureau follows it up. Refuses: FORBIDDEN, NOT_FOUND (an
 * enterprise the caller does not act for).
 */
export async function reportUnregisteredVisit(
  deps: AppDeps,
  actor: Actor,
  input: ReportUnregisteredVisitInput,
): Promise<UnregisteredVisitReport> {
  const user = requireRole(actor, 'enterprise')
  if (!(await memberEnterprises(deps.db, user)).includes(input.enterpriseId)) throw notFound()
  const now = new Date()
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await q.insertUnregisteredVisitReport(tx, {
      enterpriseId: input.enterpriseId,
      reportedBy: user.userId,
      bodyName: input.bodyName,
      note: input.note ?? '',
      presentedCode: input.presentedCode ?? null,
      visitedOn: cityToday(deps, now),
    })
    await writeAudit(tx, user, {
      action: 'unregistered_visit.report',
      entityType: 'unregistered_visit_report',
      entityId: id,
      after: {
        enterpriseId: input.enterpriseId,
        bodyName: input.bodyName,
        presentedCode: input.presentedCode ?? null,
      },
    })
    for (const userId of await staffToNotify(tx, null, ['dispatcher']))
      await deps.notifier.enqueue(tx, {
        recipient: { userId },
        template: 'inspections.unregistered_reported',
        params: { body: input.bodyName },
      })
    return id
  })
  const [row] = await q.findUnregisteredVisitReports(deps.db, { id })
  return presentReport(row!)
}

export async function listUnregisteredVisitReports(
  deps: AppDeps,
  actor: Actor,
): Promise<UnregisteredVisitReportList> {
  requireRole(actor, 'dispatcher', 'bureau_leader')
  return { items: (await q.findUnregisteredVisitReports(deps.db)).map(presentReport) }
}

/** Every inspection and visit approved for the caller's enterprises, with its rating state. */
export async function listMyInspections(deps: AppDeps, actor: Actor): Promise<MyInspectionList> {
  const user = requireRole(actor, 'enterprise')
  const rows = await q.findEnterpriseInspections(deps.db, await memberEnterprises(deps.db, user))
  const items = await q.findItemsOf(
    deps.db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => {
      const rateable = (q.RATEABLE_STATES as readonly string[]).includes(r.status)
      const level = r.rating_level ?? null
      return {
        id: r.id,
        number: r.number,
        kind: r.kind,
        visitPurpose: r.visit_purpose,
        status: r.status,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        departmentName: r.department_name,
        plannedOn: r.planned_on,
        windowEndsOn: r.window_ends_on,
        checkedInAt: r.checked_in_at?.toISOString() ?? null,
        items: items.filter((i) => i.inspection_id === r.id).map((i) => ({ code: i.code, name: i.name })),
        rating: {
          state: level !== null ? ('rated' as const) : rateable ? ('to_rate' as const) : ('not_yet' as const),
          level,
        },
        hasResult: Boolean(r.has_result),
      }
    }),
  }
}
