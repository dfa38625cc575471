import { requireRole, requireSignedIn, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import { notFound } from '../../kernel/errors'
import { AppError } from '../../kernel/errors'
import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { fileIntoPool, findLinkedAppeal, maySeeAppeal } from '../appeals'
import { requireEnterpriseAccess } from '../enterprises'
import { rolesOn } from './application-action'
import { deskReasonOf, DESK_REASON_TEXT, type DeskReason } from './application-desk-rules'
import type { ApplicationHistory, DeskAppealInput, DeskState } from './application-desk.schema'
import * as dq from './application-desk.queries'
import * as q from './services.queries'
import type { ApplicationRow } from './services.queries'

/**
 * The 办不成事 desk (issue 12, item 7): from an application that is refused, not accepted, terminated
 * or blocked (application-desk-rules.ts), its applicant files one appeal into the pool — through the
 * appeals module's own intake, in the cannot-do channel — with the application's history written into
 * it, linked both ways. Once per application: a second tap answers the same appeal.
 */

/** The appeal category of approvals and government services (Dalian's seed, decision 0050). */
export const DESK_CATEGORY = 'approval'

const STATUS_TEXT: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交，待受理审查',
  supplement_requested: '待补正',
  accepted: '已受理，审查中',
  special_step: '特殊环节中',
  approved: '准予许可',
  refused: '不予许可',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
  terminated: '已终止',
}

const EVENT_TEXT: Record<string, string> = {
  open: '创建申请',
  submit: '提交申请',
  accept: '受理',
  accept_with_tolerance: '容缺受理',
  deem_accepted: '视为受理',
  request_supplement: '一次性告知补正',
  answer_supplement: '提交补正材料',
  deem_withdrawn: '逾期未补正，视为撤回申请',
  not_accept: '不予受理',
  review: '审查',
  extend: '延长办理期限',
  start_special_step: '进入特殊环节',
  end_special_step: '特殊环节结束',
  fulfil_tolerance: '补齐容缺材料',
  terminate: '终止办理',
  withdraw: '撤回申请',
  archive: '归档',
  appeal: '转入办不成事反映窗口',
}

// The appeal's body is at most 5,000 characters (appeals.schema MAX_BODY): the newest steps are kept.
const MAX_BODY = 5000
const MAX_LINES = 40

type Linked = NonNullable<Awaited<ReturnType<typeof findLinkedAppeal>>>
const presentLinked = (a: Linked) => ({
  id: a.id,
  number: a.number,
  status: a.status,
  createdAt: a.createdAt.toISOString(),
})

/** The applicant only (another enterprise, or staff, get "not found": existence does not leak). */
async function requireApplicant(db: Executor, user: UserActor, row: ApplicationRow | undefined) {
  if (!row || !rolesOn(user, row).includes('applicant')) throw notFound()
  await requireEnterpriseAccess(db, user, row.enterprise_id, 'act')
  return row
}

async function linkedOf(deps: AppDeps, row: ApplicationRow) {
  const appeal = row.appeal_id ? await findLinkedAppeal(deps.db, row.appeal_id) : undefined
  return appeal ? presentLinked(appeal) : null
}

/** Whether the desk takes the application now (the button shows only then). Refuses: NOT_FOUND. */
export async function getDeskState(deps: AppDeps, actor: Actor, id: string): Promise<DeskState> {
  const user = requireRole(actor, 'enterprise')
  const row = await requireApplicant(deps.db, user, await dq.findApplicationById(deps.db, id))
  const appeal = await linkedOf(deps, row)
  const reason = appeal ? null : deskReasonOf(row, new Date())
  return { applicationId: row.id, eligible: !appeal && reason !== null, reason, appeal }
}

/** The appeal's text: why, what the enterprise adds, and the application's steps and notices, dated. */
function appealBodyOf(
  deps: AppDeps,
  row: ApplicationRow,
  reason: DeskReason,
  note: string | undefined,
  history: Pick<ApplicationHistory, 'matterName' | 'departmentName'> & {
    events: { at: Date; type: string }[]
    notices: { issued_at: Date; title: string }[]
  },
): string {
  const at = (d: Date) => formatInstant(d, deps.config.timeZone)
  const head = [
    `企业通过“办不成事”反映窗口反映：办件「${row.title}」未能办成。`,
    `事项：${history.matterName ?? '（未关联事项）'}${history.departmentName ? `（${history.departmentName}）` : ''}`,
    `办件状态：${STATUS_TEXT[row.status] ?? row.status}；反映原因：${DESK_REASON_TEXT[reason]}。`,
    ...(row.not_accepted_reason ? [`不予受理理由：${row.not_accepted_reason}`] : []),
    ...(row.decision_reason ? [`决定理由：${row.decision_reason}`] : []),
    ...(note ? [`企业补充说明：${note}`] : []),
  ]
  const steps = history.events.slice(-MAX_LINES).map((e) => `${at(e.at)} ${EVENT_TEXT[e.type] ?? e.type}`)
  const notices = history.notices.slice(-MAX_LINES).map((n) => `${at(n.issued_at)} 《${n.title}》`)
  const tail = `办件编号：${row.id}（承办部门可在办件历史中查看全部告知文书）`
  const body = [
    ...head,
    '办理经过：',
    ...(steps.length ? steps : ['（无）']),
    '告知文书：',
    ...(notices.length ? notices : ['（无）']),
    tail,
  ].join('\n')
  return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - tail.length - 2)}…\n${tail}`
}

/**
 * Files the application's appeal, or answers the one it already became.
 * Refuses: NOT_FOUND (not the applicant's), APPLICATION_NOT_BLOCKED (on its way, approved, withdrawn),
 * VALIDATION_FAILED (the city has no active approvals category).
 */
export async function fileDeskAppeal(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: DeskAppealInput,
): Promise<{ state: DeskState; replayed: boolean }> {
  const user = requireRole(actor, 'enterprise')
  const result = await deps.db.transaction().execute(async (tx) => {
    // Locked: two taps at once file one appeal (the second waits, then finds the link). Every read
    // inside goes through `tx`: the embedded database has one connection.
    const row = await requireApplicant(tx, user, await q.lockApplicationById(tx, id))
    if (row.appeal_id) return { row, reason: null, replayed: true }
    const now = new Date()
    const reason = deskReasonOf(row, now)
    if (!reason) throw new AppError('APPLICATION_NOT_BLOCKED')
    const [matter, events, notices] = await Promise.all([
      dq.findMatterOfApplication(tx, id),
      dq.findApplicantEvents(tx, id),
      dq.findNotices(tx, id),
    ])
    const history = {
      matterName: matter?.matter_name ?? null,
      departmentName: matter?.department_name ?? null,
      events,
      notices,
    }
    const appeal = await fileIntoPool(
      deps,
      tx,
      user,
      {
        enterpriseId: row.enterprise_id,
        submittedBy: user.userId,
        channel: 'cannot_do',
        categoryCode: DESK_CATEGORY,
        title: `办不成事：${row.title}`.slice(0, 80),
        body: appealBodyOf(deps, row, reason, input.note, history),
        attachmentIds: [],
        address: null,
        latitude: null,
        longitude: null,
        preferredContact: 'inbox',
        contactPhone: null,
        hideIdentity: false,
        isPublic: false,
        // once per application: the key is the application's
        idempotencyKey: `cannot-do:${row.id}`,
        applicationId: row.id,
      },
      true,
    )
    await dq.linkAppeal(tx, row.id, appeal.id)
    await q.insertApplicationEvent(tx, row.id, {
      type: 'appeal',
      actorUserId: user.userId,
      actorRole: 'enterprise',
      departmentId: null,
      note: null,
      noteAudience: 'internal',
      data: { appealId: appeal.id, number: appeal.number, reason },
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: 'application.appeal',
      entityType: 'application',
      entityId: row.id,
      after: { appealId: appeal.id, reason },
    })
    return { row: { ...row, appeal_id: appeal.id }, reason, replayed: false }
  })
  const appeal = await linkedOf(deps, result.row)
  return {
    state: { applicationId: id, eligible: false, reason: result.reason, appeal },
    replayed: result.replayed,
  }
}

/**
 * The application's history as its applicant reads it (steps meant for the enterprise, every notice):
 * for the applicant, staff of the matter's department, and whoever may read the appeal it became —
 * the appeal's department and the task force (the desk's access rule; the review helper's staff view
 * may use `mayReadThroughAppeal` too). Refuses: NOT_FOUND.
 */
export async function getApplicationHistory(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<ApplicationHistory> {
  const user = requireSignedIn(actor)
  const row = await dq.findApplicationById(deps.db, id)
  if (!row) throw notFound()
  if (rolesOn(user, row).length === 0 && !(await mayReadThroughAppeal(deps, user, row))) throw notFound()
  const [matter, events, notices, appeal] = await Promise.all([
    dq.findMatterOfApplication(deps.db, id),
    dq.findApplicantEvents(deps.db, id),
    dq.findNotices(deps.db, id),
    linkedOf(deps, row),
  ])
  const iso = (d: Date | null) => d?.toISOString() ?? null
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    matterName: matter?.matter_name ?? null,
    departmentName: matter?.department_name ?? null,
    receivedAt: iso(row.received_at),
    completenessDueAt: iso(row.completeness_due_at),
    acceptedFrom: iso(row.accepted_from),
    decisionDueAt: iso(row.decision_due_at),
    statutoryDueAt: iso(row.statutory_due_at),
    decidedAt: iso(row.decided_at),
    events: events.map((e) => ({ at: e.at.toISOString(), type: e.type })),
    notices: notices.map((n) => ({
      issuedAt: n.issued_at.toISOString(),
      kind: n.kind,
      title: n.title,
      body: n.body,
    })),
    appeal,
  }
}

/** Staff who may read the appeal an application became may read the application (the desk's link). */
export async function mayReadThroughAppeal(
  deps: AppDeps,
  user: UserActor,
  row: Pick<ApplicationRow, 'appeal_id'>,
): Promise<boolean> {
  if (user.userKind === 'enterprise' || !row.appeal_id) return false
  return maySeeAppeal(deps.db, user, row.appeal_id)
}
