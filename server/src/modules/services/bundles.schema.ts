import { z } from 'zod'
import { fieldMessage, plainText } from '../../shared/fields'
import { APPLICATION_STATES } from './services.schema'

/**
 * The API contract of bundles (一件事一次办): the bundle as the bureau writes it, its public guide,
 * the enterprise's bundle application and its result pack, and the staff's monitor. The bundle's
 * promised limit must be shorter than its matters' summed promised limits: the schema keeps it in
 * range, the service compares it with the sum (which it reads from the current matter versions), and
 * migration 0038's CHECK holds the same line in the database.
 */
export const BUNDLE_STATUSES = ['draft', 'in_progress', 'needs_attention', 'done', 'withdrawn'] as const

const days = z.number().int().min(0).max(365)

export const BundleMemberInput = z.strictObject({
  matterId: z.string().uuid(),
  /** members of one stage are handled in parallel; stages in order */
  stage: z.number().int().min(1).max(9),
})

export const BundleBody = z
  .strictObject({
    code: z.string().regex(/^[A-Za-z0-9-]{2,60}$/),
    name: plainText(100),
    description: plainText(2000, 0),
    promisedLimitDays: days,
    members: z.array(BundleMemberInput).min(2).max(12),
  })
  .refine((b) => new Set(b.members.map((m) => m.matterId)).size === b.members.length, {
    path: ['members'],
    error: fieldMessage('services.bundleMemberTwice'),
  })
export type BundleInput = z.infer<typeof BundleBody>

export const BundleIdParams = z.strictObject({ id: z.string().uuid() })

const Savings = z.object({
  oneByOne: z.number(),
  bundle: z.number(),
  saved: z.number(),
  /** the share saved, whole per cent */
  percent: z.number(),
})

export const BundleSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  promisedLimitDays: z.number(),
  memberCount: z.number(),
  departmentCount: z.number(),
  /** working days: the summed promised limits of the members vs the bundle's */
  days: Savings,
  /** materials: the members' lists summed vs the merged list (a material two ask for, asked once) */
  materials: Savings,
})
export type BundleSummary = z.infer<typeof BundleSummarySchema>
export const BundleListSchema = z.object({ items: z.array(BundleSummarySchema) })
export type BundleList = z.infer<typeof BundleListSchema>

export const BundleMemberSchema = z.object({
  matterId: z.string(),
  code: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  position: z.number(),
  stage: z.number(),
  promisedLimitDays: z.number(),
  statutoryLimitDays: z.number(),
  visitsNeeded: z.number(),
})

export const MergedMaterialSchema = z.object({
  name: z.string(),
  platformSupplies: z.boolean(),
  notRequiredWhen: z.string().nullable(),
  /** the members that ask for it (their names) */
  askedBy: z.array(z.string()),
})

export const FieldConflictSchema = z.object({
  field: z.string(),
  reason: z.enum(['type', 'enum', 'format', 'pattern', 'range']),
  parts: z.array(z.string()),
})

/** The guide (办事指南) of a bundle: its members, the merged materials and what it saves. */
export const BundleGuideSchema = BundleSummarySchema.extend({
  isPublished: z.boolean(),
  publishedAt: z.string().nullable(),
  members: z.array(BundleMemberSchema),
  mergedMaterials: z.array(MergedMaterialSchema),
  /** questions: summed over the members vs the merged form */
  fields: z.object({ oneByOne: z.number(), merged: z.number() }),
  visits: z.object({ oneByOne: z.number(), bundle: z.number() }),
  /** questions the members ask incompatibly (a bundle with any cannot be published) */
  conflicts: z.array(FieldConflictSchema),
})
export type BundleGuide = z.infer<typeof BundleGuideSchema>

export const OpenBundleApplicationBody = z.strictObject({
  enterpriseId: z.string().uuid(),
  bundleId: z.string().uuid(),
})
export type OpenBundleApplicationInput = z.infer<typeof OpenBundleApplicationBody>

/** Autosave: the merged form's answers so far (questions of the merged form only). */
export const BundleFormBody = z.strictObject({
  formData: z
    .record(z.string().max(64), z.unknown())
    .refine((d) => Object.keys(d).length <= 300, { error: fieldMessage('services.bundleFormTooLarge') })
    .refine((d) => JSON.stringify(d).length <= 200_000, {
      error: fieldMessage('services.bundleFormTooLarge'),
    }),
})
export type BundleFormInput = z.infer<typeof BundleFormBody>

const Counts = z.object({
  total: z.number(),
  approved: z.number(),
  inProgress: z.number(),
  needsAttention: z.number(),
})

export const BundlePartSchema = z.object({
  applicationId: z.string(),
  matterId: z.string(),
  matterName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  position: z.number(),
  stage: z.number(),
  status: z.enum(APPLICATION_STATES),
  submittedAt: z.string().nullable(),
  /** the part's own clock: the completeness check while received, then the decision */
  dueAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
})
export type BundlePart = z.infer<typeof BundlePartSchema>

export const BundleMaterialSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  notRequiredWhen: z.string().nullable(),
  /** platform: 由平台提供; certificate: 由平台调取; attached: every part asking has a file; missing */
  state: z.enum(['platform', 'certificate', 'attached', 'missing']),
  certificate: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  /** the files given for it, each once (the same upload attached to each asking part) */
  files: z.array(z.object({ uploadId: z.string(), fileName: z.string().nullable() })),
  /** the matters that ask for it */
  askedBy: z.array(z.string()),
})
export type BundleMaterial = z.infer<typeof BundleMaterialSchema>

export const BundleMaterialParams = z.strictObject({ id: z.string().uuid(), uploadId: z.string().uuid() })

export const BundleApplicationSchema = z.object({
  id: z.string(),
  bundleId: z.string(),
  bundleName: z.string(),
  enterpriseId: z.string(),
  status: z.enum(BUNDLE_STATUSES),
  counts: Counts,
  promisedLimitDays: z.number(),
  createdAt: z.string(),
  savedAt: z.string(),
  submittedAt: z.string().nullable(),
  promisedDueAt: z.string().nullable(),
  version: z.number(),
  /** the merged form of the parts' matter versions: `{ schema, ui }`, or `{}` when none asks anything */
  form: z.record(z.string(), z.unknown()),
  formData: z.record(z.string(), z.unknown()),
  parts: z.array(BundlePartSchema),
  /** the parts' materials merged by name: one upload serves every part that asks (bundle-materials.ts) */
  materials: z.array(BundleMaterialSchema),
  /** while a draft: values from the enterprise's profile for questions with an x-prefill hint, as a single application's */
  prefill: z.object({ values: z.record(z.string(), z.unknown()), from: z.record(z.string(), z.string()) }),
})
export type BundleApplication = z.infer<typeof BundleApplicationSchema>

export const BundleApplicationSummarySchema = z.object({
  id: z.string(),
  bundleId: z.string(),
  bundleName: z.string(),
  status: z.enum(BUNDLE_STATUSES),
  counts: Counts,
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
})
export const BundleApplicationListSchema = z.object({ items: z.array(BundleApplicationSummarySchema) })
export type BundleApplicationList = z.infer<typeof BundleApplicationListSchema>

/** The result pack: every part's decision, certificate and notices, in one document. */
export const BundleResultPackSchema = z.object({
  bundleApplicationId: z.string(),
  bundleName: z.string(),
  enterpriseId: z.string(),
  status: z.enum(BUNDLE_STATUSES),
  submittedAt: z.string().nullable(),
  parts: z.array(
    z.object({
      applicationId: z.string(),
      matterName: z.string(),
      departmentName: z.string(),
      status: z.enum(APPLICATION_STATES),
      decidedAt: z.string().nullable(),
      decisionReason: z.string().nullable(),
      decisionLegalBasis: z.string().nullable(),
      /** the e-certificate the approval issued: verifiable by its QR, listed on the certificates page */
      certificateId: z.string().nullable(),
      notices: z.array(
        z.object({ kind: z.string(), title: z.string(), body: z.string(), issuedAt: z.string() }),
      ),
    }),
  ),
})
export type BundleResultPack = z.infer<typeof BundleResultPackSchema>

export const BundleMonitorQuery = z.strictObject({
  status: z.enum(BUNDLE_STATUSES).optional(),
})
export type BundleMonitorFilter = z.infer<typeof BundleMonitorQuery>

export const BundleMonitorSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      bundleName: z.string(),
      enterpriseName: z.string(),
      status: z.enum(BUNDLE_STATUSES),
      counts: Counts,
      submittedAt: z.string().nullable(),
      promisedDueAt: z.string().nullable(),
      isOverdue: z.boolean(),
      parts: z.array(BundlePartSchema.extend({ isOverdue: z.boolean() })),
    }),
  ),
})
export type BundleMonitor = z.infer<typeof BundleMonitorSchema>
