import { departmentsWhere, hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { presentApplicantTimeline, type ApplicantAllowList } from '../../kernel/cases/timeline'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { rolesOn } from './application-action'
import { mayReadThroughAppeal } from './application-desk.service'
import { readApplicationContent } from './application-form.service'
import { APPLICATION_TABLE, type ApplicationRole } from './application-states'
import * as sq from './applications-staff.queries'
import type { ReviewTaskRow, StaffApplicationRow } from './applications-staff.queries'
import { previousStage } from './review-progress'
import type { Queue, QueueFilter, ReviewTaskView, StaffApplication } from './services.schema'
import * as q from './services.queries'

/**
 * What staff read of applications: the department's queue by due date, and one application whole
 * (form data, materials, timeline, notices, review steps, clocks, the moves the caller may make).
 * Handlers and heads of the matter's department read and act; the bureau's leaders and
 * administrators read only; anyone else finds nothing. The applicant reads its notices and the
 * timeline addressed to it.
 */

const READERS = ['handler', 'department_head', 'admin', 'bureau_leader'] as const
/** Who may open one application: the readers, and the task force through an appeal it became. */
const APPLICATION_READERS = [...READERS, 'dispatcher'] as const

function isOverseer(user: UserActor): boolean {
  return hasRole(user, 'admin') || hasRole(user, 'bureau_leader')
}

const presentQueueRow = definePresenter({
  id: 'id',
  title: 'title',
  status: 'status',
  matterId: 'matter_id',
  matterName: 'matter_name',
  departmentId: 'department_id',
  enterpriseName: 'enterprise_name',
  receivedAt: 'received_at',
  completenessDueAt: 'completeness_due_at',
  decisionDueAt: 'decision_due_at',
  specialStepDueAt: 'special_step_due_at',
  supplementDueAt: 'supplement_due_at',
  instant: 'instant',
})

/** The cursor of a page's last row: its due key (as PostgreSQL writes it) and id. */
function encodeCursor(dueKey: string, id: string): string {
  return Buffer.from(JSON.stringify([dueKey, id])).toString('base64url')
}

function decodeCursor(cursor: string | undefined): { due: string; id: string } | null {
  if (!cursor) return null
  try {
    const [due, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[]
    const isUuid = typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)
    const isDue = typeof due === 'string' && (due === 'infinity' || !Number.isNaN(Date.parse(due)))
    return isUuid && isDue ? { due, id } : null
  } catch {
    return null
  }
}

function nearest(...dates: (Date | null)[]): Date | null {
  const set = dates.filter((d): d is Date => d !== null)
  return set.length ? new Date(Math.min(...set.map((d) => d.getTime()))) : null
}

/**
 * The department's applications in flight, nearest due first (overdue flagged), by state and
 * matter, one keyset page at a time. Staff read their own departments; the bureau's leaders and
 * administrators any one (or all). Refuses: FORBIDDEN (no such role).
 */
export async function listQueue(deps: AppDeps, actor: Actor, filter: QueueFilter): Promise<Queue> {
  const user = requireRole(actor, ...READERS)
  let departmentIds: string[] | null
  if (isOverseer(user)) departmentIds = filter.departmentId ? [filter.departmentId] : null
  else {
    const own = [
      ...new Set([...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]),
    ]
    departmentIds = filter.departmentId ? own.filter((d) => d === filter.departmentId) : own
    if (!departmentIds.length) return { items: [], next: null }
  }
  const after = decodeCursor(filter.after)
  const rows = await sq.findQueuePage(deps.db, {
    departmentIds,
    status: filter.status ?? null,
    matterId: filter.matterId ?? null,
    after,
    limit: filter.limit + 1,
  })
  const page = rows.slice(0, filter.limit)
  const now = Date.now()
  const last = page[page.length - 1]
  return {
    items: page.map((row) => {
      const due = nearest(row.completeness_due_at, row.decision_due_at, row.special_step_due_at)
      return {
        ...presentQueueRow(row),
        dueAt: due?.toISOString() ?? null,
        isOverdue: due !== null && due.getTime() < now,
      }
    }),
    next: rows.length > filter.limit && last ? encodeCursor(last.due_key, last.id) : null,
  }
}

const presentTask = definePresenter({
  id: 'id',
  stepKey: 'step_key',
  stepName: 'step_name',
  stage: 'stage',
  role: 'role',
  status: 'status',
  assigneeId: 'assignee_id',
  assigneeName: 'assignee_name',
  outcome: 'outcome',
  note: 'note',
  decidedByName: 'decided_by_name',
  decidedAt: 'decided_at',
})

const presentNotice = definePresenter({
  id: 'id',
  kind: 'kind',
  issuedAt: 'issued_at',
  title: 'title',
  body: 'body',
})

const presentEvent = definePresenter({
  at: 'at',
  type: 'type',
  actorRole: 'actor_role',
  actorName: 'actor_name',
  note: 'note',
  noteAudience: 'note_audience',
  audience: 'audience',
  data: 'data',
})

/** What the caller may do with each review step now (only while the application is under review). */
function taskActions(
  task: ReviewTaskRow,
  tasks: ReviewTaskRow[],
  row: StaffApplicationRow,
  user: UserActor,
  roles: readonly ApplicationRole[],
): ReviewTaskView['actions'] {
  if (row.status !== 'accepted' || !roles.includes(task.role)) return []
  const isHead = roles.includes('department_head')
  const canReturn = previousStage(tasks, task.stage) !== null
  const decide = ['approve', 'refuse', ...(canReturn ? ['return' as const] : [])] as const
  if (task.status === 'open') return ['claim', 'delegate', ...decide]
  if (task.status === 'claimed' && task.assignee_id === user.userId) return ['unclaim', 'delegate', ...decide]
  if (task.status === 'claimed' && isHead) return ['delegate']
  return []
}

/**
 * One application as staff read it. Refuses: NOT_FOUND (not staff of its department, nor a bureau
 * leader or administrator), FORBIDDEN (not staff).
 */
export async function getStaffApplication(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<StaffApplication> {
  const user = requireRole(actor, ...APPLICATION_READERS)
  const row = await sq.findStaffApplication(deps.db, id)
  if (!row) throw notFound()
  const roles = rolesOn(user, row)
  if (!roles.length && !isOverseer(user) && !(await mayReadThroughAppeal(deps, user, row))) throw notFound()
  const [tasks, notices, events, colleagues, content] = await Promise.all([
    sq.findReviewTasks(deps.db, id),
    q.findApplicationNotices(deps.db, id),
    sq.findApplicationEvents(deps.db, id),
    roles.length && row.department_id ? sq.findColleagues(deps.db, row.department_id) : Promise.resolve([]),
    readApplicationContent(deps, id),
  ])
  const allowedActions = APPLICATION_TABLE.actions.filter(
    (action) =>
      roles.length > 0 &&
      APPLICATION_TABLE.mayTake(action, roles) &&
      APPLICATION_TABLE.move(row.status, action).ok &&
      !(action === 'archive' && row.archived_at),
  )
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    enterpriseUscc: row.enterprise_uscc,
    matterId: row.matter_id,
    matterName: row.matter_name,
    matterPromisedLimitDays: row.matter_promised_limit_days,
    departmentId: row.department_id,
    formData: row.form_data,
    materials: content?.materials ?? [],
    clocks: {
      receivedAt: iso(row.received_at),
      completenessDueAt: iso(row.completeness_due_at),
      supplementDueAt: iso(row.supplement_due_at),
      acceptedAt: iso(row.accepted_at),
      decisionDueAt: iso(row.decision_due_at),
      statutoryDueAt: iso(row.statutory_due_at),
      extensionDays: row.extension_days,
      specialStepKind: row.special_step_kind,
      specialStepDueAt: iso(row.special_step_due_at),
      toleranceDueAt: iso(row.tolerance_due_at),
    },
    supplementItems: row.supplement_items,
    toleranceItems: row.tolerance_items,
    decision: {
      instant: row.instant,
      decidedAt: iso(row.decided_at),
      reason: row.decision_reason,
      legalBasis: row.decision_legal_basis,
      certificateId: row.certificate_id,
      certificateNumber: row.certificate_number,
      closedAt: iso(row.closed_at),
      archivedAt: iso(row.archived_at),
    },
    tasks: tasks.map((t) => ({ ...presentTask(t), actions: taskActions(t, tasks, row, user, roles) })),
    notices: notices.map(presentNotice),
    timeline: events.map((e) => ({ id: Number(e.id), ...presentEvent(e) })),
    colleagues: colleagues.map((c) => ({ id: c.id, name: c.display_name, role: c.role })),
    allowedActions,
    version: row.version,
  }
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null
}

/** The applicant's timeline: which steps and which of their data it reads (nothing else leaves). */
const APPLICANT_TIMELINE: ApplicantAllowList = {
  open: {},
  // an instant matter is decided in its submission: the applicant reads the decision there
  submit: { data: ['decision', 'certificateNumber', 'instant'] },
  accept: { department: true },
  accept_with_tolerance: { department: true, data: ['items', 'dueAt'] },
  deem_accepted: {},
  request_supplement: { data: ['items', 'dueAt'] },
  answer_supplement: {},
  deem_withdrawn: { data: ['supplementDueAt'] },
  not_accept: { data: ['reason', 'referTo'] },
  review: { data: ['decision', 'certificateNumber', 'instant'] },
  instant_not_met: { data: ['conditions'] },
  extend: { data: ['days', 'reason'] },
  start_special_step: { data: ['kind', 'dueAt'] },
  end_special_step: {},
  fulfil_tolerance: {},
  terminate: {},
  withdraw: {},
  archive: {},
}

async function requireOwnApplication(deps: AppDeps, actor: Actor, id: string) {
  const user = requireRole(actor, 'enterprise')
  const row = await q.findApplication(deps.db, id, user.userId)
  if (!row) throw notFound()
  return row
}

/** The applicant's timeline (the allow-list above). Refuses: NOT_FOUND (not theirs). */
export async function getApplicantTimeline(deps: AppDeps, actor: Actor, id: string) {
  await requireOwnApplication(deps, actor, id)
  const events = await sq.findApplicationEvents(deps.db, id)
  return { items: presentApplicantTimeline(events, APPLICANT_TIMELINE) }
}
