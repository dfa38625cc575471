import { z } from 'zod'
import { isoDate, plainText, uuid, version } from '../../shared/fields'

/** The API contract of the action plan (行动方案): areas, tasks, reports, evidence, review, figures. */

export const PLAN_TASK_STATES = ['not_started', 'in_progress', 'submitted', 'returned', 'accepted'] as const
/** What the public view shows: a returned task is still in progress to the public. */
export const PUBLIC_PLAN_TASK_STATES = ['not_started', 'in_progress', 'under_review', 'done'] as const
export const PLAN_TASK_ACTIONS = ['report', 'submit', 'return', 'accept'] as const

export const PlanIdParams = z.strictObject({ id: uuid })

export const CreatePlanAreaBody = z.strictObject({
  name: plainText(50, 2),
  summary: plainText(1000, 0).optional().default(''),
})

export const CreatePlanTaskBody = z.strictObject({
  areaId: uuid,
  title: plainText(200, 4),
  description: plainText(2000, 0).optional().default(''),
  /** What the task must produce (a rule, a system, a figure reached…): what the evidence must show. */
  expectedOutput: plainText(1000, 2),
  ownerDepartmentId: uuid,
  deadline: isoDate,
})

const evidenceIds = z.array(uuid).max(20).optional().default([])

export const ReportPlanTaskProgressBody = z.strictObject({
  version,
  percent: z.int().min(0).max(99),
  text: plainText(2000, 2),
  evidenceIds,
})

export const SubmitPlanTaskBody = z.strictObject({
  version,
  text: plainText(2000, 2),
  evidenceIds: z.array(uuid).min(1).max(20),
})

export const ReturnPlanTaskBody = z.strictObject({ version, note: plainText(2000, 2) })

export const AcceptPlanTaskBody = z.strictObject({ version, note: plainText(2000, 0).optional() })

export const PlanTaskListQuery = z.strictObject({
  status: z.enum(PLAN_TASK_STATES).optional(),
  areaId: uuid.optional(),
  ownerDepartmentId: uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
})

export const PlanAreaSchema = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  summary: z.string(),
})

export const PlanTaskSummarySchema = z.object({
  id: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  title: z.string(),
  expectedOutput: z.string(),
  ownerDepartmentId: z.string(),
  ownerDepartmentName: z.string(),
  deadline: z.string(),
  status: z.enum(PLAN_TASK_STATES),
  progress: z.number(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  version: z.number(),
})

export const PlanTaskListSchema = z.object({ items: z.array(PlanTaskSummarySchema) })

export const PlanEvidenceFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
})

export const PlanTaskReportSchema = z.object({
  id: z.string(),
  kind: z.enum(['progress', 'completion']),
  percent: z.number(),
  text: z.string(),
  evidenceIds: z.array(z.string()),
  reportedByName: z.string().nullable(),
  reportedAt: z.string(),
})

export const PlanTaskEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
})

export const PlanTaskSchema = PlanTaskSummarySchema.extend({
  description: z.string(),
  reviewNote: z.string().nullable(),
  supervisionCaseId: z.string().nullable(),
  reports: z.array(PlanTaskReportSchema),
  files: z.array(PlanEvidenceFileSchema),
  events: z.array(PlanTaskEventSchema),
  /** The moves the caller may make now, in the table's order. */
  actions: z.array(z.enum(PLAN_TASK_ACTIONS)),
  /** What the caller is on this task: the owner unit's handler or head, or the bureau. */
  viewerRoles: z.array(z.enum(['handler', 'head', 'bureau'])),
})

/** The public view: built from an allow-list, with no notes, no evidence, no names of staff. */
export const PublicPlanTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  expectedOutput: z.string(),
  ownerName: z.string(),
  deadline: z.string(),
  status: z.enum(PUBLIC_PLAN_TASK_STATES),
  progress: z.number(),
  overdue: z.boolean(),
})

export const PublicActionPlanSchema = z.object({
  areas: z.array(PlanAreaSchema.omit({ position: true }).extend({ tasks: z.array(PublicPlanTaskSchema) })),
  totals: z.object({
    tasks: z.number(),
    done: z.number(),
    overdue: z.number(),
  }),
  /** The city's date the overdue marks are computed for. */
  asOf: z.string(),
})

const StatusCounts = z.object({
  not_started: z.number(),
  in_progress: z.number(),
  submitted: z.number(),
  returned: z.number(),
  accepted: z.number(),
})

export const ActionPlanUnitFiguresSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  tasks: z.number(),
  accepted: z.number(),
  acceptedOnTime: z.number(),
  overdue: z.number(),
  /** acceptedOnTime / (accepted + overdue); null when nothing is due yet (docs/METRICS.md) */
  onTimeRate: z.number().nullable(),
})

export const ActionPlanFiguresSchema = z.object({
  asOf: z.string(),
  tasks: z.number(),
  byStatus: StatusCounts,
  overdue: z.number(),
  escalated: z.number(),
  onTimeRate: z.number().nullable(),
  units: z.array(ActionPlanUnitFiguresSchema),
})

export type CreatePlanAreaInput = z.infer<typeof CreatePlanAreaBody>
export type CreatePlanTaskInput = z.infer<typeof CreatePlanTaskBody>
export type ReportPlanTaskProgressInput = z.infer<typeof ReportPlanTaskProgressBody>
export type SubmitPlanTaskInput = z.infer<typeof SubmitPlanTaskBody>
export type ReturnPlanTaskInput = z.infer<typeof ReturnPlanTaskBody>
export type AcceptPlanTaskInput = z.infer<typeof AcceptPlanTaskBody>
export type PlanTaskListInput = z.infer<typeof PlanTaskListQuery>
export type PlanArea = z.infer<typeof PlanAreaSchema>
export type PlanTaskSummary = z.infer<typeof PlanTaskSummarySchema>
export type PlanTask = z.infer<typeof PlanTaskSchema>
export type PlanTaskReport = z.infer<typeof PlanTaskReportSchema>
export type PlanEvidenceFile = z.infer<typeof PlanEvidenceFileSchema>
export type PublicActionPlan = z.infer<typeof PublicActionPlanSchema>
export type PublicPlanTask = z.infer<typeof PublicPlanTaskSchema>
export type ActionPlanFigures = z.infer<typeof ActionPlanFiguresSchema>
export type ActionPlanUnitFigures = z.infer<typeof ActionPlanUnitFiguresSchema>
