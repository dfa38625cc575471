import { z } from 'zod'
import { BENEFIT_KINDS, BENEFIT_MODES, MATCH_OUTCOMES } from '../../shared/policies'
import { MaterialSchema, ruleText } from '../policies/policies.schema'

/**
 * Matching's contract: the rule editor's live check, an item explained for an enterprise (or for
 * facts typed into the calculator), and the matching runs.
 */

export const EnterpriseItemParams = z.strictObject({ id: z.string().uuid(), itemId: z.string().uuid() })

export const ProblemSchema = z.object({ message: z.string(), start: z.number(), end: z.number() })

export const RuleCheckBody = z.strictObject({
  rule: ruleText,
  expect: z.enum(['boolean', 'number']).optional().default('boolean'),
  /** preview against this enterprise's facts */
  enterpriseId: z.string().uuid().optional(),
})

export const RuleCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.array(ProblemSchema),
  /** the rule read back as a sentence in both languages */
  textZh: z.string().nullable(),
  textEn: z.string().nullable(),
  facts: z.array(z.string()),
  preview: z
    .object({
      result: z.enum(['pass', 'fail', 'missing']).nullable(),
      value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
      facts: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          display: z.string().nullable(),
          source: z.string().nullable(),
          period: z.string().nullable(),
          isMissing: z.boolean(),
        }),
      ),
    })
    .nullable(),
})

const FactReadingSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]).nullable(),
  display: z.string().nullable(),
  source: z.string().nullable(),
  period: z.string().nullable(),
  isVerified: z.boolean(),
  isMissing: z.boolean(),
})

export const ExplanationSchema = z.object({
  itemId: z.string(),
  outcome: z.enum(MATCH_OUTCOMES),
  conditions: z.array(
    z.object({
      id: z.string(),
      clause: z.string(),
      note: z.string().nullable(),
      text: z.string(),
      /** the item's holder exclusion ("already recognised on …, valid until …") */
      isExclusion: z.boolean(),
      result: z.enum(['pass', 'fail', 'missing']),
      facts: z.array(FactReadingSchema),
    }),
  ),
  missingFacts: z.array(z.object({ key: z.string(), label: z.string(), isPeriodic: z.boolean() })),
  amount: z.number().nullable(),
  amountText: z.string().nullable(),
})

/** One in-force item as an enterprise or the public sees it, with its outcome. */
export const MatchSchema = z.object({
  item: z.object({
    id: z.string(),
    policyId: z.string(),
    policyTitle: z.string(),
    documentNumber: z.string().nullable(),
    issuer: z.string(),
    code: z.string(),
    title: z.string(),
    summary: z.string(),
    benefitKind: z.enum(BENEFIT_KINDS),
    mode: z.enum(BENEFIT_MODES),
    departmentName: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    topics: z.array(z.string()),
    requiredMaterials: z.array(MaterialSchema),
    promisedWorkingDays: z.number(),
    ruleVersion: z.number(),
  }),
  explanation: ExplanationSchema,
  pushedAt: z.string().nullable(),
  /** when the enterprise first opened the pushed item (null: pushed and not seen yet, or never pushed) */
  viewedAt: z.string().nullable(),
})

export const MatchListSchema = z.object({
  enterpriseId: z.string().nullable(),
  counts: z.object({ eligible: z.number(), undetermined: z.number(), ineligible: z.number() }),
  items: z.array(MatchSchema),
})
export type MatchView = z.infer<typeof MatchSchema>

export const MatchListQuery = z.strictObject({ outcome: z.enum(MATCH_OUTCOMES).optional() })

export const CalculatorBody = z.strictObject({
  /** fact key → value, as the person entered them */
  facts: z.record(
    z.string().max(48),
    z.union([z.number(), z.string().max(40), z.boolean(), z.array(z.string().max(40)).max(64), z.null()]),
  ),
})

export const MatchRunSchema = z.object({
  id: z.number(),
  kind: z.string(),
  isBaseline: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  enterprises: z.number(),
  items: z.number(),
  newlyEligible: z.number(),
  pushes: z.number(),
  computeMs: z.number().nullable(),
  persistMs: z.number().nullable(),
})
