import { z } from 'zod'
import { isoDate, plainText, uuid, version } from '../../shared/fields'

/** The API contract of self-inspection (自查自纠): the bureau's tasks, the departments' copies, rectifications. */

export const SELF_INSPECTION_ANSWER_STATES = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
] as const
export const SELF_INSPECTION_RECTIFICATION_STATES = ['open', 'done', 'confirmed'] as const
export const SELF_INSPECTION_FINDINGS = ['no_problem', 'problem'] as const

export const SelfInspectionIdParams = z.strictObject({ id: uuid })

const ChecklistItemInput = z.strictObject({
  text: plainText(500, 2),
  guidance: plainText(2000, 0).optional().default(''),
})

export const IssueSelfInspectionTaskBody = z.strictObject({
  title: plainText(100, 4),
  scope: plainText(2000, 4),
  /** The legal or policy basis (e.g. a notice's name and number). */
  basis: plainText(500, 2),
  deadline: isoDate,
  items: z.array(ChecklistItemInput).min(1).max(50),
  /** Each department gets its own copy (a department named twice gets one). */
  departmentIds: z.array(uuid).min(1).max(100),
})

const PlanInput = z.strictObject({
  measure: plainText(1000, 2),
  /** Who in the department carries it out (a role or post, not a person's name). */
  owner: plainText(100, 2),
  dueDate: isoDate,
})

const FindingInput = z.strictObject({
  itemId: uuid,
  finding: z.enum(SELF_INSPECTION_FINDINGS),
  description: plainText(2000, 0).optional().default(''),
  evidenceIds: z.array(uuid).max(20).optional().default([]),
  plan: PlanInput.nullable().optional(),
})

export const SaveSelfInspectionFindingsBody = z.strictObject({
  version,
  findings: z.array(FindingInput).max(50),
})

export const VersionBody = z.strictObject({ version })

export const ReturnSelfInspectionAnswerBody = z.strictObject({
  version,
  note: plainText(2000, 2),
  itemNotes: z
    .array(z.strictObject({ itemId: uuid, note: plainText(1000, 1) }))
    .max(50)
    .optional()
    .default([]),
})

export const MarkRectificationDoneBody = z.strictObject({
  version,
  note: plainText(2000, 2),
  evidenceIds: z.array(uuid).max(20).optional().default([]),
})

export const ReopenRectificationBody = z.strictObject({ version, note: plainText(2000, 2) })

export const AnswerListQuery = z.strictObject({
  status: z.enum(SELF_INSPECTION_ANSWER_STATES).optional(),
  departmentId: uuid.optional(),
  taskId: uuid.optional(),
})

export const RectificationListQuery = z.strictObject({
  status: z.enum(SELF_INSPECTION_RECTIFICATION_STATES).optional(),
  departmentId: uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
})

const StatusCounts = z.object({
  not_started: z.number(),
  draft: z.number(),
  submitted: z.number(),
  returned: z.number(),
  accepted: z.number(),
})

export const SelfInspectionTaskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  deadline: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  departments: z.number(),
  statuses: StatusCounts,
  overdue: z.number(),
  openRectifications: z.number(),
})

export const SelfInspectionTaskListSchema = z.object({ items: z.array(SelfInspectionTaskSummarySchema) })

export const ChecklistItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  text: z.string(),
  guidance: z.string(),
})

export const BoardRowSchema = z.object({
  answerId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: z.enum(SELF_INSPECTION_ANSWER_STATES),
  submittedAt: z.string().nullable(),
  overdue: z.boolean(),
  problems: z.number(),
  openRectifications: z.number(),
  overdueRectifications: z.number(),
})

export const SelfInspectionTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.string(),
  basis: z.string(),
  deadline: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  items: z.array(ChecklistItemSchema),
  board: z.array(BoardRowSchema),
})

export const AnswerSummarySchema = z.object({
  id: z.string(),
  taskId: z.string(),
  title: z.string(),
  deadline: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: z.enum(SELF_INSPECTION_ANSWER_STATES),
  submittedAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
})

export const AnswerListSchema = z.object({ items: z.array(AnswerSummarySchema) })

export const EvidenceFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
})

export const FindingSchema = z.object({
  finding: z.enum(SELF_INSPECTION_FINDINGS),
  description: z.string(),
  evidenceIds: z.array(z.string()),
  plan: z.object({ measure: z.string(), owner: z.string(), dueDate: z.string() }).nullable(),
  returnNote: z.string().nullable(),
})

export const RectificationSchema = z.object({
  id: z.string(),
  answerId: z.string(),
  taskTitle: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemText: z.string(),
  measure: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: z.enum(SELF_INSPECTION_RECTIFICATION_STATES),
  doneNote: z.string().nullable(),
  doneEvidenceIds: z.array(z.string()),
  doneAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
})

export const RectificationListSchema = z.object({ items: z.array(RectificationSchema) })

export const AnswerEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
})

export const SelfInspectionAnswerSchema = AnswerSummarySchema.extend({
  scope: z.string(),
  basis: z.string(),
  reviewNote: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  items: z.array(ChecklistItemSchema.extend({ answer: FindingSchema.nullable() })),
  files: z.array(EvidenceFileSchema),
  rectifications: z.array(RectificationSchema),
  events: z.array(AnswerEventSchema),
  /** The moves the caller may make now, in the table's order. */
  actions: z.array(z.enum(['save', 'submit', 'return', 'accept'])),
  /** What the caller is on this copy: its department's handler or head, or the bureau. */
  viewerRoles: z.array(z.enum(['handler', 'head', 'bureau'])),
})

export type IssueSelfInspectionTaskInput = z.infer<typeof IssueSelfInspectionTaskBody>
export type SaveSelfInspectionFindingsInput = z.infer<typeof SaveSelfInspectionFindingsBody>
export type ReturnSelfInspectionAnswerInput = z.infer<typeof ReturnSelfInspectionAnswerBody>
export type MarkRectificationDoneInput = z.infer<typeof MarkRectificationDoneBody>
export type ReopenRectificationInput = z.infer<typeof ReopenRectificationBody>
export type AnswerListInput = z.infer<typeof AnswerListQuery>
export type RectificationListInput = z.infer<typeof RectificationListQuery>
export type SelfInspectionTaskSummary = z.infer<typeof SelfInspectionTaskSummarySchema>
export type SelfInspectionTask = z.infer<typeof SelfInspectionTaskSchema>
export type SelfInspectionAnswerSummary = z.infer<typeof AnswerSummarySchema>
export type SelfInspectionAnswer = z.infer<typeof SelfInspectionAnswerSchema>
export type SelfInspectionRectification = z.infer<typeof RectificationSchema>
export type SelfInspectionFindingAnswer = z.infer<typeof FindingSchema>
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>
