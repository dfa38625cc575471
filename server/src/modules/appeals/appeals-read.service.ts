import { hasRole, requireSignedIn, type Actor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { Database } from '../../kernel/db/database'
import { SharedLookups } from '../../kernel/db/shared-lookups'
import type { AppDeps } from '../../kernel/http/app-env'
import type { ValidatedAnswer } from '../../kernel/http/validated-answers'
import { usedMinutes } from './appeal-deadline-rules'
import { meterOf, rowToClock } from './appeal-clock-store.service'
import { presentAppealForEnterprise, presentEnterpriseSummary } from './appeal-enterprise-view'
import * as hq from './appeals-handling.queries'
import {
  assertCanSee,
  hidesIdentityFrom,
  holdingOf,
  mayAct,
  requireViewer,
  type Holding,
  type Viewer,
} from './appeal-access'
import { move, OPEN_STATES, TRANSITIONS, type AppealAction } from './appeal-states'
import {
  presentAssignment,
  presentAttachment,
  presentClock,
  presentCoPart,
  presentContact,
  presentExtension,
  presentLinks,
  presentRating,
  presentStaffEvent,
  presentStaffReply,
  presentSummaryColumns,
} from './appeal-presenters'
import type { AppealDetail, AppealSummary, EnterpriseAppeal, EnterpriseAppealPage } from './appeals.schema'
import { findAssignments } from './appeal-assignments.queries'
import { findAttachmentList } from './appeal-attachments.queries'
import { findClocks } from './appeal-clocks.queries'
import { findExtensions } from './appeal-pauses.queries'
import { findRatings } from './appeal-ratings.queries'
import { findReplies } from './appeal-replies.queries'
import { findAppeal, type AppealRow } from './appeal-row.queries'
import { findEvents } from './appeal-timeline.queries'
import { hasPendingReturnVisit } from './appeals-closing.queries'
import * as lq from './appeals-list.queries'
import type { SummaryRow } from './appeals-list.queries'

const HIDDEN = {
  'zh-CN': '（企业已申请隐去身份）',
  en: '(identity hidden at the enterprise’s request)',
} as const

function presentSummary(row: SummaryRow, viewer: Viewer, now: Date): AppealSummary {
  const due = (row.due_at as Date | null) ?? null
  return {
    ...presentSummaryColumns(row),
    categoryName: currentLocale() === 'en' ? row.category_name_en : row.category_name,
    tier: row.tier,
    enterpriseName: hidesIdentityFrom(viewer, row) ? HIDDEN[currentLocale()] : row.enterprise_name,
    leadDepartment: row.lead_department_id
      ? { id: row.lead_department_id, name: row.lead_department_name! }
      : null,
    dueAt: due?.toISOString() ?? null,
    isOverdue: !!due && due < now,
    returnCount: row.return_count,
    reopenCount: row.reopen_count,
  }
}

/** Per database: the checks of concurrent reads of kept lists go to PostgreSQL together. */
const fingerprintLookups = new WeakMap<Database, SharedLookups<string>>()
function fingerprintsOf(database: Database): SharedLookups<string> {
  let lookups = fingerprintLookups.get(database)
  if (!lookups) {
    lookups = new SharedLookups((userIds) => lq.findMemberListFingerprints(database.db, userIds))
    fingerprintLookups.set(database, lookups)
  }
  return lookups
}

/**
 * The enterprise's own appeals list, as a validated answer (decision 0041): served again only when the
 * list's fingerprint, read for this request, is the one it was built from and no deadline it shows has
 * passed since; else built, serialised and kept. The key names the caller and the language; the
 * permission check comes first either way.
 */
export async function listMyAppeals(
  deps: AppDeps,
  actor: Actor,
  page: { limit: number; offset: number },
  options: { fresh?: boolean } = {},
): Promise<ValidatedAnswer<EnterpriseAppealPage>> {
  const user = requireSignedIn(actor)
  // Only enterprise users have appeals of their own; membership is a rule of the query.
  if (user.userKind !== 'enterprise') throw new AppError('FORBIDDEN')
  const key = `appeals/mine ${user.userId} ${currentLocale()} ${page.limit} ${page.offset}`
  const topics = memberListTopics(user.userId)
  if (!options.fresh) {
    // The change feed vouches for it: nothing the list shows announced since it was last known true.
    const trusted = deps.answers.trusted<EnterpriseAppealPage>(key, Date.now())
    if (trusted) return trusted
  }
  if (!options.fresh && deps.answers.peek(key)) {
    const watch = deps.answers.watch(topics)
    const fingerprint = await fingerprintsOf(deps.database).get(user.userId)
    const kept = deps.answers.current<EnterpriseAppealPage>(key, fingerprint, Date.now(), watch)
    if (kept) return kept
  }
  const watch = deps.answers.watch(topics)
  const rows = await lq.findMemberAppealPage(deps.db, user.userId, page)
  const now = new Date()
  if (!rows.length) {
    // Nothing to carry a fingerprint (no appeals, or a page past the end, then counted apart): not kept.
    const total =
      page.offset > 0
        ? (
            await lq.pageOf(lq.ofMember(lq.summaryQuery(deps.db), user.userId), page, 'created', {
              countInline: true,
            })
          ).total
        : 0
    return deps.answers.store<EnterpriseAppealPage>(key, { items: [], total }, null, now.getTime())
  }
  // "Overdue" turns on by itself when a deadline passes: the answer is right until the first one does.
  let validUntil = Number.POSITIVE_INFINITY
  for (const row of rows) {
    const due = (row.due_at as Date | null)?.getTime()
    if (due !== undefined && due >= now.getTime() && due < validUntil) validUntil = due
  }
  const body: EnterpriseAppealPage = {
    items: rows.map((r) => presentEnterpriseSummary(r, now)),
    total: Number(rows[0]!.total_count),
  }
  return deps.answers.store(key, body, rows[0]!.list_fingerprint, now.getTime(), validUntil, watch)
}

/**
 * What the database announces when a member's list may have changed (migration 0066): one topic per
 * member, `u:<user id>` — for their enterprises' appeals, those enterprises' names and their own
 * memberships. A renamed category or department, or a truncated table, announces everything.
 */
function memberListTopics(userId: string): readonly string[] {
  return [`u:${userId}`]
}

const QUEUE_STATES = {
  triage: ['submitted', 'accepted'],
  dispatched: ['dispatched', 'handling', 'paused', 'awaiting_approval'],
  returned: ['returned'],
  arbitration: ['arbitration'],
  open: OPEN_STATES,
} as const

/** The task force's queues: triage, returned, arbitration, overdue, extensions waiting, everything. */
export async function listQueue(
  deps: AppDeps,
  actor: Actor,
  input: {
    view: 'triage' | 'dispatched' | 'returned' | 'arbitration' | 'overdue' | 'extensions' | 'open' | 'all'
    q?: string | undefined
    limit: number
    offset: number
  },
) {
  const viewer = await requireViewer(deps.db, requireSignedIn(actor))
  if (viewer.kind !== 'city') throw new AppError('FORBIDDEN')
  const now = new Date()
  let query = lq.summaryQuery(deps.db)
  if (input.view === 'overdue') query = lq.overdue(lq.inStatuses(query, OPEN_STATES), now)
  else if (input.view === 'extensions') query = lq.withPendingExtension(query)
  else if (input.view !== 'all') query = lq.inStatuses(query, [...QUEUE_STATES[input.view]])
  if (input.q) query = lq.matching(query, input.q)
  const order = input.view === 'triage' || input.view === 'all' ? 'created' : 'due'
  const result = await lq.pageOf(query, input, order)
  return { items: result.items.map((r) => presentSummary(r, viewer, now)), total: result.total }
}

/**
 * A department's inbox, nearest deadline first: only what the department currently holds (the
 * scope is part of the query). 'approvals' lists replies waiting for the department head.
 */
export async function listDepartmentInbox(
  deps: AppDeps,
  actor: Actor,
  input: { view: 'open' | 'approvals' | 'closed'; limit: number; offset: number },
) {
  const viewer = await requireViewer(deps.db, requireSignedIn(actor))
  if (viewer.kind !== 'department') throw new AppError('FORBIDDEN')
  const statuses =
    input.view === 'approvals'
      ? (['awaiting_approval'] as const)
      : input.view === 'closed'
        ? (['closed', 'withdrawn'] as const)
        : OPEN_STATES
  const query = lq.heldBy(lq.summaryQuery(deps.db), viewer.departmentIds, [...statuses])
  const result = await lq.pageOf(query, input, input.view === 'closed' ? 'created' : 'due')
  const now = new Date()
  return { items: result.items.map((r) => presentSummary(r, viewer, now)), total: result.total }
}

/** What the viewer may do now: the transition table, their role, and the few actions beside the table. */
async function allowedActionsOf(
  deps: AppDeps,
  viewer: Viewer,
  appeal: AppealRow,
  holding: Holding,
  pendingExtension: boolean,
): Promise<string[]> {
  const actions: string[] = (Object.keys(TRANSITIONS) as AppealAction[]).filter(
    (a) => move(appeal.status, a).ok && mayAct(viewer, a, holding),
  )
  if (hasRole(viewer.user, 'dispatcher') && pendingExtension) actions.push('decide_extension')
  if (viewer.kind === 'enterprise' && (await hasPendingReturnVisit(deps.db, appeal.id)))
    actions.push('answer_return_visit')
  return actions
}

/**
 * One appeal with its timeline, as the caller may read it: the enterprise its own view (built from an
 * allow-list, appeal-enterprise-view.ts), staff the staff view. Refuses: NOT_FOUND.
 */
export async function getAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<AppealDetail | EnterpriseAppeal> {
  const user = requireSignedIn(actor)
  const viewer = await requireViewer(deps.db, user)
  const appeal = await findAppeal(deps.db, id)
  if (!appeal) throw notFound()
  const holding = await holdingOf(deps.db, id)
  assertCanSee(viewer, appeal, holding)
  const [summary] = (await lq.summaryQuery(deps.db).where('a.id', '=', id).execute()) as SummaryRow[]
  const [assignments, clocks, replies, extensions, ratings, attachments, events] = await Promise.all([
    findAssignments(deps.db, id),
    findClocks(deps.db, id),
    findReplies(deps.db, id),
    findExtensions(deps.db, id),
    findRatings(deps.db, id),
    findAttachmentList(deps.db, id),
    findEvents(deps.db, id),
  ])
  const now = new Date()
  const allowedActions = await allowedActionsOf(
    deps,
    viewer,
    appeal,
    holding,
    extensions.some((x) => x.status === 'requested'),
  )
  if (viewer.kind === 'enterprise') {
    const merged = appeal.merged_into ? await findAppeal(deps.db, appeal.merged_into) : undefined
    return presentAppealForEnterprise({
      appeal,
      summary: summary!,
      assignments,
      clocks,
      replies,
      ratings,
      attachments,
      events,
      mergedIntoNumber: merged?.number ?? null,
      allowedActions,
      now,
    })
  }
  const [contacts, coParts] = await Promise.all([hq.findContacts(deps.db, id), hq.findCoParts(deps.db, id)])
  const calendar = await deps.calendar.calendar(deps.db)
  const hidden = hidesIdentityFrom(viewer, appeal)
  return {
    ...presentSummary(summary!, viewer, now),
    view: 'staff',
    cycle: appeal.cycle,
    body: appeal.body,
    enterpriseId: hidden ? null : appeal.enterprise_id,
    enterpriseUscc: hidden ? null : summary!.enterprise_uscc,
    contactPhone: hidden ? null : appeal.contact_phone,
    preferredContact: appeal.preferred_contact,
    address: appeal.address,
    // A phone's position is usually the enterprise's own premises: it would name whoever hid.
    location:
      hidden || appeal.latitude === null || appeal.longitude === null
        ? null
        : { latitude: appeal.latitude, longitude: appeal.longitude },
    hideIdentity: appeal.hide_identity,
    isPublic: appeal.is_public,
    statusReason: appeal.status_reason,
    closeReason: appeal.close_reason,
    mergedInto: appeal.merged_into,
    ...presentLinks(appeal),
    isBinding: appeal.is_binding,
    assignments: assignments.map(presentAssignment),
    clocks: clocks.map((c) => ({
      ...presentClock(c),
      usedMinutes: usedMinutes(rowToClock(c), now, meterOf(c, calendar)),
    })),
    replies: replies.map((r) => ({
      ...presentStaffReply(r),
      attachments: attachments.filter((a) => a.reply_id === r.id).map(presentAttachment),
    })),
    contacts: contacts.map((c) => ({
      ...presentContact(c),
      // The person an enterprise named is part of its identity when it asked to hide it.
      contactPerson: hidden ? null : c.contact_person,
    })),
    coParts: coParts.map(presentCoPart),
    extensions: extensions.map(presentExtension),
    ratings: ratings.map(presentRating),
    attachments: attachments.filter((a) => a.reply_id === null).map(presentAttachment),
    timeline: events.map((e) => ({
      ...presentStaffEvent(e),
      // The filing note names the hotline caller: part of the identity a hidden appeal keeps from the department.
      note: hidden && e.type === 'filed' ? null : e.note,
    })),
    allowedActions,
    version: appeal.version,
  }
}

/**
 * Every appeal of one enterprise as the enterprise itself reads it, newest first — the same
 * allow-listed view as GET /appeals/{id} (appeal-enterprise-view.ts), never the staff view: what its
 * data export holds. Its members only. Refuses: FORBIDDEN (staff), NOT_FOUND (not a member).
 */
export async function listEnterpriseAppealViews(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
): Promise<EnterpriseAppeal[]> {
  const viewer = await requireViewer(deps.db, requireSignedIn(actor))
  if (viewer.kind !== 'enterprise') throw new AppError('FORBIDDEN')
  if (!viewer.enterpriseIds.includes(enterpriseId)) throw notFound()
  const views: EnterpriseAppeal[] = []
  const limit = 200
  for (let offset = 0; ; offset += limit) {
    const page = await lq.pageOf(
      lq.ofEnterprises(lq.summaryQuery(deps.db), [enterpriseId]),
      { limit, offset },
      'created',
    )
    for (const row of page.items) views.push((await getAppeal(deps, actor, row.id)) as EnterpriseAppeal)
    if (offset + limit >= page.total) return views
  }
}
