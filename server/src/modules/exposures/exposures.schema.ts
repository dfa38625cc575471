import { z } from 'zod'
import { plainText, uuid, version } from '../../shared/fields'

export const EXPOSURE_STATES = ['proposed', 'approved', 'rejected', 'published', 'rectified'] as const
export const EXPOSURE_SOURCES = ['misconduct_report', 'supervision_case', 'manual'] as const
export const REDACTION_KINDS = ['phone', 'id_number', 'name'] as const

export const ExposureIdParams = z.strictObject({ id: uuid })

export const ExposureListQuery = z.strictObject({
  status: z.enum(EXPOSURE_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

export const PublicExposureListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

/** A finding proposed by hand (or from a supervision case); reports propose through their own endpoint. */
export const ProposeExposureBody = z.strictObject({
  unitName: plainText(200, 2),
  departmentId: uuid.optional(),
  title: plainText(200, 4),
  conduct: plainText(5000, 10),
  supervisionCaseId: uuid.optional(),
})

export const RedactBody = z.strictObject({ text: plainText(5000) })

export const RedactionHitSchema = z.object({
  kind: z.enum(REDACTION_KINDS),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  replacement: z.string(),
})
export const RedactionSchema = z.object({ text: z.string(), hits: z.array(RedactionHitSchema) })

export const ReviewExposureBody = z.strictObject({
  version,
  decision: z.enum(['approve', 'reject']),
  /** approve: the text the public reads, names and numbers of private persons removed */
  publicTitle: plainText(200, 4).optional(),
  publicConduct: plainText(5000, 10).optional(),
  /** approve: the reviewer read the redaction helper's hits and the public text */
  redactionConfirmed: z.boolean().optional(),
  note: plainText(2000).optional(),
})

export const PublishExposureBody = z.strictObject({ version })
export const RectifyExposureBody = z.strictObject({ version, rectification: plainText(5000, 4) })

export const ExposureSchema = z.object({
  id: z.string(),
  source: z.enum(EXPOSURE_SOURCES),
  sourceId: z.string().nullable(),
  unitName: z.string(),
  departmentId: z.string().nullable(),
  title: z.string(),
  conduct: z.string(),
  publicTitle: z.string().nullable(),
  publicConduct: z.string().nullable(),
  rectification: z.string().nullable(),
  status: z.enum(EXPOSURE_STATES),
  proposedBy: z.string(),
  proposedByName: z.string().nullable(),
  proposedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
  version: z.number(),
  /** what the redaction helper finds in the proposal, for the reviewer */
  suggestion: RedactionSchema,
})

export const ExposurePageSchema = z.object({ items: z.array(ExposureSchema), total: z.number() })

/** The public board: only what the reviewer confirmed. */
export const PublicExposureSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  title: z.string(),
  conduct: z.string(),
  publishedAt: z.string(),
  rectification: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
})
export const PublicExposurePageSchema = z.object({ items: z.array(PublicExposureSchema), total: z.number() })

export type Exposure = z.infer<typeof ExposureSchema>
export type PublicExposure = z.infer<typeof PublicExposureSchema>
export type ProposeExposureInput = z.infer<typeof ProposeExposureBody>
export type ReviewExposureInput = z.infer<typeof ReviewExposureBody>
export type ExposureListInput = z.infer<typeof ExposureListQuery>
