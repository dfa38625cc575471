import { z } from 'zod'
import { CATEGORY_KEYWORD_MAX, MAX_CATEGORY_KEYWORDS } from '../../shared/department-names'
import {
  contactPhone,
  fieldMessage,
  isoDate,
  isoDateTime,
  isoMonth,
  noteAudience,
  personName,
  plainText,
  requiringNoteAudience,
} from '../../shared/fields'
import { APPEAL_STATES } from './appeal-states'
import { AppealSettingsSchema, TIERS } from './appeal-settings'

export const CHANNELS = ['web', 'mobile', 'hotline', 'rating', 'cannot_do', 'visit', 'federation'] as const
export const PAUSE_REASONS = ['awaiting_enterprise', 'awaiting_third_party'] as const
export const APPEAL_STATUSES = Object.keys(APPEAL_STATES) as [
  keyof typeof APPEAL_STATES,
  ...(keyof typeof APPEAL_STATES)[],
]

/** Longest appeal text: long enough for any real complaint, short enough that nobody pastes a book. */
export const MAX_BODY = 5000
export const MAX_ATTACHMENTS = 5

const attachmentIds = z.array(z.string().uuid()).max(MAX_ATTACHMENTS).default([])
const reason = plainText(500, 2)

export const FileAppealBody = z.strictObject({
  enterpriseId: z.string().uuid(),
  categoryCode: z.string().max(40),
  title: plainText(80, 4),
  body: plainText(MAX_BODY, 10),
  attachmentIds,
  address: plainText(200).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  preferredContact: z.enum(['phone', 'sms', 'inbox']).default('phone'),
  contactPhone: contactPhone.nullable().default(null),
  hideIdentity: z.boolean().default(false),
  isPublic: z.boolean().default(false),
  channel: z.enum(['web', 'mobile']).default('mobile'),
  /** A retried submit with the same key returns the first appeal instead of filing a second. */
  idempotencyKey: z.string().min(8).max(80),
})

/** The task force files on an enterprise's behalf: a hotline call, a company visit. */
export const FileOnBehalfBody = FileAppealBody.omit({
  enterpriseId: true,
  channel: true,
  hideIdentity: true,
}).extend({
  enterpriseUscc: z.string().max(40),
  channel: z.enum(['hotline', 'visit']),
  callerName: plainText(50),
  hideIdentity: z.boolean().default(false),
})

export const SimilarQuery = z.strictObject({
  text: z.string().max(MAX_BODY).default(''),
  enterpriseId: z.string().uuid().optional(),
  excludeId: z.string().uuid().optional(),
})

export const AppealIdParams = z.strictObject({ id: z.string().uuid() })

/**
 * Every note a member of staff writes says who reads it (noteAudience): 'internal' (staff only) or
 * 'enterprise'. A note without an audience is refused. Reasons that are always for the enterprise (a
 * rejection's) or always internal (a return's, an extension request's) say so in their dialogs instead.
 */
const optionalNote = plainText(500).optional()

export const AcceptBody = requiringNoteAudience(
  z.strictObject({
    categoryCode: z.string().max(40).optional(),
    tier: z.enum(TIERS).optional(),
    note: optionalNote,
    noteAudience: noteAudience.optional(),
  }),
)
export const RejectBody = z.strictObject({ reason })
export const MergeBody = requiringNoteAudience(
  z.strictObject({
    originalId: z.string().uuid(),
    note: optionalNote,
    noteAudience: noteAudience.optional(),
  }),
)
export const DispatchBody = requiringNoteAudience(
  z.strictObject({
    /** Omitted: the fallback owner (兜底) takes it. */
    leadDepartmentId: z.string().uuid().optional(),
    coDepartmentIds: z.array(z.string().uuid()).max(10).default([]),
    categoryCode: z.string().max(40).optional(),
    tier: z.enum(TIERS).optional(),
    note: optionalNote,
    noteAudience: noteAudience.optional(),
  }),
)
export const ArbitrateBody = z.strictObject({
  departmentId: z.string().uuid(),
  note: reason,
  noteAudience: noteAudience,
})
export const ReturnBody = z.strictObject({ reason })
/** Waiting for the enterprise, the note is what it is asked for: it is sent to it ('enterprise'). */
export const PauseBody = z
  .strictObject({ reason: z.enum(PAUSE_REASONS), note: reason, noteAudience: noteAudience })
  .refine((v) => !(v.reason === 'awaiting_enterprise' && v.noteAudience !== 'enterprise'), {
    path: ['noteAudience'],
    error: fieldMessage('appeals.pauseAsksEnterprise'),
  })
export const NoteBody = requiringNoteAudience(
  z.strictObject({ note: optionalNote, noteAudience: noteAudience.optional() }),
)
export const CONTACT_METHODS = ['phone', 'visit', 'message'] as const
/**
 * A contact with the enterprise: a call or a visit (with whom), or a message the platform sends it
 * (the note is the message, so it is for the enterprise). The first-contact clock stops when it is
 * recorded; `contactedAt` is when the department says it happened (not later than now).
 */
export const ContactBody = z
  .strictObject({
    method: z.enum(CONTACT_METHODS),
    contactPerson: personName(50).optional(),
    contactedAt: isoDateTime.optional(),
    note: reason,
    noteAudience: noteAudience,
  })
  .refine((v) => v.method === 'message' || v.contactPerson !== undefined, {
    path: ['contactPerson'],
    error: fieldMessage('appeals.contactPersonRequired'),
  })
  .refine((v) => v.method !== 'message' || v.noteAudience === 'enterprise', {
    path: ['noteAudience'],
    error: fieldMessage('appeals.messageIsForEnterprise'),
  })
export const ExtensionBody = z.strictObject({ workingDays: z.number().int().min(1).max(30), reason })
export const DecisionBody = requiringNoteAudience(
  z.strictObject({
    approve: z.boolean(),
    note: optionalNote,
    noteAudience: noteAudience.optional(),
  }),
)
export const ExtensionParams = z.strictObject({ id: z.string().uuid(), extensionId: z.string().uuid() })
export const ReplyParams = z.strictObject({ id: z.string().uuid(), replyId: z.string().uuid() })
export const ReplyBody = z.strictObject({
  body: plainText(MAX_BODY, 10),
  attachmentIds,
  /** Required when a co-handler's part has not arrived: why the lead answers without it. */
  missingPartsReason: reason.optional(),
})
/** A co-handler's part, for the lead (staff only). */
export const CoPartBody = z.strictObject({ body: plainText(MAX_BODY, 2) })
export const RatingBody = z.strictObject({
  solved: z.boolean(),
  /** 5 very satisfied … 1 very dissatisfied (国办发〔2019〕51号). Required when solved. */
  level: z.number().int().min(1).max(5).nullable().default(null),
  comment: plainText(500).nullable().default(null),
})
export const WithdrawBody = z.strictObject({ reason })

export const QueueQuery = z.strictObject({
  view: z
    .enum(['triage', 'dispatched', 'returned', 'arbitration', 'overdue', 'extensions', 'open', 'all'])
    .default('triage'),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export const InboxQuery = z.strictObject({
  view: z.enum(['open', 'approvals', 'closed']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

export const FiguresQuery = z.strictObject({ from: isoDate, to: isoDate })
export const RankingQuery = z.strictObject({ month: isoMonth })

export const ReturnVisitParams = z.strictObject({ visitId: z.string().uuid() })
export const ReturnVisitResultBody = z.strictObject({
  status: z.enum(['done', 'unreachable']),
  solved: z.boolean().nullable().default(null),
  level: z.number().int().min(1).max(5).nullable().default(null),
  note: plainText(500).nullable().default(null),
})

export const CategoryParams = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) })
export const SaveCategoryBody = z.strictObject({
  name: plainText(40, 2),
  nameEn: plainText(80, 2),
  defaultDepartmentId: z.string().uuid().nullable(),
  defaultTier: z.enum(TIERS),
  isActive: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(1000).default(100),
  /**
   * Words of an appeal that point to this category's function (留抵退税, 施工许可 …): cold-start
   * routing suggests the default department for them. Left out: the category keeps its words.
   */
  keywords: z.array(plainText(CATEGORY_KEYWORD_MAX, 2)).max(MAX_CATEGORY_KEYWORDS).optional(),
})

/** version 0: the defaults, never saved yet. */
export const UpdateSettingsBody = z.strictObject({
  version: z.number().int().min(0),
  settings: AppealSettingsSchema,
})

// Answers

export const CategorySchema = z.object({
  code: z.string(),
  /** in the caller's language */
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  defaultDepartmentId: z.string().nullable(),
  defaultTier: z.enum(TIERS),
  isActive: z.boolean(),
  sortOrder: z.number(),
  /** words that point to this category in cold-start routing */
  keywords: z.array(z.string()),
})

/** all=true: retired categories too (the administrator's catalogue page). */
export const CategoriesQuery = z.strictObject({ all: z.enum(['true', 'false']).optional() })

export const ReceiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(APPEAL_STATUSES),
  createdAt: z.string(),
  /** The sentence the enterprise sees and can quote on the phone. */
  receipt: z.string(),
})

export const ClockSchema = z.object({
  kind: z.enum(['sign_for', 'first_contact', 'resolution', 'co_part']),
  /** working: the city's working time; elapsed: every minute (a tier measured in clock hours) */
  basis: z.enum(['working', 'elapsed']),
  cycle: z.number(),
  departmentId: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  pausedSince: z.string().nullable(),
  budgetMinutes: z.number(),
  usedMinutes: z.number(),
  isMet: z.boolean().nullable(),
  escalationLevel: z.number(),
})

export const AppealSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(APPEAL_STATUSES),
  channel: z.enum(CHANNELS),
  categoryCode: z.string(),
  categoryName: z.string(),
  tier: z.enum(TIERS),
  enterpriseName: z.string(),
  leadDepartment: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  returnCount: z.number(),
  reopenCount: z.number(),
})

const AudienceEnum = z.enum(['internal', 'enterprise'])

/** A step as staff read it, with who else reads it: the event (audience) and its note (noteAudience). */
export const TimelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  actorRole: z.string().nullable(),
  departmentName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  audience: AudienceEnum,
  noteAudience: AudienceEnum,
})

/** A step as the enterprise reads it: only listed types and data keys, a note only when addressed to it. */
export const EnterpriseTimelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  departmentName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})

export const AttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
})

export const ContactSchema = z.object({
  id: z.string(),
  cycle: z.number(),
  departmentName: z.string(),
  method: z.enum(CONTACT_METHODS),
  contactPerson: z.string().nullable(),
  contactedAt: z.string(),
  recordedAt: z.string(),
  note: z.string(),
  noteAudience: AudienceEnum,
})

export const CoPartSchema = z.object({
  id: z.string(),
  cycle: z.number(),
  departmentId: z.string(),
  departmentName: z.string(),
  body: z.string(),
  writtenAt: z.string(),
})

/** The appeal as staff read it (view: 'staff'). */
export const AppealDetailSchema = AppealSummarySchema.extend({
  view: z.literal('staff'),
  /** the round: 1, then one more each time the enterprise reopens it */
  cycle: z.number(),
  body: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  contactPhone: z.string().nullable(),
  preferredContact: z.enum(['phone', 'sms', 'inbox']),
  address: z.string().nullable(),
  /** where the enterprise was when it filed, if it shared that; hidden with its identity */
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  hideIdentity: z.boolean(),
  isPublic: z.boolean(),
  statusReason: z.string().nullable(),
  closeReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** the application the 办不成事 desk filed this appeal from (staff open its history) */
  applicationId: z.string().nullable(),
  isBinding: z.boolean(),
  assignments: z.array(
    z.object({
      id: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      role: z.enum(['lead', 'co']),
      isCurrent: z.boolean(),
      dispatchedAt: z.string(),
      signedAt: z.string().nullable(),
      returnedAt: z.string().nullable(),
      returnReason: z.string().nullable(),
    }),
  ),
  clocks: z.array(ClockSchema),
  replies: z.array(
    z.object({
      id: z.string(),
      cycle: z.number(),
      body: z.string(),
      status: z.string(),
      departmentName: z.string(),
      writtenAt: z.string(),
      attachments: z.array(AttachmentSchema),
      /** why the lead answered before every co-handler's part arrived */
      missingPartsReason: z.string().nullable(),
    }),
  ),
  contacts: z.array(ContactSchema),
  coParts: z.array(CoPartSchema),
  extensions: z.array(
    z.object({
      id: z.string(),
      workingDays: z.number(),
      reason: z.string(),
      status: z.string(),
      requestedAt: z.string(),
      decisionNote: z.string().nullable(),
    }),
  ),
  ratings: z.array(
    z.object({
      cycle: z.number(),
      solved: z.boolean(),
      level: z.number().nullable(),
      comment: z.string().nullable(),
      ratedAt: z.string(),
    }),
  ),
  attachments: z.array(AttachmentSchema),
  timeline: z.array(TimelineEventSchema),
  /** What the caller may do now: the screens show only these buttons. */
  allowedActions: z.array(z.string()),
  version: z.number(),
})

/**
 * The appeal as its enterprise reads it (view: 'enterprise'): built field by field from this list, never
 * from the staff view (appeal-enterprise-view.ts).
 */
export const EnterpriseAppealSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(APPEAL_STATUSES),
  channel: z.enum(CHANNELS),
  categoryCode: z.string(),
  categoryName: z.string(),
  enterpriseName: z.string(),
  leadDepartment: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
})

export const EnterpriseAppealSchema = EnterpriseAppealSummarySchema.extend({
  view: z.literal('enterprise'),
  enterpriseId: z.string(),
  body: z.string(),
  tier: z.enum(TIERS),
  coDepartmentNames: z.array(z.string()),
  contactPhone: z.string().nullable(),
  preferredContact: z.enum(['phone', 'sms', 'inbox']),
  address: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  hideIdentity: z.boolean(),
  isPublic: z.boolean(),
  /** the rejection's or the withdrawal's reason; nothing else */
  statusReason: z.string().nullable(),
  closeReason: z.string().nullable(),
  mergedIntoNumber: z.string().nullable(),
  /** the application the 办不成事 desk filed this appeal from */
  applicationId: z.string().nullable(),
  clocks: z.array(
    z.object({
      kind: z.enum(['first_contact', 'resolution']),
      cycle: z.number(),
      dueAt: z.string().nullable(),
      stoppedAt: z.string().nullable(),
      pausedSince: z.string().nullable(),
      isMet: z.boolean().nullable(),
    }),
  ),
  replies: z.array(
    z.object({
      id: z.string(),
      cycle: z.number(),
      body: z.string(),
      departmentName: z.string(),
      writtenAt: z.string(),
      attachments: z.array(AttachmentSchema),
    }),
  ),
  ratings: z.array(
    z.object({
      cycle: z.number(),
      solved: z.boolean(),
      level: z.number().nullable(),
      comment: z.string().nullable(),
      ratedAt: z.string(),
    }),
  ),
  attachments: z.array(AttachmentSchema),
  timeline: z.array(EnterpriseTimelineEventSchema),
  allowedActions: z.array(z.string()),
  version: z.number(),
})

/** GET /appeals/{id}: staff read the staff view, the enterprise its own. */
export const AnyAppealViewSchema = z.discriminatedUnion('view', [AppealDetailSchema, EnterpriseAppealSchema])

export const AppealPageSchema = z.object({ items: z.array(AppealSummarySchema), total: z.number() })
export const EnterpriseAppealPageSchema = z.object({
  items: z.array(EnterpriseAppealSummarySchema),
  total: z.number(),
})

export const SimilarSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      status: z.enum(APPEAL_STATUSES),
      score: z.number(),
    }),
  ),
})

/**
 * Why a department is suggested. model: learned from past dispatches; category: the default
 * department of the category the enterprise picked; mentioned: the appeal names it (full name, short
 * name or a recognised form); keyword: the appeal's words describe its function; fallback: the
 * fallback owner (兜底). All but model are fixed cold-start priors (docs/decisions/0020).
 */
export const SUGGESTION_BASES = ['model', 'category', 'mentioned', 'keyword', 'fallback'] as const

export const SuggestionSchema = z.object({
  /** the basis of the first suggestion */
  source: z.enum(SUGGESTION_BASES),
  items: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      /** model: its probability; cold start: its share of the evidence of every department */
      confidence: z.number(),
      /** the heaviest evidence */
      basis: z.enum(SUGGESTION_BASES),
      /** every piece of evidence, in the caller's language (所选类别「税费办理与退税」的默认部门；诉求中提到「税务局」) */
      reason: z.string(),
    }),
  ),
})

const Rate = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() })
export const FiguresRowSchema = z.object({
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  dispatched: z.number(),
  response: Rate,
  resolution: Rate,
  satisfaction: Rate,
  ratingCoverage: Rate,
  reopen: Rate,
  bounce: Rate,
  onTime: Rate,
  /** co-handling (协办): assignments, and the share of parts submitted on time */
  coHandled: z.number(),
  coHandling: Rate,
  /** parts never submitted whose clocks ended undecided (the lead answered without them, or the appeal moved) */
  coPartsNotSubmitted: z.number(),
  ratings: z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number(), '5': z.number() }),
  withdrawn: z.number(),
  score: z.number().nullable(),
})
export const FiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
  city: FiguresRowSchema,
  departments: z.array(FiguresRowSchema),
})

export const ImportReportSchema = z.object({
  total: z.number(),
  filed: z.number(),
  duplicates: z.number(),
  failed: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      status: z.enum(['filed', 'duplicate', 'error']),
      number: z.string().optional(),
      errors: z.record(z.string(), z.string()).optional(),
    }),
  ),
})

export const RankingSchema = z.object({
  month: z.string(),
  weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
  rows: z.array(FiguresRowSchema.extend({ rank: z.number() })),
})

export const WithdrawalGroupSchema = z.object({
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  count: z.number(),
  appeals: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
})

export const ReturnVisitSchema = z.object({
  id: z.string(),
  appealId: z.string(),
  appealNumber: z.string(),
  enterpriseName: z.string(),
  sampleReason: z.string(),
  status: z.string(),
  sampledAt: z.string(),
  solved: z.boolean().nullable(),
  level: z.number().nullable(),
  note: z.string().nullable(),
})

export type AppealDetail = z.infer<typeof AppealDetailSchema>
export type EnterpriseAppeal = z.infer<typeof EnterpriseAppealSchema>
export type EnterpriseAppealSummary = z.infer<typeof EnterpriseAppealSummarySchema>
export type EnterpriseAppealPage = z.infer<typeof EnterpriseAppealPageSchema>
export type AppealSummary = z.infer<typeof AppealSummarySchema>
export type FiguresRow = z.infer<typeof FiguresRowSchema>
export type FileAppealInput = z.infer<typeof FileAppealBody>
export type DispatchInput = z.infer<typeof DispatchBody>
