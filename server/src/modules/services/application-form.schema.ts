import { z } from 'zod'
import { plainText } from '../../shared/fields'

/** The API contract of an application's form and materials (the web reuses it; decision 0044). */

/** What a draft's form may hold: any JSON the schema then judges, kept small. */
const MAX_FORM_CHARS = 200_000
export const SaveFormBody = z.strictObject({
  data: z
    .record(z.string().max(100), z.unknown())
    .refine((d) => JSON.stringify(d).length <= MAX_FORM_CHARS, { message: 'form data too large' }),
})
export type SaveFormInput = z.infer<typeof SaveFormBody>

const Issues = z.record(z.string(), z.string())

export const SavedFormSchema = z.object({
  savedAt: z.string(),
  /** the values the schema refuses already (required fields are asked only at submission) */
  issues: Issues,
})
export type SavedForm = z.infer<typeof SavedFormSchema>

const MATERIAL_STATES = ['platform', 'certificate', 'attached', 'missing'] as const
const MATERIAL_SOURCES = ['upload', 'certificate', 'platform', 'reused'] as const

export const AttachedFileSchema = z.object({
  id: z.string(),
  source: z.enum(MATERIAL_SOURCES),
  fileName: z.string().nullable(),
})

export const PlannedMaterialSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  notRequiredWhen: z.string().nullable(),
  /** platform: 由平台提供; certificate: 由平台调取 (an e-certificate of the enterprise); attached; missing */
  state: z.enum(MATERIAL_STATES),
  certificate: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  files: z.array(AttachedFileSchema),
})
export type PlannedMaterialView = z.infer<typeof PlannedMaterialSchema>

export const ReusableFileSchema = z.object({
  uploadId: z.string(),
  materialName: z.string(),
  fileName: z.string(),
  uploadedAt: z.string(),
  applicationTitle: z.string(),
})

const FormDefinitionSchema = z.object({
  schema: z.record(z.string(), z.unknown()),
  ui: z.record(z.string(), z.unknown()),
})

/** Everything the apply page needs in one read: the form, the data, the materials and what to reuse. */
export const ApplicationFormSchema = z.object({
  applicationId: z.string(),
  title: z.string(),
  status: z.string(),
  /** the applicant may change it now (draft, or a supplement is requested) */
  editable: z.boolean(),
  form: FormDefinitionSchema.nullable(),
  data: z.record(z.string(), z.unknown()),
  savedAt: z.string().nullable(),
  /** values from the enterprise's profile and facts for fields with an x-prefill hint (the applicant's view only) */
  prefill: z.object({ values: z.record(z.string(), z.unknown()), from: z.record(z.string(), z.string()) }),
  issues: Issues,
  materials: z.array(PlannedMaterialSchema),
  reusable: z.array(ReusableFileSchema),
})
export type ApplicationFormView = z.infer<typeof ApplicationFormSchema>

export const MaterialIdParams = z.strictObject({ id: z.string().uuid(), materialId: z.string().uuid() })

export const ReuseMaterialBody = z.strictObject({
  materialName: plainText(200),
  uploadId: z.string().uuid(),
  /** 一次提交: the applicant agrees that the file given before is used again */
  consent: z.boolean(),
})
export type ReuseMaterialInput = z.infer<typeof ReuseMaterialBody>

export const AttachedMaterialSchema = z.object({
  id: z.string(),
  materialName: z.string(),
  source: z.enum(MATERIAL_SOURCES),
  fileName: z.string().nullable(),
})
