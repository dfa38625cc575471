import { z } from 'zod'
import { fieldMessage, plainText } from '../../shared/fields'

/**
 * The API contract of the service-matter catalogue (事项): the guide the public reads and the
 * content staff write into a version. Limits are in working days; the promised limit may not
 * exceed the statutory one (the migration's CHECK holds the same line).
 */
export const MATTER_TYPES = [
  'licence',
  'confirmation',
  'payment',
  'reward',
  'filing',
  'other_power',
  'public_service',
] as const
export const MATTER_VARIANTS = ['new', 'change', 'renewal', 'cancellation'] as const
/** 网上办理深度: none, 查询 (look up), 下载 (forms online), 部分网办, 全程网办. */
export const ONLINE_LEVELS = ['none', 'query', 'download', 'partial', 'full'] as const
export const SPECIAL_STEP_KINDS = ['expert_review', 'hearing', 'public_notice', 'on_site_inspection'] as const

const days = z.number().int().min(0).max(365)

export const MaterialSchema = z.strictObject({
  name: plainText(200),
  templateFileId: z.string().uuid().nullable(),
  platformSupplies: z.boolean(),
  notRequiredWhen: plainText(500).nullable(),
})
export const FeeSchema = z.strictObject({
  name: plainText(200),
  amount: plainText(100),
  basis: plainText(500),
})
export const SpecialStepSchema = z.strictObject({
  kind: z.enum(SPECIAL_STEP_KINDS),
  limitDays: days,
  countsInStatutoryLimit: z.boolean(),
})
export const FaqSchema = z.strictObject({ question: plainText(300), answer: plainText(2000) })

/** What one version of a matter says: everything of the guide but the department and the code. */
export const MatterContentBody = z
  .strictObject({
    name: plainText(200),
    matterType: z.enum(MATTER_TYPES),
    implementingBody: plainText(200),
    legalBasis: plainText(2000),
    conditions: plainText(4000),
    materials: z.array(MaterialSchema).max(60),
    fees: z.array(FeeSchema).max(20),
    statutoryLimitDays: days,
    promisedLimitDays: days,
    specialSteps: z.array(SpecialStepSchema).max(4),
    visitsNeeded: z.number().int().min(0).max(10),
    onlineLevel: z.enum(ONLINE_LEVELS),
    faq: z.array(FaqSchema).max(30),
  })
  .refine((v) => v.promisedLimitDays <= v.statutoryLimitDays, {
    path: ['promisedLimitDays'],
    error: fieldMessage('services.promisedExceedsStatutory'),
  })
export type MatterContent = z.infer<typeof MatterContentBody>

export const CreateMatterBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9-]{2,60}$/),
  departmentId: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  variant: z.enum(MATTER_VARIANTS).nullable(),
  content: MatterContentBody,
})
export type CreateMatterInput = z.infer<typeof CreateMatterBody>

export const MatterIdParams = z.strictObject({ id: z.string().uuid() })

export const MatterListQuery = z.strictObject({
  q: plainText(50).optional(),
  departmentId: z.string().uuid().optional(),
  matterType: z.enum(MATTER_TYPES).optional(),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
})
export type MatterListFilter = z.infer<typeof MatterListQuery>

export const MatterSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  variant: z.enum(MATTER_VARIANTS).nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  name: z.string(),
  matterType: z.enum(MATTER_TYPES),
  statutoryLimitDays: z.number(),
  promisedLimitDays: z.number(),
  visitsNeeded: z.number(),
  onlineLevel: z.enum(ONLINE_LEVELS),
})
export type MatterSummary = z.infer<typeof MatterSummarySchema>
export const MatterListSchema = z.object({ items: z.array(MatterSummarySchema) })
export type MatterList = z.infer<typeof MatterListSchema>

/** The guide (办事指南) of a matter's current published version. */
export const MatterGuideSchema = MatterSummarySchema.extend({
  versionId: z.string(),
  versionNumber: z.number(),
  publishedAt: z.string(),
  implementingBody: z.string(),
  legalBasis: z.string(),
  conditions: z.string(),
  materials: z.array(MaterialSchema),
  fees: z.array(FeeSchema),
  specialSteps: z.array(SpecialStepSchema),
  faq: z.array(FaqSchema),
})
export type MatterGuide = z.infer<typeof MatterGuideSchema>

/** A version as staff see it while editing: its content, number and state. */
export const MatterVersionSchema = z.object({
  id: z.string(),
  matterId: z.string(),
  number: z.number(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  content: z.object(MatterContentBody.shape),
})
export type MatterVersion = z.infer<typeof MatterVersionSchema>

export type MatterType = (typeof MATTER_TYPES)[number]
export type MatterVariant = (typeof MATTER_VARIANTS)[number]
export type OnlineLevel = (typeof ONLINE_LEVELS)[number]
export type Material = z.infer<typeof MaterialSchema>
export type Fee = z.infer<typeof FeeSchema>
export type SpecialStep = z.infer<typeof SpecialStepSchema>
export type Faq = z.infer<typeof FaqSchema>
