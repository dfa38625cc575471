import { requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { presentApplicantTimeline, type ApplicantAllowList } from '../../kernel/cases/timeline'
import { notifyApplicant } from '../../kernel/cases/outbox'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { definePresenter } from '../../kernel/present'
import { RECTIFICATION_TABLE, type RectificationAction } from './rectification-states'
import {
  isBureauReader,
  READER_ROLES,
  rolesOnUnitCase,
  runRectificationAction,
  UNIT_ROLES,
  unitDepartments,
} from './rectification-action'
import {
  RECTIFICATION_STAFF_ACTIONS,
  type CloseInput,
  type EnterpriseRectification,
  type EnterpriseRectificationList,
  type FeedbackInput,
  type Rectification,
  type RectificationList,
  type RectificationSummary,
  type ReturnInput,
  type SubmitEvidenceInput,
  type VerifyInput,
} from './rectifications.schema'
import './rectifications.messages'
import * as q from './rectifications.queries'
import type { RectificationDetailRow, RectificationListRow } from './rectifications.queries'
import { presentFile } from './rectification-files'

/**
 * Rectifications (差评整改): the handling unit (its handlers and heads) fixes what a bad rating
 * points at and sends its evidence; the bureau's task force verifies with the rater, returns
 * insufficient evidence, tells the rater; the rater's second rating closes it. Each function checks
 * permissions first; every move runs on the case kit (one transaction, audited).
 *
 * Who sees what: the bureau (dispatcher, bureau leader, admin) sees every rectification and who
 * rated; a unit sees its own and the rating's content, but not who rated until the case has ended;
 * the rater's enterprise sees its own on the phone (mine), through an allow-list.
 */

const ENDED = new Set(['closed', 'withdrawn'])

const presentSummaryColumns = definePresenter({
  id: 'id',
  status: 'status',
  departmentId: 'department_id',
  departmentName: 'department_name',
  enterpriseName: 'enterprise_name',
  subjectType: 'subject_type',
  subjectTitle: 'subject_title',
  subjectNumber: 'subject_number',
  ratingLevel: 'rating_level',
  openedAt: 'opened_at',
  dueAt: 'due_at',
  returnedCount: 'returned_count',
  version: 'version',
})

/** Overdue: the unit has not sent evidence by the deadline. Late: the evidence came after it. */
export function deadlineState(
  row: Pick<RectificationListRow, 'status' | 'due_at' | 'evidence_submitted_at'>,
  now: Date,
): { overdue: boolean; late: boolean } {
  return {
    overdue: row.status === 'open' && now.getTime() > row.due_at.getTime(),
    late: row.evidence_submitted_at !== null && row.evidence_submitted_at.getTime() > row.due_at.getTime(),
  }
}

function presentSummary(row: RectificationListRow, now: Date): RectificationSummary {
  return { ...presentSummaryColumns(row), ...deadlineState(row, now) }
}

/** The list by due date, overdue first: the bureau sees all, a unit its own. Refuses: FORBIDDEN. */
export async function listRectifications(
  deps: AppDeps,
  actor: Actor,
  filter: { status?: string | undefined },
): Promise<RectificationList> {
  const user = requireRole(actor, ...READER_ROLES)
  const now = new Date()
  const departmentIds = isBureauReader(user) ? null : unitDepartments(user)
  if (departmentIds !== null && departmentIds.length === 0) throw new AppError('FORBIDDEN')
  const rows = await q.findRectifications(deps.db, { departmentIds }, { status: filter.status, now })
  return { items: rows.map((r) => presentSummary(r, now)) }
}

async function loadVisible(deps: AppDeps, user: UserActor, id: string): Promise<RectificationDetailRow> {
  const row = await q.findRectificationDetail(deps.db, id)
  if (!row) throw notFound()
  if (!isBureauReader(user) && !unitDepartments(user).includes(row.department_id)) throw notFound()
  return row
}

/** One rectification with its rating, evidence, contact and timeline. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getRectification(deps: AppDeps, actor: Actor, id: string): Promise<Rectification> {
  const user = requireRole(actor, ...READER_ROLES)
  const row = await loadVisible(deps, user, id)
  const now = new Date()
  const roles = rolesOnUnitCase(user, row.department_id)
  const isUnit = roles.includes('unit')
  // The unit never learns who rated while the case runs (no pressure on the rater: 被满意).
  const showRater = !isUnit || ENDED.has(row.status)
  const rater = showRater && row.rating_rated_by ? await q.findRater(deps.db, row.rating_rated_by) : undefined
  const [files, events, appeals] = await Promise.all([
    q.findFiles(deps.db, { rectificationId: row.id }),
    q.findRectificationEvents(deps.db, row.id),
    q.findRatingAppealStatuses(deps.db, row.rating_id),
  ])
  const allowedActions = RECTIFICATION_STAFF_ACTIONS.filter(
    (a) =>
      RECTIFICATION_TABLE.mayTake(a, roles) &&
      RECTIFICATION_TABLE.move(row.status, a as RectificationAction).ok,
  )
  return {
    ...presentSummary(row, now),
    deadlineWorkingDays: row.deadline_working_days,
    rating: {
      level: row.rating_level,
      comment: row.rating_comment,
      efficiency: row.rating_efficiency,
      guideAccuracy: row.rating_guide_accuracy,
      convenience: row.rating_convenience,
      usability: row.rating_usability,
      stage: row.rating_stage,
      ratedAt: row.rating_rated_at.toISOString(),
      excluded: row.rating_excluded_at !== null,
    },
    rater: rater ? { name: rater.display_name, phone: isUnit ? null : rater.phone } : null,
    measures: row.measures,
    evidenceSubmittedAt: row.evidence_submitted_at?.toISOString() ?? null,
    contact:
      row.contacted_at && row.contact_outcome
        ? { at: row.contacted_at.toISOString(), outcome: row.contact_outcome, note: row.contact_note }
        : null,
    verifiedAt: row.verified_at?.toISOString() ?? null,
    feedbackNote: row.feedback_note,
    feedbackAt: row.feedback_at?.toISOString() ?? null,
    finalLevel: row.final_level,
    closedAt: row.closed_at?.toISOString() ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    files: files.map(presentFile),
    timeline: events.map((e) => ({
      id: Number(e.id),
      at: e.at.toISOString(),
      type: e.type,
      actorRole: e.actor_role,
      note: e.note,
      data: e.data,
    })),
    allowedActions,
    canAppealRating: isUnit && row.rating_excluded_at === null && !appeals.some((a) => a.status === 'open'),
    ratingId: row.rating_id,
  }
}

function checkVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw new AppError('VERSION_CONFLICT')
}

/**
 * The unit sends what it did (open → evidence submitted). Refuses: NOT_FOUND, FORBIDDEN (not the
 * unit), RECTIFICATION_NOT_OPEN, VERSION_CONFLICT.
 */
export async function submitEvidence(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SubmitEvidenceInput,
): Promise<Rectification> {
  const user = requireRole(actor, ...UNIT_ROLES)
  await runRectificationAction(deps, user, id, 'submit_evidence', async ({ row, now }) => {
    checkVersion(row, input.version)
    return {
      changes: { measures: input.measures, evidence_submitted_at: now },
      event: {
        audience: 'enterprise',
        note: input.measures,
        noteAudience: 'internal',
        departmentId: row.department_id,
      },
      audit: { late: now.getTime() > row.due_at.getTime() },
    }
  })
  return getRectification(deps, user, id)
}

function contactChanges(
  contact: { contactedAt: string; outcome: string; note?: string | undefined },
  now: Date,
) {
  const at = new Date(contact.contactedAt)
  if (at.getTime() > now.getTime())
    throw new AppError('VALIDATION_FAILED', {
      fields: { contactedAt: translate('rectifications.contactInFuture') },
    })
  return {
    contacted_at: at,
    contact_outcome: contact.outcome as 'confirmed' | 'not_confirmed' | 'unreachable',
    contact_note: contact.note ?? null,
  }
}

/**
 * The bureau's verification contact with the rater, and the fix accepted (evidence submitted →
 * verified): the rater may now rate the fix. A rater who does not confirm the fix sends it back
 * (return). Refuses: NOT_FOUND, FORBIDDEN (not the task force, or of the unit itself),
 * RECTIFICATION_NOT_AWAITING_VERIFICATION, VALIDATION_FAILED (a contact in the future, or not
 * confirmed), VERSION_CONFLICT.
 */
export async function verifyRectification(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: VerifyInput,
): Promise<Rectification> {
  const user = requireRole(actor, 'dispatcher')
  await runRectificationAction(deps, user, id, 'verify', async ({ row, now }) => {
    checkVersion(row, input.version)
    if (input.outcome === 'not_confirmed')
      throw new AppError('VALIDATION_FAILED', {
        fields: { outcome: translate('rectifications.contactNotConfirmed') },
      })
    return {
      changes: { ...contactChanges(input, now), verified_by: user.userId, verified_at: now },
      event: {
        audience: 'enterprise',
        data: { outcome: input.outcome, contactedAt: input.contactedAt },
        note: input.note ?? null,
      },
    }
  })
  return getRectification(deps, user, id)
}

/**
 * The bureau finds the evidence insufficient: back to the unit (evidence submitted → open), the
 * deadline unchanged. Refuses: as verifyRectification.
 */
export async function returnRectification(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReturnInput,
): Promise<Rectification> {
  const user = requireRole(actor, 'dispatcher')
  await runRectificationAction(deps, user, id, 'return', async ({ row, now }) => {
    checkVersion(row, input.version)
    return {
      changes: {
        ...(input.contact ? contactChanges(input.contact, now) : {}),
        returned_count: row.returned_count + 1,
      },
      event: { audience: 'internal', note: input.reason, data: { returnedCount: row.returned_count + 1 } },
    }
  })
  return getRectification(deps, user, id)
}

/**
 * Tells the rater what was done (verified → feedback given), dated, in the rater's inbox. Refuses:
 * NOT_FOUND, FORBIDDEN, RECTIFICATION_NOT_VERIFIED, VERSION_CONFLICT.
 */
export async function giveFeedback(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: FeedbackInput,
): Promise<Rectification> {
  const user = requireRole(actor, 'dispatcher')
  await runRectificationAction(deps, user, id, 'give_feedback', async ({ tx, row, now }) => {
    checkVersion(row, input.version)
    const message = {
      template: 'rectifications.feedback',
      params: { title: row.subject_title ?? row.subject_number ?? '', note: input.note },
    }
    if (row.enterprise_id) await notifyApplicant(deps.notifier, tx, row.enterprise_id, message)
    return {
      changes: { feedback_note: input.note, feedback_at: now },
      event: { audience: 'enterprise', note: input.note, noteAudience: 'enterprise' },
    }
  })
  return getRectification(deps, user, id)
}

/**
 * Closes after feedback when the rater does not rate the fix. Refuses: NOT_FOUND, FORBIDDEN,
 * RECTIFICATION_NOT_CLOSABLE, VERSION_CONFLICT.
 */
export async function closeRectification(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: CloseInput,
): Promise<Rectification> {
  const user = requireRole(actor, 'dispatcher')
  await runRectificationAction(deps, user, id, 'close', async ({ row, now }) => {
    checkVersion(row, input.version)
    return { changes: { closed_at: now }, event: { audience: 'enterprise', note: input.note ?? null } }
  })
  return getRectification(deps, user, id)
}

// ── the rater's enterprise ─────────────────────────────────────────────────────────────────────

/** What the enterprise reads of the timeline: the steps, never the unit's or the bureau's notes except the feedback. */
const ENTERPRISE_TIMELINE: ApplicantAllowList = {
  open: { department: false, data: ['deadlineWorkingDays'] },
  submit_evidence: {},
  verify: {},
  give_feedback: {},
  rate_fix: { data: ['level'] },
  close: {},
  withdraw: {},
}

const presentForEnterprise = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  status: 'status',
  departmentName: 'department_name',
  subjectType: 'subject_type',
  subjectTitle: 'subject_title',
  subjectNumber: 'subject_number',
  ratingLevel: 'rating_level',
  openedAt: 'opened_at',
  dueAt: 'due_at',
  verifiedAt: 'verified_at',
  feedbackNote: 'feedback_note',
  feedbackAt: 'feedback_at',
  finalLevel: 'final_level',
})

const canRateFix = (status: string) => status === 'verified' || status === 'feedback_given'

/** The rectifications of the caller's enterprises, by due date. Refuses: FORBIDDEN (not an enterprise user). */
export async function listMyRectifications(
  deps: AppDeps,
  actor: Actor,
): Promise<EnterpriseRectificationList> {
  const user = requireRole(actor, 'enterprise')
  const rows = await q.findRectifications(deps.db, { memberUserId: user.userId }, { now: new Date() })
  return { items: rows.map((r) => ({ ...presentForEnterprise(r), canRateFix: canRateFix(r.status) })) }
}

/** One rectification of the caller's enterprise: progress and feedback. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getMyRectification(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<EnterpriseRectification> {
  const user = requireRole(actor, 'enterprise')
  const [row] = await q.findRectifications(deps.db, { memberUserId: user.userId }, { id, now: new Date() })
  if (!row) throw notFound()
  const events = await q.findRectificationEvents(deps.db, id)
  return {
    ...presentForEnterprise(row),
    canRateFix: canRateFix(row.status),
    timeline: presentApplicantTimeline(events, ENTERPRISE_TIMELINE),
  }
}
