import { z } from 'zod'
import { fieldMessage, plainText } from '../../shared/fields'
import { CERTIFICATE_KINDS } from '../certificates/certificates.schema'

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

export const REVIEW_ROLES = ['handler', 'department_head'] as const
/** One review step: steps of one stage run in parallel, stage n+1 opens when stage n is done. */
export const ReviewStepSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  name: plainText(50),
  role: z.enum(REVIEW_ROLES),
  stage: z.number().int().min(1).max(10),
})
export const DEFAULT_REVIEW_STEPS = [
  { key: 'review', name: '审查', role: 'handler', stage: 1 },
  { key: 'approve', name: '审批', role: 'department_head', stage: 2 },
] as const satisfies ReviewStep[]

/** Some JSON object; the forms and review parts check their own shapes deeply. */
const jsonObject = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 200_000, { error: fieldMessage('services.jsonTooLarge') })
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
/** `{}` (no form) or `{ schema: { type: 'object', … }, ui?: { … } }`. */
const FormSchemaSchema = jsonObject.refine(
  (v) =>
    Object.keys(v).length === 0 ||
    (isObject(v.schema) && v.schema.type === 'object' && (v.ui === undefined || isObject(v.ui))),
  { error: fieldMessage('services.formSchemaShape') },
)

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
    // how applications are handled (the editor's; the public guide shows none of these but 容缺)
    reviewSteps: z
      .array(ReviewStepSchema)
      .min(1)
      .max(12)
      .superRefine((steps, ctx) => {
        for (const issue of reviewStepIssues(steps))
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
      })
      .default(() => DEFAULT_REVIEW_STEPS.map((s) => ({ ...s }))),
    formSchema: FormSchemaSchema.default(() => ({})),
    // the rule language is the review part's: an object or a list of conditions (as policies' items)
    instantConditions: z
      .union([jsonObject, z.array(z.unknown()).max(100)])
      .nullable()
      .default(null),
    toleranceMaterials: z
      .array(plainText(200))
      .max(20)
      .default(() => []),
    jointHandling: z.boolean().default(false),
    certificateKind: z.enum(CERTIFICATE_KINDS).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.promisedLimitDays > v.statutoryLimitDays)
      ctx.addIssue({
        code: 'custom',
        path: ['promisedLimitDays'],
        message: fieldMessage('services.promisedExceedsStatutory')(),
      })
    const names = new Set(v.materials.map((m) => m.name))
    v.toleranceMaterials.forEach((name, i) => {
      if (!names.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['toleranceMaterials', i],
          message: fieldMessage('services.toleranceNotAMaterial')(),
        })
    })
  })
export type MatterContent = z.infer<typeof MatterContentBody>
/** What a writer (the seed, a test) may leave out: the handling fields have defaults. */
export type MatterContentInput = z.input<typeof MatterContentBody>

/**
 * Review steps must form stages 1..n with no gap (a stage nobody works on would never open the
 * next) and each step's key must be unique (a review task is keyed by it).
 */
export function reviewStepIssues(steps: ReviewStep[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = []
  const seen = new Set<string>()
  steps.forEach((step, i) => {
    if (seen.has(step.key))
      issues.push({ path: [i, 'key'], message: fieldMessage('services.reviewStepKeyTaken')() })
    seen.add(step.key)
  })
  const stages = new Set(steps.map((s) => s.stage))
  const highest = Math.max(0, ...stages)
  for (let stage = 1; stage <= highest; stage++) {
    if (!stages.has(stage)) {
      issues.push({
        path: [],
        message: fieldMessage('services.reviewStagesGap', { stage })(),
      })
      break
    }
  }
  return issues
}

export const CreateMatterBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9-]{2,60}$/),
  departmentId: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  variant: z.enum(MATTER_VARIANTS).nullable(),
  content: MatterContentBody,
})
export type CreateMatterInput = z.infer<typeof CreateMatterBody>
/** What a client sends: the handling fields may be left to their defaults. */
export type CreateMatterRequest = z.input<typeof CreateMatterBody>

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
  /** materials that may follow after acceptance (容缺受理), against a signed commitment */
  toleranceMaterials: z.array(z.string()),
  jointHandling: z.boolean(),
  /** the e-certificate an approval issues, null: none */
  certificateKind: z.enum(CERTIFICATE_KINDS).nullable(),
  /** 即办件: decided on submission */
  isInstant: z.boolean(),
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

export const EditableMattersQuery = z.strictObject({ departmentId: z.string().uuid().optional() })
export type EditableMattersFilter = z.infer<typeof EditableMattersQuery>

/** A node of the editor's tree: 主项 → 子项 → 业务办理项, with where its versions stand. */
export const EditableMatterSchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  variant: z.enum(MATTER_VARIANTS).nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  name: z.string(),
  currentVersionNumber: z.number().nullable(),
  draftVersionNumber: z.number().nullable(),
})
export type EditableMatter = z.infer<typeof EditableMatterSchema>
export const EditableMatterListSchema = z.object({ items: z.array(EditableMatterSchema) })
export type EditableMatterList = z.infer<typeof EditableMatterListSchema>

export const MatterVersionParams = z.strictObject({ id: z.string().uuid(), versionId: z.string().uuid() })
export const MatterVersionListSchema = z.object({
  matter: z.object({
    id: z.string(),
    code: z.string(),
    parentId: z.string().nullable(),
    variant: z.enum(MATTER_VARIANTS).nullable(),
    departmentId: z.string(),
    currentVersionId: z.string().nullable(),
  }),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      status: z.enum(['draft', 'published']),
      name: z.string(),
      createdAt: z.string(),
      publishedAt: z.string().nullable(),
    }),
  ),
})
export type MatterVersionList = z.infer<typeof MatterVersionListSchema>

export const CatalogueExportQuery = z.strictObject({ departmentId: z.string().uuid().optional() })
/** What an import did: matters created, drafts written, matters whose content was already that. */
export const CatalogueImportReportSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
})
export type CatalogueImportReport = z.infer<typeof CatalogueImportReportSchema>

export type MatterType = (typeof MATTER_TYPES)[number]
export type MatterVariant = (typeof MATTER_VARIANTS)[number]
export type OnlineLevel = (typeof ONLINE_LEVELS)[number]
export type Material = z.infer<typeof MaterialSchema>
export type Fee = z.infer<typeof FeeSchema>
export type SpecialStep = z.infer<typeof SpecialStepSchema>
export type Faq = z.infer<typeof FaqSchema>
export type ReviewStep = z.infer<typeof ReviewStepSchema>
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number]
export { CERTIFICATE_KINDS }
