import { z } from 'zod'
import { plainText, version } from '../../shared/fields'

/** Why a case exists: an appeal clock past its last escalation step, or opened by hand. */
export const SUPERVISION_SOURCES = ['appeal_breach', 'manual'] as const
export const SUPERVISION_STATUSES = ['open', 'closed'] as const

export const SupervisionCaseIdParams = z.strictObject({ id: z.string().uuid() })

export const SupervisionListQuery = z.strictObject({
  status: z.enum(SUPERVISION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

export const CloseSupervisionCaseBody = z.strictObject({
  version,
  /** What was done: the result of the supervision, kept with the case. */
  note: plainText(2000, 4),
})

export const SupervisionCaseSchema = z.object({
  id: z.string(),
  source: z.enum(SUPERVISION_SOURCES),
  reason: z.string(),
  level: z.enum(['section', 'bureau', 'city']),
  status: z.enum(SUPERVISION_STATUSES),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  appealId: z.string().nullable(),
  appealNumber: z.string().nullable(),
  appealTitle: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closingNote: z.string().nullable(),
  version: z.number(),
})

export const SupervisionPageSchema = z.object({
  items: z.array(SupervisionCaseSchema),
  total: z.number(),
})

export type SupervisionCase = z.infer<typeof SupervisionCaseSchema>
export type SupervisionListInput = z.infer<typeof SupervisionListQuery>
export type CloseSupervisionCaseInput = z.infer<typeof CloseSupervisionCaseBody>
