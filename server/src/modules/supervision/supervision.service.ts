import {
  departmentsWhere,
  hasRole,
  requireStaff,
  type Actor,
  type SystemActor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { staffToNotify } from '../users'
import type { CloseSupervisionCaseInput, SupervisionCase, SupervisionListInput } from './supervision.schema'
import './supervision.messages'
import * as q from './supervision.queries'
import type { SupervisionCaseRow } from './supervision.queries'

/**
 * Supervision cases (督办): the bureau pursues a unit that breached. The bureau (task force and
 * leadership) sees and closes every case; a department head sees the cases against their department;
 * nobody else sees any.
 */

/** null: every department; otherwise the departments the actor may see cases of. */
function scopeOf(actor: UserActor): string[] | null {
  if (hasRole(actor, 'dispatcher') || hasRole(actor, 'bureau_leader')) return null
  const heads = departmentsWhere(actor, 'department_head')
  if (heads.length) return heads
  throw new AppError('FORBIDDEN')
}

/** A case as its readers see it; the answer schema (SupervisionCase) must match this list. */
const present: (row: SupervisionCaseRow) => SupervisionCase = definePresenter({
  id: 'id',
  source: 'source',
  reason: 'reason',
  level: 'level',
  status: 'status',
  departmentId: 'department_id',
  departmentName: 'department_name',
  appealId: 'appeal_id',
  appealNumber: 'appeal_number',
  appealTitle: 'appeal_title',
  openedAt: 'opened_at',
  closedAt: 'closed_at',
  closedByName: 'closed_by_name',
  closingNote: 'closing_note',
  version: 'version',
})

/**
 * Opens a case for an appeal inside the caller's transaction, unless one is already open for it (one
 * open case per appeal, whichever clock got there first). Answers the case id and whether it is new.
 */
export async function openSupervisionCaseForAppeal(
  tx: Tx,
  actor: SystemActor | UserActor,
  input: { appealId: string; departmentId: string | null; reason: string },
): Promise<{ id: string; isNew: boolean }> {
  const open = await q.findOpenCaseOfAppeal(tx, input.appealId)
  if (open) return { id: open.id, isNew: false }
  const opened = await q.insertSupervisionCase(tx, { ...input, source: 'appeal_breach' })
  await writeAudit(tx, actor, {
    action: 'supervision_case.open',
    entityType: 'supervision_case',
    entityId: opened.id,
    after: input,
  })
  return { id: opened.id, isNew: true }
}

/** Refuses: FORBIDDEN (not the bureau, not a department head). */
export async function listSupervisionCases(deps: AppDeps, actor: Actor, input: SupervisionListInput) {
  const scope = scopeOf(requireStaff(actor))
  const page = await q.findSupervisionCases(
    deps.db,
    { status: input.status, departmentIds: scope },
    { limit: input.limit, offset: input.offset },
  )
  return { items: page.items.map(present), total: page.total }
}

/** Refuses: FORBIDDEN, NOT_FOUND (also for a case against another department). */
export async function getSupervisionCase(deps: AppDeps, actor: Actor, id: string) {
  const scope = scopeOf(requireStaff(actor))
  const row = await q.findSupervisionCase(deps.db, id)
  if (!row || (scope && (!row.department_id || !scope.includes(row.department_id)))) throw notFound()
  return present(row)
}

/**
 * The bureau closes a case with what was done; the department's head hears of it.
 * Refuses: FORBIDDEN (not the task force or the bureau leadership), NOT_FOUND, VERSION_CONFLICT,
 * SUPERVISION_CASE_CLOSED.
 */
export async function closeSupervisionCase(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: CloseSupervisionCaseInput,
) {
  const user = requireStaff(actor)
  if (!hasRole(user, 'dispatcher') && !hasRole(user, 'bureau_leader')) throw new AppError('FORBIDDEN')
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockSupervisionCase(tx, id)
    if (!row) throw notFound()
    if (row.status === 'closed') throw new AppError('SUPERVISION_CASE_CLOSED')
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    await q.closeSupervisionCase(tx, id, { by: user.userId, note: input.note, at: new Date() })
    const shown = await q.findSupervisionCase(tx, id)
    if (row.department_id) {
      for (const userId of await staffToNotify(tx, [row.department_id], ['department_head'])) {
        await deps.notifier.enqueue(tx, {
          recipient: { userId },
          template: 'supervision.closed',
          params: { subject: shown?.appeal_number ?? shown?.reason ?? '', note: input.note },
        })
      }
    }
    await writeAudit(tx, user, {
      action: 'supervision_case.close',
      entityType: 'supervision_case',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'closed', note: input.note },
    })
  })
  return getSupervisionCase(deps, actor, id)
}

/** Open supervision cases the caller reads (the bureau: all; a department head: their department's). */
export async function countOpenCases(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  if (!hasRole(user, 'dispatcher') && !hasRole(user, 'bureau_leader') && !hasRole(user, 'department_head'))
    return []
  const page = await q.findSupervisionCases(
    deps.db,
    { status: 'open', departmentIds: scopeOf(user) },
    { limit: 1, offset: 0 },
  )
  return [{ key: 'supervision.open', count: page.total, path: '/staff/supervision' }]
}
