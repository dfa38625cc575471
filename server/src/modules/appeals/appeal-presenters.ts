import { definePresenter } from '../../kernel/present'

/**
 * The columns of an appeal's parts that reach an answer, each named once (kernel/present.ts). What a
 * viewer may not read — a hidden identity, an unapproved reply, an internal event — is decided by the
 * view that uses these (appeals-read.service.ts for staff, appeal-enterprise-view.ts for the enterprise).
 */

/** The fields every list row of an appeal shares, staff's or the enterprise's. */
export const presentSummaryColumns = definePresenter({
  id: 'id',
  number: 'number',
  title: 'title',
  status: 'status',
  channel: 'channel',
  categoryCode: 'category_code',
  createdAt: 'created_at',
})

/** What an appeal is linked to: the application the 办不成事 desk filed it from (both views read it). */
export const presentLinks = definePresenter({
  applicationId: 'application_id',
})

export const presentAttachment = definePresenter({
  id: 'id',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
})

export const presentRating = definePresenter({
  cycle: 'cycle',
  solved: 'solved',
  level: 'level',
  comment: 'comment',
  ratedAt: 'rated_at',
})

export const presentAssignment = definePresenter({
  id: 'id',
  departmentId: 'department_id',
  departmentName: 'department_name',
  role: 'role',
  isCurrent: 'is_current',
  dispatchedAt: 'dispatched_at',
  signedAt: 'signed_at',
  returnedAt: 'returned_at',
  returnReason: 'return_reason',
})

/** A clock as staff read it; its used minutes are computed beside it. */
export const presentClock = definePresenter({
  kind: 'kind',
  basis: 'basis',
  cycle: 'cycle',
  departmentId: 'department_id',
  startedAt: 'started_at',
  dueAt: 'due_at',
  stoppedAt: 'stopped_at',
  pausedSince: 'paused_since',
  budgetMinutes: 'budget_minutes',
  isMet: 'is_met',
  escalationLevel: 'escalation_level',
})

/** A clock as the enterprise follows it: when it will be contacted and answered, nothing of the budget. */
export const presentEnterpriseClock = definePresenter({
  cycle: 'cycle',
  dueAt: 'due_at',
  stoppedAt: 'stopped_at',
  pausedSince: 'paused_since',
  isMet: 'is_met',
})

export const presentStaffReply = definePresenter({
  id: 'id',
  cycle: 'cycle',
  body: 'body',
  status: 'status',
  departmentName: 'department_name',
  writtenAt: 'written_at',
  missingPartsReason: 'missing_parts_reason',
})

/** A contact as staff read it; the person the enterprise named is added by the view (a hidden identity). */
export const presentContact = definePresenter({
  id: 'id',
  cycle: 'cycle',
  departmentName: 'department_name',
  method: 'method',
  contactedAt: 'contacted_at',
  recordedAt: 'recorded_at',
  note: 'note',
  noteAudience: 'note_audience',
})

export const presentCoPart = definePresenter({
  id: 'id',
  cycle: 'cycle',
  departmentId: 'department_id',
  departmentName: 'department_name',
  body: 'body',
  writtenAt: 'written_at',
})

export const presentExtension = definePresenter({
  id: 'id',
  workingDays: 'working_days',
  reason: 'reason',
  status: 'status',
  requestedAt: 'requested_at',
  decisionNote: 'decision_note',
})

/** A timeline event as staff read it; the filing note is added by the view (a hidden identity). */
export const presentStaffEvent = definePresenter({
  id: 'id',
  at: 'at',
  type: 'type',
  actorRole: 'actor_role',
  departmentName: 'department_name',
  data: 'data',
  audience: 'audience',
  noteAudience: 'note_audience',
})
