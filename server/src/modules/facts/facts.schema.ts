import { z } from 'zod'
import { plainText, version } from '../../shared/fields'
import { FACT_SOURCES, FACT_TYPES } from '../../shared/rules/fact-schema'

export const FactKeyParams = z.strictObject({ key: z.string().regex(/^[a-z][A-Za-z0-9]{1,47}$/) })

const EnumValueSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/i),
  zh: plainText(40),
  en: plainText(60),
})

export const FactDefinitionSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  type: z.enum(FACT_TYPES),
  unitZh: z.string().nullable(),
  unitEn: z.string().nullable(),
  values: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })).nullable(),
  isPeriodic: z.boolean(),
  maxAgeYears: z.number().nullable(),
  formula: z.string().nullable(),
  isProfileField: z.boolean(),
  isBuiltin: z.boolean(),
  sources: z.array(z.enum(FACT_SOURCES)),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number(),
})
export type FactDefinitionView = z.infer<typeof FactDefinitionSchema>

const definitionFields = {
  labelZh: plainText(40, 2),
  labelEn: plainText(80, 2),
  unitZh: plainText(10).nullable().optional().default(null),
  unitEn: plainText(20).nullable().optional().default(null),
  values: z.array(EnumValueSchema).min(1).max(64).nullable().optional().default(null),
  isPeriodic: z.boolean().optional().default(false),
  maxAgeYears: z.number().int().min(1).max(10).nullable().optional().default(null),
  formula: plainText(1000).nullable().optional().default(null),
  sources: z
    .array(z.enum(FACT_SOURCES).exclude(['profile']))
    .max(FACT_SOURCES.length)
    .optional()
    .default(['declared']),
  descriptionZh: plainText(200).nullable().optional().default(null),
  descriptionEn: plainText(300).nullable().optional().default(null),
}

export const CreateFactDefinitionBody = z.strictObject({
  key: z.string().regex(/^[a-z][A-Za-z0-9]{1,47}$/),
  type: z.enum(FACT_TYPES),
  ...definitionFields,
})
export type CreateFactDefinitionInput = z.infer<typeof CreateFactDefinitionBody>

/** The type and key of a fact never change once rules may use it; names, units and sources may. */
export const UpdateFactDefinitionBody = z.strictObject({
  version,
  labelZh: definitionFields.labelZh.optional(),
  labelEn: definitionFields.labelEn.optional(),
  unitZh: plainText(10).nullable().optional(),
  unitEn: plainText(20).nullable().optional(),
  values: z.array(EnumValueSchema).min(1).max(64).nullable().optional(),
  maxAgeYears: z.number().int().min(1).max(10).nullable().optional(),
  formula: plainText(1000).nullable().optional(),
  sources: z.array(z.enum(FACT_SOURCES).exclude(['profile'])).optional(),
  descriptionZh: plainText(200).nullable().optional(),
  descriptionEn: plainText(300).nullable().optional(),
  isActive: z.boolean().optional(),
})
export type UpdateFactDefinitionInput = z.infer<typeof UpdateFactDefinitionBody>

const periodField = z
  .string()
  .regex(/^\d{4}$/)
  .optional()

export const DeclareFactsBody = z.strictObject({
  facts: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(48),
        /** the fiscal year for periodic facts */
        period: periodField,
        /** null withdraws the enterprise's own value */
        value: z.union([
          z.number(),
          z.string().max(40),
          z.boolean(),
          z.array(z.string().max(40)).max(64),
          z.null(),
        ]),
      }),
    )
    .min(1)
    .max(50),
})
export type DeclareFactsInput = z.infer<typeof DeclareFactsBody>

const RawValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])

/** One fact of one enterprise: the value a rule reads now, where it came from, and what else was given. */
export const EnterpriseFactSchema = z.object({
  key: z.string(),
  value: RawValueSchema.nullable(),
  period: z.string().nullable(),
  source: z.string().nullable(),
  isVerified: z.boolean(),
  /** a periodic value too old to count: it must be renewed */
  isStale: z.boolean(),
  /** the enterprise's own value, when a department's value is the one that counts */
  declared: z.object({ value: RawValueSchema, period: z.string().nullable() }).nullable(),
  recordedAt: z.string().nullable(),
})

export const EnterpriseFactsSchema = z.object({
  enterpriseId: z.string(),
  facts: z.array(EnterpriseFactSchema),
})
export type EnterpriseFactsView = z.infer<typeof EnterpriseFactsSchema>

export const FactHistoryQuery = z.strictObject({ key: z.string().max(48).optional() })

export const FactHistorySchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      period: z.string().nullable(),
      value: RawValueSchema.nullable(),
      source: z.string(),
      isVerified: z.boolean(),
      recordedAt: z.string(),
      isCurrent: z.boolean(),
      importId: z.string().nullable(),
    }),
  ),
})

export const ImportSourceQuery = z.strictObject({
  source: z.enum(FACT_SOURCES).exclude(['profile', 'declared']),
})

export const ImportReportSchema = z.object({
  id: z.string(),
  source: z.string(),
  fileName: z.string(),
  rowsTotal: z.number(),
  rowsApplied: z.number(),
  rowsFailed: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      status: z.enum(['applied', 'unchanged', 'error']),
      uscc: z.string().nullable(),
      facts: z.number(),
      errors: z.record(z.string(), z.string()).optional(),
    }),
  ),
  importedAt: z.string(),
})

export const ImportListSchema = z.object({
  items: z.array(ImportReportSchema.omit({ rows: true }).extend({ importedBy: z.string() })),
})
