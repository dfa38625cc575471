import {
  departmentsWhere,
  hasRole,
  requireStaff,
  type Actor,
  type SystemActor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit, writeAudits } from '../../kernel/audit/audit'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import type { StaffRole } from '../../shared/roles'
import { staffToNotify } from '../users'
import type {
  NoteMoveInput,
  OpenSupervisionCaseInput,
  RespondSupervisionCaseInput,
  SupervisionCase,
  SupervisionCaseDetail,
  SupervisionListInput,
  SupervisionSettings,
} from './supervision.schema'
import './supervision.messages'
import * as q from './supervision.queries'
import type { LockedSupervisionCase, SupervisionCaseRow } from './supervision.queries'
import type { SupervisionLevel, SupervisionSource, SupervisionSubjectType } from './supervision.tables'
import { allowedActions, rolesOn, runSupervisionAction, type SupervisionContext } from './supervision-action'
import { isOverdue, nextLevel, responseDays, type SupervisionAction } from './supervision-states'

/**
 * Supervision cases (督办): the bureau pursues a unit. A case opens automatically once per cause
 * (openSupervisionCase) or by the bureau's hand; the unit's head responds by a deadline in working
 * days that depends on the level; the bureau accepts the response (closed) or sends it back; no
 * response by the deadline climbs one level (supervision-sweep.service.ts).
 *
 * Who sees: the bureau (task force, leadership) and discipline inspection every case; a department's
 * heads and handlers the cases against their department (handlers read only); nobody else any.
 */

const BUREAU: StaffRole[] = ['dispatcher', 'bureau_leader']
/** Who hears that a case reached a level (besides the unit's heads, who hear every move). */
const LEVEL_READERS: Record<SupervisionLevel, StaffRole[]> = {
  section: ['dispatcher'],
  bureau: ['dispatcher', 'bureau_leader'],
  city: ['bureau_leader', 'discipline_inspector'],
}

/** null: every department; otherwise the departments the actor may see cases of. Refuses: FORBIDDEN. */
function scopeOf(actor: UserActor): string[] | null {
  if (isBureau(actor) || hasRole(actor, 'discipline_inspector')) return null
  const units = [...departmentsWhere(actor, 'department_head'), ...departmentsWhere(actor, 'handler')]
  if (units.length) return [...new Set(units)]
  throw new AppError('FORBIDDEN')
}

const isBureau = (actor: UserActor) => BUREAU.some((r) => hasRole(actor, r))
const inScope = (scope: string[] | null, row: { department_id: string | null }) =>
  scope === null || (row.department_id !== null && scope.includes(row.department_id))

/** A case as its readers see it; the answer schema (SupervisionCase) must match this list. */
const presentRow = definePresenter({
  id: 'id',
  source: 'source',
  reason: 'reason',
  level: 'level',
  status: 'status',
  subjectType: 'subject_type',
  subjectId: 'subject_id',
  subjectNumber: 'subject_number',
  subjectTitle: 'subject_title',
  departmentId: 'department_id',
  departmentName: 'department_name',
  appealId: 'appeal_id',
  appealNumber: 'appeal_number',
  appealTitle: 'appeal_title',
  openedAt: 'opened_at',
  responseDueAt: 'response_due_at',
  escalationCount: 'escalation_count',
  respondedAt: 'responded_at',
  closedAt: 'closed_at',
  closedByName: 'closed_by_name',
  closingNote: 'closing_note',
  version: 'version',
})

function present(row: SupervisionCaseRow, now = new Date()): SupervisionCase {
  return { ...presentRow(row), overdue: isOverdue(row, now) }
}

const presentEvent = definePresenter({
  id: 'id',
  at: 'at',
  type: 'type',
  actorName: 'actor_name',
  actorRole: 'actor_role',
  note: 'note',
  data: 'data',
})

// ---- settings -----------------------------------------------------------------------------------

export async function ladderSettings(db: Executor): Promise<SupervisionSettings> {
  const s = await q.findSettings(db)
  return {
    sectionDays: s.section_days,
    bureauDays: s.bureau_days,
    cityDays: s.city_days,
    badRatingThreshold: s.bad_rating_threshold,
    badRatingWindowDays: s.bad_rating_window_days,
  }
}

/** Refuses: FORBIDDEN (not the bureau, not an administrator). */
export async function getSupervisionSettings(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  if (!isBureau(user) && !hasRole(user, 'admin')) throw new AppError('FORBIDDEN')
  return ladderSettings(deps.db)
}

/** The bureau's leadership or an administrator sets the ladder. Refuses: FORBIDDEN. */
export async function setSupervisionSettings(deps: AppDeps, actor: Actor, input: SupervisionSettings) {
  const user = requireStaff(actor)
  if (!hasRole(user, 'bureau_leader') && !hasRole(user, 'admin')) throw new AppError('FORBIDDEN')
  await deps.db.transaction().execute(async (tx) => {
    const before = await ladderSettings(tx)
    await q.updateSettings(tx, {
      section_days: input.sectionDays,
      bureau_days: input.bureauDays,
      city_days: input.cityDays,
      bad_rating_threshold: input.badRatingThreshold,
      bad_rating_window_days: input.badRatingWindowDays,
      updated_by: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'supervision_settings.update',
      entityType: 'supervision_settings',
      entityId: 'ladder',
      before,
      after: input,
    })
  })
  return ladderSettings(deps.db)
}

// ---- opening ------------------------------------------------------------------------------------

async function dueAt(deps: AppDeps, tx: Tx, level: SupervisionLevel, from: Date, days?: number) {
  const calendar = await deps.calendar.calendar(tx)
  return calendar.addWorkingDays(from, days ?? responseDays(await ladderSettings(tx), level))
}

async function notifyUnitAndReaders(
  deps: AppDeps,
  tx: Tx,
  departmentId: string | null,
  readers: StaffRole[],
  template: string,
  params: Record<string, string>,
) {
  const heads = departmentId ? await staffToNotify(tx, [departmentId], ['department_head']) : []
  const others = readers.length ? await staffToNotify(tx, null, readers) : []
  for (const userId of new Set([...heads, ...others]))
    await deps.notifier.enqueue(tx, { recipient: { userId }, template, params })
}

export type OpenSupervisionCaseRequest = {
  source: SupervisionSource
  subjectType: SupervisionSubjectType | null
  subjectId: string | null
  departmentId: string | null
  reason: string
  level?: SupervisionLevel
  /** the moment it opens (a sweep's pinned instant); now when not given */
  at?: Date
  /** working days to respond; the level's setting when not given */
  responseDays?: number
  /** what the opener knows of the cause (rating ids, the receipt instant…), on the timeline */
  data?: Record<string, unknown>
}

/**
 * Opens a case inside the caller's transaction, once per cause: an automatic source opens at most one
 * unclosed case per subject (the partial unique index holds it even against two openers at once),
 * and answers the one already open otherwise. The unit's heads and the level's readers hear of it.
 * This is the hook for every source, overdue payments included (source 'overdue_payment', subject
 * 'payable'): call it from the module that knows, in its transaction.
 */
export async function openSupervisionCase(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor | UserActor,
  input: OpenSupervisionCaseRequest,
): Promise<{ id: string; isNew: boolean }> {
  const [opened] = await openSupervisionCases(deps, tx, actor, [input])
  return opened!
}

/**
 * Opens many cases in the caller's transaction in a few statements (a sweep that found 200 overdue
 * payables at once), each once per cause as openSupervisionCase; answers, in the order asked, each
 * case's id and whether it is new. Each unit's heads and each level's readers get one message: the
 * case's reason when it is one case, the count when it is several (nobody wants 200 messages).
 */
export async function openSupervisionCases(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor | UserActor,
  inputs: readonly OpenSupervisionCaseRequest[],
): Promise<{ id: string; isNew: boolean }[]> {
  if (!inputs.length) return []
  // the deadline depends on the level, the days and the instant: computed once for each
  const dues = new Map<string, Date>()
  const dueOf = async (level: SupervisionLevel, at: Date, days?: number) => {
    const key = `${level}|${at.getTime()}|${days ?? ''}`
    if (!dues.has(key)) dues.set(key, await dueAt(deps, tx, level, at, days))
    return dues.get(key)!
  }
  const rows: {
    input: OpenSupervisionCaseRequest
    level: SupervisionLevel
    row: q.NewSupervisionCase
  }[] = []
  for (const input of inputs) {
    const at = input.at ?? new Date()
    const level = input.level ?? 'section'
    rows.push({
      input,
      level,
      row: {
        source: input.source,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        appealId: input.subjectType === 'appeal' ? input.subjectId : null,
        departmentId: input.departmentId,
        reason: input.reason,
        level,
        responseDueAt: await dueOf(level, at, input.responseDays),
        openedBy: actor.kind === 'user' ? actor.userId : null,
        at,
      },
    })
  }
  const inserted = await q.insertSupervisionCases(
    tx,
    rows.map((r) => r.row),
  )
  // a case inserted answers its request; a request the cause index turned away has its open case
  const causeKey = (source: string, subjectType: string | null, subjectId: string | null) =>
    `${source}|${subjectType}|${subjectId}`
  const newIds = new Map<string, string>()
  const manualIds: string[] = []
  for (const r of inserted)
    if (r.source === 'manual') manualIds.push(r.id)
    else newIds.set(causeKey(r.source, r.subject_type, r.subject_id), r.id)
  const answers: { id: string; isNew: boolean }[] = []
  const opened: { id: string; input: OpenSupervisionCaseRequest; level: SupervisionLevel }[] = []
  let manual = 0
  for (const { input, level } of rows) {
    const id =
      input.source === 'manual'
        ? manualIds[manual++]
        : newIds.get(causeKey(input.source, input.subjectType, input.subjectId))
    if (id) {
      newIds.delete(causeKey(input.source, input.subjectType, input.subjectId))
      answers.push({ id, isNew: true })
      opened.push({ id, input, level })
    } else answers.push({ id: '', isNew: false })
  }
  for (const [i, { input }] of rows.entries()) {
    if (answers[i]!.id) continue
    const [open] = await q.findUnclosedCasesOf(tx, input.source, input.subjectType!, [input.subjectId!])
    answers[i] = { id: open!.id, isNew: false }
  }
  await q.insertSupervisionEvents(
    tx,
    opened.map(({ id, input, level }) => ({
      caseId: id,
      event: {
        type: 'open',
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorRole: actor.kind === 'user' ? 'bureau' : 'system',
        departmentId: input.departmentId,
        note: input.source === 'manual' ? input.reason : null,
        noteAudience: 'internal',
        data: { source: input.source, level, ...input.data },
        audience: 'internal',
      },
    })),
  )
  await writeAudits(
    tx,
    actor,
    opened.map(({ id, input, level }) => ({
      action: 'supervision_case.open',
      entityType: 'supervision_case',
      entityId: id,
      after: {
        source: input.source,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        departmentId: input.departmentId,
        reason: input.reason,
        level,
      },
    })),
  )
  await tellOfOpened(deps, tx, opened)
  return answers
}

/** One message per person: the heads of each case's unit and the readers of each case's level. */
async function tellOfOpened(
  deps: AppDeps,
  tx: Tx,
  opened: readonly { input: OpenSupervisionCaseRequest; level: SupervisionLevel }[],
) {
  const casesOf = new Map<string, OpenSupervisionCaseRequest[]>()
  const add = (userId: string, input: OpenSupervisionCaseRequest) =>
    casesOf.set(userId, [...(casesOf.get(userId) ?? []), input])
  for (const departmentId of new Set(opened.map((o) => o.input.departmentId)))
    if (departmentId)
      for (const userId of await staffToNotify(tx, [departmentId], ['department_head']))
        for (const o of opened) if (o.input.departmentId === departmentId) add(userId, o.input)
  for (const level of new Set(opened.map((o) => o.level)))
    for (const userId of await staffToNotify(tx, null, LEVEL_READERS[level]))
      for (const o of opened)
        if (o.level === level && !casesOf.get(userId)?.includes(o.input)) add(userId, o.input)
  for (const [userId, cases] of casesOf)
    await deps.notifier.enqueue(
      tx,
      cases.length === 1
        ? {
            recipient: { userId },
            template: 'supervision.opened',
            params: { reason: reasonText(cases[0]!.reason) },
          }
        : { recipient: { userId }, template: 'supervision.openedMany', params: { count: cases.length } },
    )
}

/**
 * Opens a case for an appeal inside the caller's transaction, unless one is already open for it (one
 * open case per appeal, whichever clock got there first). The appeal already climbed its own ladder
 * (handler, department head): its case starts at the bureau's level.
 */
export async function openSupervisionCaseForAppeal(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor | UserActor,
  input: { appealId: string; departmentId: string | null; reason: string; at?: Date },
): Promise<{ id: string; isNew: boolean }> {
  return openSupervisionCase(deps, tx, actor, {
    source: 'appeal_breach',
    subjectType: 'appeal',
    subjectId: input.appealId,
    departmentId: input.departmentId,
    reason: input.reason,
    level: 'bureau',
    ...(input.at ? { at: input.at } : {}),
  })
}

/**
 * An application deemed accepted (视为受理: the department's completeness check came too late) opens
 * a case against its department, once per application. The services clock sweep calls it in the
 * transaction that deems the application accepted.
 */
export async function openSupervisionCaseForDeemedAcceptance(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor,
  input: { applicationId: string; departmentId: string | null; at: Date },
): Promise<{ id: string; isNew: boolean }> {
  return openSupervisionCase(deps, tx, actor, {
    source: 'deemed_accepted',
    subjectType: 'application',
    subjectId: input.applicationId,
    departmentId: input.departmentId,
    reason: 'deemed_accepted',
    at: input.at,
  })
}

/**
 * A bad rating of a unit (given, level ≤ 2) counts toward a repeated-bad-ratings case: when the unit
 * has N of them within the window (settings) since its last such case, a case opens against it.
 * Each bad rating counts toward one case only. Runs inside the transaction that wrote the rating.
 */
export async function onBadRatingRecorded(
  deps: AppDeps,
  tx: Tx,
  rating: { departmentId: string | null; kind: 'given' | 'default'; level: number; ratedAt: Date },
): Promise<{ id: string; isNew: boolean } | null> {
  if (!rating.departmentId || rating.kind !== 'given' || rating.level > 2) return null
  await q.lockBadRatingsOf(tx, rating.departmentId)
  const settings = await ladderSettings(tx)
  const windowStart = new Date(rating.ratedAt.getTime() - settings.badRatingWindowDays * 86_400_000)
  const last = await q.lastBadRatingsCaseAt(tx, rating.departmentId)
  const since = last && last > windowStart ? last : windowStart
  const bad = await q.badRatingsOf(tx, rating.departmentId, since)
  if (bad.length < settings.badRatingThreshold) return null
  return openSupervisionCase(
    deps,
    tx,
    { kind: 'system', label: 'ratings' },
    {
      source: 'bad_ratings',
      subjectType: 'department',
      subjectId: rating.departmentId,
      departmentId: rating.departmentId,
      reason: 'bad_ratings',
      at: rating.ratedAt,
      data: { ratings: bad.map((r) => r.id), windowDays: settings.badRatingWindowDays },
    },
  )
}

/** The bureau opens a case by hand: the unit, why, the level, and the working days to respond. */
export async function openSupervisionCaseByHand(
  deps: AppDeps,
  actor: Actor,
  input: OpenSupervisionCaseInput,
) {
  const user = requireStaff(actor)
  if (!isBureau(user)) throw new AppError('FORBIDDEN')
  const id = await deps.db.transaction().execute(async (tx) => {
    if (!(await q.departmentExists(tx, input.departmentId)))
      throw new AppError('SUPERVISION_UNKNOWN_DEPARTMENT', {
        fields: { departmentId: translate('supervision.unknownDepartment') },
      })
    const opened = await openSupervisionCase(deps, tx, user, {
      source: 'manual',
      subjectType: 'department',
      subjectId: input.departmentId,
      departmentId: input.departmentId,
      reason: input.reason,
      level: input.level,
      ...(input.responseDays ? { responseDays: input.responseDays } : {}),
    })
    return opened.id
  })
  return getSupervisionCase(deps, actor, id)
}

// ---- reading ------------------------------------------------------------------------------------

/** Refuses: FORBIDDEN (not the bureau, discipline inspection, or a department's head or handler). */
export async function listSupervisionCases(deps: AppDeps, actor: Actor, input: SupervisionListInput) {
  const scope = scopeOf(requireStaff(actor))
  const now = new Date()
  const page = await q.findSupervisionCases(
    deps.db,
    {
      status: input.status,
      level: input.level,
      source: input.source,
      departmentId: input.departmentId,
      overdueAt: input.overdue ? { at: now, overdue: input.overdue === 'true' } : undefined,
      departmentIds: scope,
    },
    { limit: input.limit, offset: input.offset },
  )
  return { items: page.items.map((r) => present(r, now)), total: page.total }
}

/** Refuses: FORBIDDEN, NOT_FOUND (also for a case against another department). */
export async function getSupervisionCase(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<SupervisionCaseDetail> {
  const user = requireStaff(actor)
  const scope = scopeOf(user)
  const row = await q.findSupervisionCase(deps.db, id)
  if (!row || !inScope(scope, row)) throw notFound()
  const events = await q.findSupervisionEvents(deps.db, id)
  return {
    ...present(row),
    timeline: events.map(presentEvent),
    allowedActions: allowedActions(rolesOn(user, row), row),
  }
}

// ---- the ladder's moves -------------------------------------------------------------------------

/** Who may try a move at all (the table then decides on the case): refuses FORBIDDEN before looking. */
function requireMover(actor: Actor, action: SupervisionAction): UserActor {
  const user = requireStaff(actor)
  const may = action === 'respond' ? departmentsWhere(user, 'department_head').length > 0 : isBureau(user)
  if (!may) throw new AppError('FORBIDDEN')
  return user
}

function checkVersion(ctx: SupervisionContext, version: number) {
  if (ctx.row.version !== version) throw new AppError('VERSION_CONFLICT')
}

async function move(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: SupervisionAction,
  work: Parameters<typeof runSupervisionAction>[5],
) {
  const user = requireMover(actor, action)
  const scope = scopeOf(user)
  await runSupervisionAction(deps, user, id, action, (row) => inScope(scope, row), work)
  return getSupervisionCase(deps, actor, id)
}

/** A case's reason in words (the automatic sources write a code; the bureau its own text). */
function reasonText(reason: string): string {
  if (reason === 'bad_ratings' || reason === 'deemed_accepted')
    return translate(`supervision.reason.${reason}`, undefined, 'zh-CN')
  if (/^\w+_overdue$/.test(reason)) return translate('supervision.reason.overdue', undefined, 'zh-CN')
  return reason
}
const subjectOf = (row: LockedSupervisionCase) => reasonText(row.reason)

/**
 * The unit's head responds: what it did, and the evidence. The bureau hears of it and verifies.
 * Refuses: FORBIDDEN, NOT_FOUND, SUPERVISION_NOT_AWAITING_RESPONSE, VERSION_CONFLICT.
 */
export async function respondToSupervisionCase(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: RespondSupervisionCaseInput,
) {
  return move(deps, actor, id, 'respond', async (ctx) => {
    checkVersion(ctx, input.version)
    await notifyUnitAndReaders(deps, ctx.tx, null, LEVEL_READERS[ctx.row.level], 'supervision.responded', {
      subject: subjectOf(ctx.row),
    })
    return {
      changes: { responded_at: ctx.now },
      event: { note: input.note, data: { evidence: input.evidence }, departmentId: ctx.row.department_id },
      audit: { note: input.note, evidence: input.evidence },
    }
  })
}

/**
 * The bureau accepts the unit's response: the case closes with what was done.
 * Refuses: FORBIDDEN, NOT_FOUND, SUPERVISION_NOT_RESPONDED, VERSION_CONFLICT.
 */
export async function acceptSupervisionResponse(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: NoteMoveInput,
) {
  return move(deps, actor, id, 'accept_response', (ctx) => closeWork(ctx, input))
}

/**
 * The bureau rejects the unit's response: back to the unit with a note and a new deadline (the
 * level's working days from now). Refuses: FORBIDDEN, NOT_FOUND, SUPERVISION_NOT_RESPONDED, VERSION_CONFLICT.
 */
export async function rejectSupervisionResponse(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: NoteMoveInput,
) {
  return move(deps, actor, id, 'reject_response', async (ctx) => {
    checkVersion(ctx, input.version)
    const due = await dueAt(deps, ctx.tx, ctx.row.level, ctx.now)
    await notifyUnitAndReaders(deps, ctx.tx, ctx.row.department_id, [], 'supervision.rejected', {
      subject: subjectOf(ctx.row),
      note: input.note,
    })
    return {
      changes: { response_due_at: due, responded_at: null },
      event: { note: input.note, data: { responseDueAt: due.toISOString() } },
      audit: { note: input.note, responseDueAt: due.toISOString() },
    }
  })
}

/**
 * One level up with the next level's deadline: the sweep's move when the unit did not respond in
 * time (escalateSupervisionCaseWork), or the bureau's by hand with a note.
 * Refuses: FORBIDDEN, NOT_FOUND, SUPERVISION_NOT_AWAITING_RESPONSE, SUPERVISION_TOP_LEVEL, VERSION_CONFLICT.
 */
export async function escalateSupervisionCase(deps: AppDeps, actor: Actor, id: string, input: NoteMoveInput) {
  return move(deps, actor, id, 'escalate', async (ctx) => {
    checkVersion(ctx, input.version)
    return escalateSupervisionCaseWork(ctx, input.note)
  })
}

/** The escalation's work, for the sweep and the bureau alike. */
export async function escalateSupervisionCaseWork(ctx: SupervisionContext, note: string | null) {
  const to = nextLevel(ctx.row.level)
  if (!to) throw new AppError('SUPERVISION_TOP_LEVEL')
  const due = await dueAt(ctx.deps, ctx.tx, to, ctx.now)
  await notifyUnitAndReaders(
    ctx.deps,
    ctx.tx,
    ctx.row.department_id,
    LEVEL_READERS[to],
    'supervision.escalated',
    {
      subject: subjectOf(ctx.row),
      level: translate(`supervision.level.${to}`, undefined, 'zh-CN'),
    },
  )
  return {
    changes: {
      level: to,
      response_due_at: due,
      escalated_at: ctx.now,
      escalation_count: ctx.row.escalation_count + 1,
    },
    event: {
      note,
      data: {
        from: ctx.row.level,
        to,
        missedDueAt: ctx.row.response_due_at?.toISOString() ?? null,
        responseDueAt: due.toISOString(),
      },
    },
    audit: { from: ctx.row.level, level: to, responseDueAt: due.toISOString() },
  }
}

/**
 * The bureau closes a case with what was done, whatever its step; the department's head hears of it.
 * Refuses: FORBIDDEN (not the task force or the bureau leadership), NOT_FOUND, VERSION_CONFLICT,
 * SUPERVISION_CASE_CLOSED.
 */
export async function closeSupervisionCase(deps: AppDeps, actor: Actor, id: string, input: NoteMoveInput) {
  return move(deps, actor, id, 'close', (ctx) => closeWork(ctx, input))
}

/** Closing, by accepting the response or outright: what was done is kept; the unit's heads hear of it. */
async function closeWork(ctx: SupervisionContext, input: NoteMoveInput) {
  checkVersion(ctx, input.version)
  await notifyUnitAndReaders(ctx.deps, ctx.tx, ctx.row.department_id, [], 'supervision.closed', {
    subject: subjectOf(ctx.row),
    note: input.note,
  })
  return {
    changes: { closed_at: ctx.now, closed_by: userId(ctx), closing_note: input.note },
    event: { note: input.note },
    audit: { note: input.note },
  }
}

const userId = (ctx: SupervisionContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null)

/** Open supervision cases the caller reads (the bureau: all; a department head: their department's). */
export async function countOpenCases(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  if (!isBureau(user) && !hasRole(user, 'department_head')) return []
  const scope = isBureau(user) ? null : departmentsWhere(user, 'department_head')
  const page = await q.findSupervisionCases(
    deps.db,
    { status: 'open', departmentIds: scope },
    { limit: 1, offset: 0 },
  )
  return [{ key: 'supervision.open', count: page.total, path: '/staff/supervision' }]
}
