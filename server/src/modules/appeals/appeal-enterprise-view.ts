import { currentLocale } from '../../kernel/context'
import { presentApplicantTimeline, type ApplicantAllowList } from '../../kernel/timeline/audience'
import {
  presentAttachment,
  presentEnterpriseClock,
  presentLinks,
  presentRating,
  presentSummaryColumns,
} from './appeal-presenters'
import type { EnterpriseAppeal, EnterpriseAppealSummary } from './appeals.schema'
import type { findAssignments } from './appeal-assignments.queries'
import type { findAttachmentList } from './appeal-attachments.queries'
import type { ClockRow } from './appeal-clocks.queries'
import type { findRatings } from './appeal-ratings.queries'
import type { findReplies } from './appeal-replies.queries'
import type { AppealRow } from './appeal-row.queries'
import type { findEvents } from './appeal-timeline.queries'
import type { MemberListRow, SummaryRow } from './appeals-list.queries'

/**
 * What an enterprise reads of its own appeal, built field by field from these lists — never by copying
 * the staff view and removing things. A field, event type or data key that is not named here does not
 * reach the enterprise; adding one is a decision made in this file.
 */

/** The enterprise's timeline: the steps it reads, with the data keys and whether the department is named. */
export const ENTERPRISE_TIMELINE: ApplicantAllowList = {
  filed: { data: ['channel'] },
  accept: {},
  reject: {},
  merge: { data: ['original'] },
  dispatch: { data: ['lead', 'co'], department: true },
  // A binding re-dispatch after returns is, to the enterprise, where its appeal now is.
  arbitrate: { data: ['lead', 'co'], department: true, shownAs: 'dispatch' },
  sign_for: { department: true },
  pause: { data: ['reason'], department: true },
  resume: { department: true },
  record_contact: { data: ['method'], department: true },
  extension_approved: { data: ['workingDays'], department: true },
  reply: { department: true },
  // The head's approval is internal; to the enterprise the answer arrived.
  approve_reply: { department: true, shownAs: 'reply' },
  confirm: { data: ['solved', 'level'] },
  reopen: { data: ['solved', 'level'] },
  close_without_rating: {},
  withdraw: {},
}

/** Clocks the enterprise follows: when it will be contacted and answered. */
const ENTERPRISE_CLOCKS = new Set(['first_contact', 'resolution'])

export function presentEnterpriseSummary(row: MemberListRow, now: Date): EnterpriseAppealSummary {
  const due = (row.due_at as Date | null) ?? null
  return {
    ...presentSummaryColumns(row),
    categoryName: currentLocale() === 'en' ? row.category_name_en : row.category_name,
    enterpriseName: row.enterprise_name,
    leadDepartment: row.lead_department_id
      ? { id: row.lead_department_id, name: row.lead_department_name! }
      : null,
    dueAt: due?.toISOString() ?? null,
    isOverdue: !!due && due < now,
  }
}

export type EnterpriseViewInput = {
  appeal: AppealRow
  summary: SummaryRow
  assignments: Awaited<ReturnType<typeof findAssignments>>
  clocks: ClockRow[]
  replies: Awaited<ReturnType<typeof findReplies>>
  ratings: Awaited<ReturnType<typeof findRatings>>
  attachments: Awaited<ReturnType<typeof findAttachmentList>>
  events: Awaited<ReturnType<typeof findEvents>>
  mergedIntoNumber: string | null
  allowedActions: string[]
  now: Date
}

export function presentAppealForEnterprise(input: EnterpriseViewInput): EnterpriseAppeal {
  const { appeal, now } = input
  const reasonIsTheirs = appeal.status === 'rejected' || appeal.status === 'withdrawn'
  return {
    ...presentEnterpriseSummary(input.summary, now),
    view: 'enterprise',
    enterpriseId: appeal.enterprise_id,
    body: appeal.body,
    tier: appeal.tier,
    coDepartmentNames: input.assignments
      .filter((a) => a.is_current && a.role === 'co')
      .map((a) => a.department_name),
    contactPhone: appeal.contact_phone,
    preferredContact: appeal.preferred_contact,
    address: appeal.address,
    location:
      appeal.latitude === null || appeal.longitude === null
        ? null
        : { latitude: appeal.latitude, longitude: appeal.longitude },
    hideIdentity: appeal.hide_identity,
    isPublic: appeal.is_public,
    statusReason: reasonIsTheirs ? appeal.status_reason : null,
    closeReason: appeal.close_reason,
    mergedIntoNumber: input.mergedIntoNumber,
    ...presentLinks(appeal),
    clocks: input.clocks
      .filter((c) => ENTERPRISE_CLOCKS.has(c.kind))
      .map((c) => ({ kind: c.kind as 'first_contact' | 'resolution', ...presentEnterpriseClock(c) })),
    replies: input.replies
      .filter((r) => r.status === 'approved')
      .map((r) => ({
        id: r.id,
        cycle: r.cycle,
        body: r.body,
        departmentName: r.department_name,
        writtenAt: (r.decided_at ?? r.written_at).toISOString(),
        attachments: input.attachments.filter((a) => a.reply_id === r.id).map(presentAttachment),
      })),
    ratings: input.ratings.map(presentRating),
    attachments: input.attachments.filter((a) => a.reply_id === null).map(presentAttachment),
    timeline: presentApplicantTimeline(input.events, ENTERPRISE_TIMELINE),
    allowedActions: input.allowedActions,
    version: appeal.version,
  }
}
