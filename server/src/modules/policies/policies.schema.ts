import { z } from 'zod'
import { httpUrl, isoDate, plainText, version } from '../../shared/fields'
import {
  BENEFIT_KINDS,
  BENEFIT_MODES,
  POLICY_LEVELS,
  POLICY_STATUSES,
  POLICY_TOPICS,
} from '../../shared/policies'

const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** A rule: comparisons need < and >, so only control characters are refused (it is always shown as text). */
export const ruleText = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .refine((v) => !FORBIDDEN_CONTROL.test(v), { message: 'control characters' })

const longText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !FORBIDDEN_CONTROL.test(v.replace(/[\n\t\r]/g, '')), { message: 'control characters' })

export const PolicyIdParams = z.strictObject({ id: z.string().uuid() })
export const ItemParams = z.strictObject({ id: z.string().uuid(), itemId: z.string().uuid() })

const policyFields = {
  title: plainText(200, 4),
  issuer: plainText(100, 2),
  documentNumber: plainText(80).nullable().optional().default(null),
  level: z.enum(POLICY_LEVELS),
  issuedOn: isoDate.nullable().optional().default(null),
  effectiveFrom: isoDate.nullable().optional().default(null),
  effectiveTo: isoDate.nullable().optional().default(null),
  summary: longText(2000).optional().default(''),
  fullText: longText(200_000).optional().default(''),
  sourceUrl: httpUrl(500).nullable().optional().default(null),
  topics: z.array(z.enum(POLICY_TOPICS)).max(POLICY_TOPICS.length).optional().default([]),
}

export const CreatePolicyBody = z.strictObject({ ...policyFields, ownerDepartmentId: z.string().uuid() })
export type CreatePolicyInput = z.infer<typeof CreatePolicyBody>

export const UpdatePolicyBody = z.strictObject({
  version,
  title: policyFields.title.optional(),
  issuer: policyFields.issuer.optional(),
  documentNumber: plainText(80).nullable().optional(),
  level: policyFields.level.optional(),
  issuedOn: isoDate.nullable().optional(),
  effectiveFrom: isoDate.nullable().optional(),
  effectiveTo: isoDate.nullable().optional(),
  summary: longText(2000).optional(),
  fullText: longText(200_000).optional(),
  sourceUrl: httpUrl(500).nullable().optional(),
  topics: z.array(z.enum(POLICY_TOPICS)).max(POLICY_TOPICS.length).optional(),
})
export type UpdatePolicyInput = z.infer<typeof UpdatePolicyBody>

export const PolicyActionBody = z.strictObject({ version, note: plainText(1000).optional() })
export type PolicyActionInput = z.infer<typeof PolicyActionBody>

const ConditionBody = z.strictObject({
  /** stable across edits so an explanation can be linked to it; made by the server when absent */
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  clause: plainText(300, 1),
  rule: ruleText,
  note: plainText(500).nullable().optional().default(null),
})

const MaterialBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  nameZh: plainText(60, 1),
  nameEn: plainText(100, 1),
  isRequired: z.boolean().optional().default(true),
})

const money = z.number().min(0).max(1e12)

/**
 * Not offered to enterprises that already hold what the item grants: a recognition among the
 * enterprise's tags, and optionally the date fact of when it was granted with how long it holds.
 */
export const ExclusionBody = z.strictObject({
  clause: plainText(300, 1),
  tag: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  sinceFact: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]{1,47}$/)
    .nullable()
    .optional()
    .default(null),
  validYears: z.number().int().min(1).max(20).nullable().optional().default(null),
})
export type ExclusionInput = z.infer<typeof ExclusionBody>

const itemFields = {
  code: plainText(30, 1),
  title: plainText(200, 2),
  summary: longText(2000).optional().default(''),
  benefitKind: z.enum(BENEFIT_KINDS),
  amount: money.nullable().optional().default(null),
  amountFormula: ruleText.nullable().optional().default(null),
  mode: z.enum(BENEFIT_MODES),
  departmentId: z.string().uuid(),
  budgetCap: money.nullable().optional().default(null),
  /** a money item without a cap says why (publication asks for one or the other) */
  noCapReason: plainText(500).nullable().optional().default(null),
  requiredMaterials: z.array(MaterialBody).max(20).optional().default([]),
  promisedWorkingDays: z.number().int().min(1).max(120).optional().default(10),
  conditions: z.array(ConditionBody).max(40).optional().default([]),
  exclusion: ExclusionBody.nullable().optional().default(null),
  effectiveFrom: isoDate.nullable().optional().default(null),
  effectiveTo: isoDate.nullable().optional().default(null),
  topics: z.array(z.enum(POLICY_TOPICS)).max(POLICY_TOPICS.length).optional().default([]),
  isPushEnabled: z.boolean().optional().default(true),
  sortOrder: z.number().int().min(0).max(100_000).optional().default(0),
}

export const CreateItemBody = z.strictObject(itemFields)
export type CreateItemInput = z.infer<typeof CreateItemBody>

export const UpdateItemBody = z.strictObject({
  version,
  code: itemFields.code.optional(),
  title: itemFields.title.optional(),
  summary: longText(2000).optional(),
  benefitKind: itemFields.benefitKind.optional(),
  amount: money.nullable().optional(),
  amountFormula: ruleText.nullable().optional(),
  mode: itemFields.mode.optional(),
  departmentId: itemFields.departmentId.optional(),
  budgetCap: money.nullable().optional(),
  noCapReason: plainText(500).nullable().optional(),
  requiredMaterials: z.array(MaterialBody).max(20).optional(),
  promisedWorkingDays: z.number().int().min(1).max(120).optional(),
  conditions: z.array(ConditionBody).max(40).optional(),
  exclusion: ExclusionBody.nullable().optional(),
  effectiveFrom: isoDate.nullable().optional(),
  effectiveTo: isoDate.nullable().optional(),
  topics: z.array(z.enum(POLICY_TOPICS)).max(POLICY_TOPICS.length).optional(),
  isPushEnabled: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  isActive: z.boolean().optional(),
})
export type UpdateItemInput = z.infer<typeof UpdateItemBody>

export const ConditionSchema = z.object({
  id: z.string(),
  clause: z.string(),
  rule: z.string(),
  note: z.string().nullable(),
  /** the rule as a sentence, in the caller's language (null when it does not compile) */
  text: z.string().nullable(),
})

export const MaterialSchema = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  isRequired: z.boolean(),
})

export const ItemSchema = z.object({
  id: z.string(),
  policyId: z.string(),
  code: z.string(),
  title: z.string(),
  summary: z.string(),
  benefitKind: z.enum(BENEFIT_KINDS),
  amount: z.number().nullable(),
  amountFormula: z.string().nullable(),
  amountText: z.string().nullable(),
  mode: z.enum(BENEFIT_MODES),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  budgetCap: z.number().nullable(),
  noCapReason: z.string().nullable(),
  requiredMaterials: z.array(MaterialSchema),
  promisedWorkingDays: z.number(),
  conditions: z.array(ConditionSchema),
  exclusion: z
    .object({
      clause: z.string(),
      tag: z.string(),
      sinceFact: z.string().nullable(),
      validYears: z.number().nullable(),
      /** the exclusion as a sentence, in the caller's language */
      text: z.string(),
    })
    .nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  topics: z.array(z.string()),
  isPushEnabled: z.boolean(),
  sortOrder: z.number(),
  isActive: z.boolean(),
  ruleVersion: z.number().nullable(),
  version: z.number(),
})
export type ItemView = z.infer<typeof ItemSchema>

export const PolicySchema = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  documentNumber: z.string().nullable(),
  level: z.enum(POLICY_LEVELS),
  issuedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  summary: z.string(),
  fullText: z.string(),
  sourceUrl: z.string().nullable(),
  topics: z.array(z.string()),
  ownerDepartmentId: z.string(),
  ownerDepartmentName: z.string().nullable(),
  status: z.enum(POLICY_STATUSES),
  revisionStatus: z.enum(['draft', 'review']).nullable(),
  publishedVersion: z.number().nullable(),
  statusNote: z.string().nullable(),
  items: z.array(ItemSchema),
  attachments: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  ),
  /** what the caller may do now */
  allowedActions: z.array(z.string()),
  version: z.number(),
  updatedAt: z.string(),
})
export type PolicyView = z.infer<typeof PolicySchema>

export const PolicySummarySchema = PolicySchema.omit({
  items: true,
  fullText: true,
  allowedActions: true,
  attachments: true,
}).extend({
  itemCount: z.number(),
})

export const PolicyListQuery = z.strictObject({
  status: z.enum(POLICY_STATUSES).optional(),
  topic: z.enum(POLICY_TOPICS).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(30),
  offset: z.coerce.number().int().min(0).optional().default(0),
})
export type PolicyListInput = z.infer<typeof PolicyListQuery>

export const PolicyPageSchema = z.object({ items: z.array(PolicySummarySchema), total: z.number() })

export const PolicyVersionsSchema = z.object({
  items: z.array(
    z.object({
      versionNo: z.number(),
      publishedAt: z.string(),
      publishedBy: z.string().nullable(),
      note: z.string().nullable(),
      /** the preview its publisher confirmed, in brief (null: published before previews, or by the system) */
      decision: z
        .object({
          enterprises: z.number(),
          /** eligible (item, enterprise) pairs */
          eligible: z.number(),
          newlyEligible: z.number(),
          told: z.number(),
          /** the eligible's estimated cost over the money items, yuan */
          cost: z.number().nullable(),
        })
        .nullable(),
    }),
  ),
})

export const SubscriptionSchema = z.object({
  enterpriseId: z.string(),
  topics: z.array(z.string()),
  isPushEnabled: z.boolean(),
})
export const SubscriptionBody = z.strictObject({
  topics: z.array(z.enum(POLICY_TOPICS)).max(POLICY_TOPICS.length),
  isPushEnabled: z.boolean(),
})

export const NeedBody = z.strictObject({ topic: z.enum(POLICY_TOPICS), text: plainText(1000, 4) })
export const NeedSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  divisionCode: z.string(),
  topic: z.string(),
  text: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  answer: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
})
export const NeedAnswerBody = z.strictObject({
  answer: plainText(2000, 2),
  close: z.boolean().optional().default(false),
})
export const NeedParams = z.strictObject({ needId: z.string().uuid() })
export const NeedsQuery = z.strictObject({
  topic: z.enum(POLICY_TOPICS).optional(),
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
})
export const NeedsSummarySchema = z.object({
  byTopic: z.array(z.object({ topic: z.string(), open: z.number(), total: z.number() })),
  byDivision: z.array(
    z.object({
      divisionCode: z.string(),
      divisionName: z.string().nullable(),
      open: z.number(),
      total: z.number(),
    }),
  ),
  byTopicAndDivision: z.array(z.object({ topic: z.string(), divisionCode: z.string(), total: z.number() })),
})

/** A policy in force as the public reads it: its latest published version. */
export const PublicPolicySchema = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  documentNumber: z.string().nullable(),
  level: z.enum(POLICY_LEVELS),
  issuedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  summary: z.string(),
  fullText: z.string(),
  sourceUrl: z.string().nullable(),
  topics: z.array(z.string()),
  status: z.enum(POLICY_STATUSES),
  versionNo: z.number(),
  ownerDepartmentName: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      summary: z.string(),
      benefitKind: z.enum(BENEFIT_KINDS),
      amount: z.number().nullable(),
      amountText: z.string().nullable(),
      mode: z.enum(BENEFIT_MODES),
      departmentName: z.string().nullable(),
      requiredMaterials: z.array(MaterialSchema),
      promisedWorkingDays: z.number(),
      ruleVersion: z.number(),
      conditions: z.array(
        z.object({ id: z.string(), clause: z.string(), text: z.string(), note: z.string().nullable() }),
      ),
      eligibleCount: z.number().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  ),
})

export const PublicPolicyListSchema = z.object({
  items: z.array(
    PublicPolicySchema.omit({ items: true, fullText: true, attachments: true }).extend({
      itemCount: z.number(),
    }),
  ),
  total: z.number(),
})

export const PublicListQuery = z.strictObject({
  topic: z.enum(POLICY_TOPICS).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  q: z.string().trim().max(50).optional(),
})

export const AttachmentParams = z.strictObject({ id: z.string().uuid(), attachmentId: z.string().uuid() })
