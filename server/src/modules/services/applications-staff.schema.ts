import { z } from 'zod'
import { fieldMessage, plainText } from '../../shared/fields'

/** The staff side of applications (the queue, the staff view, review steps) and the applicant's record. */
const STATES = [
  'draft',
  'submitted',
  'supplement_requested',
  'accepted',
  'special_step',
  'approved',
  'refused',
  'not_accepted',
  'withdrawn',
  'terminated',
] as const
const IN_FLIGHT_STATES = ['submitted', 'supplement_requested', 'accepted', 'special_step'] as const

export const ReviewTaskParams = z.strictObject({ id: z.string().uuid(), taskId: z.string().uuid() })

export const QueueQuery = z.strictObject({
  status: z.enum(IN_FLIGHT_STATES).optional(),
  matterId: z.string().uuid().optional(),
  /** administrators and bureau leaders choose a department; staff read their own */
  departmentId: z.string().uuid().optional(),
  /** the last row's cursor of the previous page */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})
export type QueueFilter = z.infer<typeof QueueQuery>

export const QueueItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(STATES),
  matterId: z.string().nullable(),
  matterName: z.string().nullable(),
  departmentId: z.string().nullable(),
  enterpriseName: z.string(),
  receivedAt: z.string().nullable(),
  completenessDueAt: z.string().nullable(),
  decisionDueAt: z.string().nullable(),
  specialStepDueAt: z.string().nullable(),
  supplementDueAt: z.string().nullable(),
  instant: z.boolean(),
  /** the nearest of the department's clocks, null when none runs */
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
})
export const QueueSchema = z.object({ items: z.array(QueueItemSchema), next: z.string().nullable() })
export type Queue = z.infer<typeof QueueSchema>
export type QueueItem = z.infer<typeof QueueItemSchema>

export const ReviewTaskSchema = z.object({
  id: z.string(),
  stepKey: z.string(),
  stepName: z.string(),
  stage: z.number(),
  role: z.enum(['handler', 'department_head']),
  status: z.enum(['waiting', 'open', 'claimed', 'done']),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  outcome: z.enum(['approve', 'refuse', 'return']).nullable(),
  note: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** what the caller may do with it now */
  actions: z.array(z.enum(['claim', 'unclaim', 'delegate', 'approve', 'refuse', 'return'])),
})
export type ReviewTaskView = z.infer<typeof ReviewTaskSchema>

export const NoticeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  issuedAt: z.string(),
  title: z.string(),
  body: z.string(),
})
export const NoticeListSchema = z.object({ items: z.array(NoticeSchema) })

export const StaffEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  noteAudience: z.string(),
  audience: z.string(),
  data: z.record(z.string(), z.unknown()),
})

export const ApplicantEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  departmentName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})
export const ApplicantTimelineSchema = z.object({ items: z.array(ApplicantEventSchema) })

export const StaffApplicationSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(STATES),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  matterId: z.string().nullable(),
  matterName: z.string().nullable(),
  /** working days the matter's version promises: a 容缺 deadline may not be longer */
  matterPromisedLimitDays: z.number().nullable(),
  departmentId: z.string().nullable(),
  formData: z.record(z.string(), z.unknown()),
  /** the materials the applicant sent (the forms work fills this; empty until it does) */
  materials: z.array(z.record(z.string(), z.unknown())),
  clocks: z.object({
    receivedAt: z.string().nullable(),
    completenessDueAt: z.string().nullable(),
    supplementDueAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    decisionDueAt: z.string().nullable(),
    statutoryDueAt: z.string().nullable(),
    extensionDays: z.number(),
    specialStepKind: z.string().nullable(),
    specialStepDueAt: z.string().nullable(),
    toleranceDueAt: z.string().nullable(),
  }),
  supplementItems: z.array(z.object({ item: z.string(), problem: z.string() })),
  toleranceItems: z.array(z.string()),
  decision: z.object({
    instant: z.boolean(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    legalBasis: z.string().nullable(),
    certificateId: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    closedAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
  }),
  tasks: z.array(ReviewTaskSchema),
  notices: z.array(NoticeSchema),
  timeline: z.array(StaffEventSchema),
  /** colleagues a step may be passed to */
  colleagues: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  /** the moves of the table the caller may make now (empty for read-only readers) */
  allowedActions: z.array(z.string()),
  version: z.number(),
})
export type StaffApplication = z.infer<typeof StaffApplicationSchema>

export const DecideTaskBody = z
  .strictObject({
    outcome: z.enum(['approve', 'refuse', 'return']),
    note: plainText(2000).optional(),
    reason: plainText(2000).optional(),
    legalBasis: plainText(1000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'refuse' && !b.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: fieldMessage('services.review.reasonRequired')(),
      })
    if (b.outcome === 'refuse' && !b.legalBasis)
      ctx.addIssue({
        code: 'custom',
        path: ['legalBasis'],
        message: fieldMessage('services.review.legalBasisRequired')(),
      })
    if (b.outcome === 'return' && !b.note)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: fieldMessage('services.review.noteRequired')(),
      })
  })
export type DecideTaskInput = z.infer<typeof DecideTaskBody>

export const DelegateTaskBody = z.strictObject({
  assigneeId: z.string().uuid(),
  note: plainText(500).optional(),
})
export type DelegateTaskInput = z.infer<typeof DelegateTaskBody>
