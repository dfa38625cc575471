import { z } from 'zod'
import { isoDateTime, plainText, version } from '../../shared/fields'

/**
 * The API contract of rectifications (差评整改) and rating appeals (评价申诉); the web reuses it.
 * The states are those of rectification-states.ts and rating-appeal-states.ts.
 */
export const RECTIFICATION_STATES = [
  'open',
  'evidence_submitted',
  'verified',
  'feedback_given',
  'closed',
  'withdrawn',
] as const
export type RectificationStatus = (typeof RECTIFICATION_STATES)[number]
export const RATING_APPEAL_STATES = ['open', 'upheld', 'rejected'] as const
export const CONTACT_OUTCOMES = ['confirmed', 'not_confirmed', 'unreachable'] as const
export const REASON_CLASSES = ['mistaken', 'malicious'] as const
/** What a member of staff may do next on a case, in the order the table declares the moves. */
export const RECTIFICATION_STAFF_ACTIONS = [
  'attach_evidence',
  'submit_evidence',
  'return',
  'verify',
  'give_feedback',
  'close',
] as const

export const IdParams = z.strictObject({ id: z.string().uuid() })

export const RectificationListQuery = z.strictObject({
  status: z.enum([...RECTIFICATION_STATES, 'active']).optional(),
})
export const RatingAppealListQuery = z.strictObject({ status: z.enum(RATING_APPEAL_STATES).optional() })

export const SubmitEvidenceBody = z.strictObject({ measures: plainText(4000), version })
export type SubmitEvidenceInput = z.infer<typeof SubmitEvidenceBody>

/** The bureau's verification contact with the rater: when, what the rater said, a note. */
export const ContactBody = z.strictObject({
  contactedAt: isoDateTime,
  outcome: z.enum(CONTACT_OUTCOMES),
  note: plainText(2000).optional(),
})
export const VerifyBody = ContactBody.extend({ version })
export type VerifyInput = z.infer<typeof VerifyBody>
export const ReturnBody = z.strictObject({
  reason: plainText(2000),
  contact: ContactBody.optional(),
  version,
})
export type ReturnInput = z.infer<typeof ReturnBody>
export const FeedbackBody = z.strictObject({ note: plainText(2000), version })
export type FeedbackInput = z.infer<typeof FeedbackBody>
export const CloseBody = z.strictObject({ note: plainText(2000).optional(), version })
export type CloseInput = z.infer<typeof CloseBody>

export const FileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
})
export type RectificationFile = z.infer<typeof FileSchema>

export const TimelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  actorRole: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})

export const RectificationSummarySchema = z.object({
  id: z.string(),
  status: z.enum(RECTIFICATION_STATES),
  departmentId: z.string(),
  departmentName: z.string(),
  enterpriseName: z.string().nullable(),
  subjectType: z.string(),
  subjectTitle: z.string().nullable(),
  subjectNumber: z.string().nullable(),
  ratingLevel: z.number(),
  openedAt: z.string(),
  dueAt: z.string(),
  /** the unit has not sent its evidence and the deadline has passed */
  overdue: z.boolean(),
  /** the evidence came after the deadline */
  late: z.boolean(),
  returnedCount: z.number(),
  version: z.number(),
})
export type RectificationSummary = z.infer<typeof RectificationSummarySchema>
export const RectificationListSchema = z.object({ items: z.array(RectificationSummarySchema) })
export type RectificationList = z.infer<typeof RectificationListSchema>

export const RectificationSchema = RectificationSummarySchema.extend({
  deadlineWorkingDays: z.number(),
  rating: z.object({
    level: z.number(),
    comment: z.string().nullable(),
    efficiency: z.number().nullable(),
    guideAccuracy: z.number().nullable(),
    convenience: z.number().nullable(),
    usability: z.number().nullable(),
    stage: z.string(),
    ratedAt: z.string(),
    excluded: z.boolean(),
  }),
  /** who rated: the bureau always (it makes the contact); the unit only once the case has ended */
  rater: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  measures: z.string().nullable(),
  evidenceSubmittedAt: z.string().nullable(),
  contact: z
    .object({ at: z.string(), outcome: z.enum(CONTACT_OUTCOMES), note: z.string().nullable() })
    .nullable(),
  verifiedAt: z.string().nullable(),
  feedbackNote: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  finalLevel: z.number().nullable(),
  closedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  files: z.array(FileSchema),
  timeline: z.array(TimelineEventSchema),
  allowedActions: z.array(z.enum(RECTIFICATION_STAFF_ACTIONS)),
  /** the caller may appeal the rating (its unit, no appeal open, not excluded) */
  canAppealRating: z.boolean(),
  ratingId: z.string(),
})
export type Rectification = z.infer<typeof RectificationSchema>

/** What the rater's enterprise reads of its rectification on the phone. */
export const EnterpriseRectificationSchema = z.object({
  id: z.string(),
  /** the rater's enterprise (the ratings sheet of the fix is the enterprise's) */
  enterpriseId: z.string().nullable(),
  status: z.enum(RECTIFICATION_STATES),
  departmentName: z.string(),
  subjectType: z.string(),
  subjectTitle: z.string().nullable(),
  subjectNumber: z.string().nullable(),
  ratingLevel: z.number(),
  openedAt: z.string(),
  dueAt: z.string(),
  verifiedAt: z.string().nullable(),
  feedbackNote: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  finalLevel: z.number().nullable(),
  /** the fix may be rated now (subject 'rectification', stage 'final') */
  canRateFix: z.boolean(),
  timeline: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      type: z.string(),
      departmentName: z.string().nullable(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
})
export type EnterpriseRectification = z.infer<typeof EnterpriseRectificationSchema>
export const EnterpriseRectificationListSchema = z.object({
  items: z.array(EnterpriseRectificationSchema.omit({ timeline: true })),
})
export type EnterpriseRectificationList = z.infer<typeof EnterpriseRectificationListSchema>

export const RectificationSettingsSchema = z.object({
  deadlineWorkingDays: z.number().int().min(5).max(15),
  version: z.number(),
})
export type RectificationSettings = z.infer<typeof RectificationSettingsSchema>
export const RectificationSettingsBody = z.strictObject({
  deadlineWorkingDays: z.number().int().min(5).max(15),
  /** the version read (0 when nothing was saved yet) */
  version: z.number().int().min(0),
})

// ── rating appeals ──────────────────────────────────────────────────────────────────────────────

export const FileRatingAppealBody = z.strictObject({
  ratingId: z.string().uuid(),
  reasonClass: z.enum(REASON_CLASSES),
  reason: plainText(2000),
})
export type FileRatingAppealInput = z.infer<typeof FileRatingAppealBody>
export const DecideRatingAppealBody = z.strictObject({
  decision: z.enum(['uphold', 'reject']),
  reason: plainText(2000),
  version,
})
export type DecideRatingAppealInput = z.infer<typeof DecideRatingAppealBody>

export const RatingAppealSchema = z.object({
  id: z.string(),
  ratingId: z.string(),
  status: z.enum(RATING_APPEAL_STATES),
  departmentId: z.string(),
  departmentName: z.string(),
  reasonClass: z.enum(REASON_CLASSES),
  reason: z.string(),
  filedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  rating: z.object({
    level: z.number(),
    comment: z.string().nullable(),
    subjectType: z.string(),
    ratedAt: z.string(),
    excluded: z.boolean(),
  }),
  rectificationId: z.string().nullable(),
  files: z.array(FileSchema),
  canDecide: z.boolean(),
  canAttach: z.boolean(),
  version: z.number(),
})
export type RatingAppeal = z.infer<typeof RatingAppealSchema>
export const RatingAppealListSchema = z.object({ items: z.array(RatingAppealSchema.omit({ files: true })) })
export type RatingAppealList = z.infer<typeof RatingAppealListSchema>

/** The public statistics: ratings excluded from the figures, by the reason class of the upheld appeal. */
export const ExcludedRatingsSchema = z.object({
  total: z.number(),
  byReason: z.array(z.object({ reason: z.string(), count: z.number() })),
})
export type ExcludedRatings = z.infer<typeof ExcludedRatingsSchema>
