import { z } from 'zod'
import { isoDate, isoMonth, plainText, uuid, version } from '../../shared/fields'

/** The zod contract of problem classes (堵点难点) and the monthly problem (每月一题); the web reuses it. */

export const PROBLEM_CLASS_STATUSES = ['open', 'monthly', 'closed'] as const
export const PROPOSAL_STATUSES = ['open', 'accepted', 'dismissed'] as const
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const

export const IdParams = z.strictObject({ id: uuid })
export const TaskParams = z.strictObject({ id: uuid, taskId: uuid })
export const AppealIdParams = z.strictObject({ appealId: uuid })

const page = {
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
}

export const StartRunBody = z.strictObject({ month: isoMonth })

export const ProposalsQuery = z.strictObject({
  month: isoMonth,
  status: z.enum(PROPOSAL_STATUSES).optional(),
  ...page,
})

export const AcceptProposalBody = z.strictObject({
  name: plainText(100, 2),
  description: plainText(2000).optional(),
  /** other open proposals of the month taken into the class (merge) */
  mergeProposalIds: z.array(uuid).max(50).optional().default([]),
  /** cases of the proposals left out (split: what does not belong stays outside) */
  excludeItemIds: z.array(uuid).max(5000).optional().default([]),
})

export const ClassesQuery = z.strictObject({ status: z.enum(PROBLEM_CLASS_STATUSES).optional(), ...page })

export const RemoveItemsBody = z.strictObject({ version, itemIds: z.array(uuid).min(1).max(5000) })

export const MakeMonthlyBody = z.strictObject({
  version,
  month: isoMonth,
  ownerDepartmentId: uuid,
  name: plainText(100, 2).optional(),
})

export const AddTaskBody = z.strictObject({
  title: plainText(200, 2),
  ownerDepartmentId: uuid,
  dueOn: isoDate,
})

export const CompleteTaskBody = z.strictObject({ evidence: plainText(2000, 4) })

export const AddOutputBody = z
  .strictObject({
    policyId: uuid.optional(),
    /** a rule change or a document not on the platform: its name and number */
    reference: plainText(300, 2).optional(),
    note: plainText(1000).optional(),
  })
  .refine((v) => v.policyId !== undefined || v.reference !== undefined, {
    path: ['reference'],
    message: 'A policy or a reference',
  })

export const CloseClassBody = z.strictObject({
  version,
  /** what changed: every enterprise of the class receives it */
  summary: plainText(1000, 4),
})

export const RunSchema = z.object({
  id: z.string(),
  month: z.string(),
  status: z.enum(RUN_STATUSES),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  itemCount: z.number().nullable(),
  proposalCount: z.number().nullable(),
})

export const CaseSchema = z.object({
  id: z.string(),
  source: z.enum(['appeal', 'rating']),
  appealId: z.string().nullable(),
  appealNumber: z.string().nullable(),
  ratingId: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  title: z.string(),
})

export const ProposalSchema = z.object({
  id: z.string(),
  month: z.string(),
  rank: z.number(),
  topWords: z.array(z.string()),
  size: z.number(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(PROPOSAL_STATUSES),
  classId: z.string().nullable(),
  /** the first cases of the proposal (all of them up to 200) */
  cases: z.array(CaseSchema),
})

export const ProposalPageSchema = z.object({
  run: RunSchema.nullable(),
  items: z.array(ProposalSchema),
  total: z.number(),
})

export const ClassSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  topWords: z.array(z.string()),
  status: z.enum(PROBLEM_CLASS_STATUSES),
  monthlyMonth: z.string().nullable(),
  ownerDepartmentId: z.string().nullable(),
  ownerDepartmentName: z.string().nullable(),
  caseCount: z.number(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  closingSummary: z.string().nullable(),
  version: z.number(),
})

export const TaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  ownerDepartmentId: z.string(),
  ownerDepartmentName: z.string().nullable(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  evidence: z.string().nullable(),
})

export const OutputSchema = z.object({
  id: z.string(),
  policyId: z.string().nullable(),
  policyTitle: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
})

export const ClassSchema = ClassSummarySchema.extend({
  cases: z.array(CaseSchema),
  tasks: z.array(TaskSchema),
  outputs: z.array(OutputSchema),
  /** enterprises told when it closes */
  enterpriseCount: z.number(),
})

export const ClassPageSchema = z.object({ items: z.array(ClassSummarySchema), total: z.number() })

/** What an appeal's page shows of the classes it is in. */
export const AppealClassesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(PROBLEM_CLASS_STATUSES),
      monthlyMonth: z.string().nullable(),
      closedAt: z.string().nullable(),
      closingSummary: z.string().nullable(),
    }),
  ),
})

export type Run = z.infer<typeof RunSchema>
export type Proposal = z.infer<typeof ProposalSchema>
export type ProposalCase = z.infer<typeof CaseSchema>
export type ProblemClass = z.infer<typeof ClassSchema>
export type ProblemClassSummary = z.infer<typeof ClassSummarySchema>
export type ProblemClassTask = z.infer<typeof TaskSchema>
export type ProblemClassOutput = z.infer<typeof OutputSchema>
export type AppealClasses = z.infer<typeof AppealClassesSchema>
export type AcceptProposalInput = z.infer<typeof AcceptProposalBody>
export type MakeMonthlyInput = z.infer<typeof MakeMonthlyBody>
export type AddTaskInput = z.infer<typeof AddTaskBody>
export type AddOutputInput = z.infer<typeof AddOutputBody>
export type CloseClassInput = z.infer<typeof CloseClassBody>
