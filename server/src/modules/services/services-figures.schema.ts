import { z } from 'zod'

/** The services figures' contract (issue 12, item 8; formulas in docs/METRICS.md, "Online services"). */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'YYYY-MM' })

export const ServicesFiguresQuery = z.strictObject({
  /** the first and the last month counted, both included (city months: Asia/Shanghai by default) */
  from: month,
  to: month,
  /** one row per month and matter, per month and department, or per month for the whole city */
  by: z.enum(['matter', 'department', 'city']).default('department'),
})
export type ServicesFiguresInput = z.infer<typeof ServicesFiguresQuery>

export const ServicesFiguresRowSchema = z.object({
  month: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  matterId: z.string().nullable(),
  matterName: z.string().nullable(),
  // applications received in the month
  received: z.number(),
  /** the completeness check came late: a failure of the department, counted apart */
  deemedAccepted: z.number(),
  deemedAcceptedRate: z.number().nullable(),
  supplementRequests: z.number(),
  supplementsPerApplication: z.number().nullable(),
  /** closed by the clock: the supplement request went unanswered past its deadline (视为撤回申请) */
  deemedWithdrawn: z.number(),
  /** closed by the clock: accepted pending materials that never came by the committed day (容缺 终止办理) */
  terminated: z.number(),
  // applications decided (approved or refused) in the month
  finished: z.number(),
  approved: z.number(),
  refused: z.number(),
  instant: z.number(),
  instantRate: z.number().nullable(),
  zeroVisit: z.number(),
  zeroVisitRate: z.number().nullable(),
  withDecisionClock: z.number(),
  finishedEarly: z.number(),
  earlyRate: z.number().nullable(),
  pastPromised: z.number(),
  pastStatutory: z.number(),
  /** working days from the decision clock's start to the decision, special steps left out */
  usedDaysMean: z.number().nullable(),
  usedDaysMedian: z.number().nullable(),
  usedDaysP90: z.number().nullable(),
  promisedDaysMean: z.number().nullable(),
  statutoryDaysMean: z.number().nullable(),
  /** how far the promised limits sit below the statutory ones: 1 − Σ promised ÷ Σ statutory */
  promisedBelowStatutory: z.number().nullable(),
  materialsAsked: z.number(),
  materialsSuppliedByPlatform: z.number(),
  platformSupplyRate: z.number().nullable(),
})
export type ServicesFiguresRow = z.infer<typeof ServicesFiguresRowSchema>

export const DeemedAcceptedItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  departmentName: z.string().nullable(),
  matterName: z.string().nullable(),
  receivedAt: z.string(),
  completenessDueAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
})

export const ServicesFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['matter', 'department', 'city']),
  rows: z.array(ServicesFiguresRowSchema),
  /** staff only: the applications whose check came late, newest first (at most 100), to follow up */
  deemedAcceptedApplications: z.array(DeemedAcceptedItemSchema),
})
export type ServicesFigures = z.infer<typeof ServicesFiguresSchema>

/** The public statistics: the same rows, aggregates only (no application, no enterprise). */
export const ServicesStatisticsSchema = ServicesFiguresSchema.omit({ deemedAcceptedApplications: true })
export type ServicesStatistics = z.infer<typeof ServicesStatisticsSchema>
