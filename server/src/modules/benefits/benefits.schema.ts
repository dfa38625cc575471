import { z } from 'zod'
import { contactPhone, fieldMessage, isoDate, personName, plainText, uuid } from '../../shared/fields'
import { checkAccountNumber } from '../../shared/settlement-account'
import { BENEFIT_KINDS, BENEFIT_MODES, MATCH_OUTCOMES } from '../../shared/policies'
import { ACCOUNT_PROBLEMS, AccountViewSchema } from '../settlement-accounts/settlement-accounts.schema'

/** The contract of benefit claims, payouts and the effect evaluation (the web reuses it). */

/** The states of claim-states.ts (a test keeps the two lists equal). */
export const CLAIM_STATUSES = [
  'consented',
  'submitted',
  'supplement_requested',
  'recommended',
  'approved',
  'rejected',
  'withdrawn',
  'paid',
  'excluded',
] as const

export const EnterpriseClaimParams = z.strictObject({ id: z.string().uuid(), claimId: z.string().uuid() })
export const ClaimParams = z.strictObject({ claimId: z.string().uuid() })
export const ItemParams = z.strictObject({ itemId: z.string().uuid() })
export const MaterialParams = z.strictObject({ materialId: z.string().uuid() })

/** A retried submit with the same key answers the first claim instead of making a second. */
const idempotencyKey = z.string().min(8).max(80)
const reason = plainText(500, 2)
export const MAX_FILES_PER_MATERIAL = 5

/** Yuan with at most two decimals (fen). */
const money = z
  .number()
  .min(0)
  .max(1e12)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: '0.01' })

const materialKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

/** Material key → uploaded file ids (POST /benefits/materials). */
const materials = z
  .record(materialKey, z.array(z.string().uuid()).min(1).max(MAX_FILES_PER_MATERIAL))
  .optional()
  .default({})

export const ApplicationFormBody = z.strictObject({
  contactName: personName(),
  contactPhone,
  /**
   * Deprecated: the money goes to the enterprise's settlement account, never to a number typed on a
   * form. Still accepted so older clients keep working; a number given must be that account's (else
   * refused), and neither is kept with the claim.
   */
  bankName: plainText(100, 2).optional(),
  bankAccount: z
    .string()
    .max(60)
    .superRefine((v, ctx) => {
      const check = checkAccountNumber(v)
      if (!check.ok)
        ctx.addIssue({ code: 'custom', message: fieldMessage(`settlementAccount.number.${check.rule}`)() })
    })
    .optional(),
  statement: plainText(2000, 0).optional().default(''),
})
export type ApplicationForm = z.infer<typeof ApplicationFormBody>

export const ConsentBody = z.strictObject({ itemId: z.string().uuid(), idempotencyKey })
export type ConsentInput = z.infer<typeof ConsentBody>

export const ApplyBody = z.strictObject({
  itemId: z.string().uuid(),
  idempotencyKey,
  form: ApplicationFormBody,
  materials,
})
export type ApplyInput = z.infer<typeof ApplyBody>

export const ResubmitBody = z.strictObject({
  materials,
  form: ApplicationFormBody.partial().optional(),
  note: plainText(1000).optional(),
})
export type ResubmitInput = z.infer<typeof ResubmitBody>

export const WithdrawBody = z.strictObject({ reason })
export const RatingBody = z.strictObject({
  level: z.number().int().min(1).max(5),
  comment: plainText(500).optional(),
})

export const SupplementBody = z.strictObject({
  note: plainText(1000, 2),
  /** the materials to upload again (each must then come with the resubmission) */
  materialKeys: z.array(materialKey).max(20).optional().default([]),
})
export type SupplementInput = z.infer<typeof SupplementBody>

/** A recommendation (standard, handler) or a decision: approve with an amount, or reject with a reason. */
export const DecisionBody = z.strictObject({
  approve: z.boolean(),
  /** approved amount in yuan; default the recommended, else the expected amount */
  amount: money.optional(),
  reason: plainText(1000, 2).optional(),
})
export type DecisionInput = z.infer<typeof DecisionBody>

export const PayoutBody = z.strictObject({
  paidOn: isoDate,
  /** the settlement account the payer saw: refused if the enterprise changed it since (SETTLEMENT_ACCOUNT_CHANGED) */
  accountId: z.string().uuid().optional(),
})

export const PayoutBatchBody = z.strictObject({
  paidOn: isoDate,
  /** the consents to pay: those the department reviewed on the payout list */
  claimIds: z.array(z.string().uuid()).max(5000).optional().default([]),
  exclusions: z
    .array(z.strictObject({ claimId: z.string().uuid(), reason }))
    .max(5000)
    .optional()
    .default([]),
  /** the settlement account the head saw for each paid claim: refused if one changed since */
  accounts: z
    .array(z.strictObject({ claimId: z.string().uuid(), accountId: z.string().uuid() }))
    .max(5000)
    .optional()
    .default([]),
  note: plainText(500).optional(),
})
export type PayoutBatchInput = z.infer<typeof PayoutBatchBody>

export const CLAIM_VIEWS = [
  'review',
  'overdue',
  'supplement',
  'approved',
  'consented',
  'closed',
  'all',
] as const
export const ClaimListQuery = z.strictObject({
  view: z.enum(CLAIM_VIEWS).optional().default('review'),
  itemId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(30),
  offset: z.coerce.number().int().min(0).optional().default(0),
})
export type ClaimListInput = z.infer<typeof ClaimListQuery>

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

/** An enterprise's claims, optionally of one item (its page shows the claim on it). */
export const EnterpriseClaimsQuery = PageQuery.extend({ itemId: z.string().uuid().optional() })

/** The paying department's payout ledger with whole account numbers (the bank file): one batch, one claim, or one item. */
export const PayoutLedgerQuery = z.strictObject({
  batchId: z.string().uuid().optional(),
  claimId: z.string().uuid().optional(),
  itemId: z.string().uuid().optional(),
})
export type PayoutLedgerInput = z.infer<typeof PayoutLedgerQuery>

export const EvaluationQuery = z.strictObject({
  policyId: z.string().uuid().optional(),
  /** compare these items side by side (comma-separated ids) */
  items: z
    .string()
    .regex(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,49}$/)
    // The form above lets 36 hyphens through; each id must be one the database can compare.
    .refine((v) => v.split(',').every((id) => uuid.safeParse(id).success), {
      error: fieldMessage('fields.id'),
    })
    .optional(),
})
export type EvaluationInput = z.infer<typeof EvaluationQuery>

// Answers

export const MaterialFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
})

const ExplanationSnapshotSchema = z.object({
  outcome: z.enum(MATCH_OUTCOMES),
  conditions: z.array(
    z.object({
      id: z.string(),
      clause: z.string(),
      text: z.string(),
      result: z.enum(['pass', 'fail', 'missing']),
    }),
  ),
  missingFacts: z.array(z.object({ key: z.string(), label: z.string() })),
  amount: z.number().nullable(),
  amountText: z.string().nullable(),
})

/** The account a payout went to, as it was then (masked); null for payouts recorded before accounts were kept. */
export const PayoutAccountSchema = z.object({
  accountId: z.string(),
  version: z.number(),
  accountName: z.string(),
  bankName: z.string(),
  accountNumberMasked: z.string(),
  lastFour: z.string(),
})

const PayoutSchema = z.object({
  amount: z.number(),
  paidOn: z.string(),
  batchId: z.string().nullable(),
  recordedAt: z.string(),
  account: PayoutAccountSchema.nullable(),
})

export const ClaimSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemTitle: z.string(),
  policyId: z.string(),
  policyTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  mode: z.enum(BENEFIT_MODES),
  status: z.enum(CLAIM_STATUSES),
  statusCategory: z.enum(['open', 'paused', 'closed']),
  expectedAmount: z.number().nullable(),
  approvedAmount: z.number().nullable(),
  payout: PayoutSchema.nullable(),
  createdAt: z.string(),
  /** the review deadline of an application (null while a supplement is requested, and for consents) */
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  /** working minutes left, kept while a supplement is requested */
  remainingMinutes: z.number().nullable(),
  rating: z.object({ level: z.number(), comment: z.string().nullable(), ratedAt: z.string() }).nullable(),
})
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>

export const ClaimDetailSchema = ClaimSummarySchema.extend({
  benefitKind: z.enum(BENEFIT_KINDS),
  promisedWorkingDays: z.number(),
  outcomeAtClaim: z.enum(['eligible', 'undetermined']),
  explanation: ExplanationSnapshotSchema,
  form: z.record(z.string(), z.unknown()),
  requiredMaterials: z.array(z.object({ key: z.string(), name: z.string(), isRequired: z.boolean() })),
  materials: z.array(
    MaterialFileSchema.extend({
      key: z.string(),
      round: z.number(),
      isSuperseded: z.boolean(),
    }),
  ),
  /** the handler's recommendation (standard applications; staff only) */
  recommendation: z
    .object({
      approve: z.boolean(),
      amount: z.number().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  decision: z
    .object({
      approve: z.boolean(),
      amount: z.number().nullable(),
      reason: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  statusReason: z.string().nullable(),
  /** The enterprise reads an allow-list of steps (no actor, a note only when addressed to it); staff read all. */
  timeline: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      type: z.string(),
      actorRole: z.string().nullable(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      /** staff only: whether the enterprise reads the step, and its note */
      audience: z.enum(['internal', 'enterprise']).optional(),
      noteAudience: z.enum(['internal', 'enterprise']).optional(),
    }),
  ),
  /** staff only: the item's budget cap, paid so far and left */
  budget: z
    .object({ cap: z.number().nullable(), used: z.number(), remaining: z.number().nullable() })
    .nullable(),
  /** where the money would go now: the enterprise's current settlement account (masked), or why it cannot */
  settlementAccount: z.object({
    account: AccountViewSchema.nullable(),
    problem: z.enum(ACCOUNT_PROBLEMS).nullable(),
  }),
  /** what the caller may do now */
  allowedActions: z.array(z.string()),
})
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>

export const ReceiptSchema = ClaimDetailSchema.extend({ receipt: z.string() })

export const ClaimPageSchema = z.object({ items: z.array(ClaimSummarySchema), total: z.number() })
export const ClaimTimelinePageSchema = z.object({ items: z.array(ClaimDetailSchema), total: z.number() })

export const PayoutListSchema = z.object({
  item: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    policyTitle: z.string(),
    mode: z.enum(BENEFIT_MODES),
    departmentId: z.string(),
  }),
  claims: z.array(
    z.object({
      claimId: z.string(),
      number: z.string(),
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      uscc: z.string(),
      consentedAt: z.string(),
      expectedAmount: z.number().nullable(),
      /** what the item gives the enterprise now (facts may have changed since the consent) */
      amount: z.number(),
      outcome: z.enum(MATCH_OUTCOMES).nullable(),
      isEligible: z.boolean(),
      /** why it is flagged: the failed conditions, the missing facts, or that the item no longer applies */
      reasons: z.array(z.string()),
      failedConditions: z.array(z.object({ id: z.string(), clause: z.string(), text: z.string() })),
      /** where the money would go (masked: bank and last four on screen; the whole number only in the bank file) */
      account: AccountViewSchema.nullable(),
      /** why it cannot be paid now: no account, or its name no longer the registered name */
      accountProblem: z.enum(ACCOUNT_PROBLEMS).nullable(),
    }),
  ),
  totals: z.object({
    claims: z.number(),
    eligible: z.number(),
    flagged: z.number(),
    eligibleAmount: z.number(),
  }),
  budget: z.object({
    cap: z.number().nullable(),
    used: z.number(),
    remaining: z.number().nullable(),
    /** whether paying every eligible consent stays within the cap */
    eligibleFits: z.boolean(),
  }),
})

export const PayoutBatchSchema = z.object({
  batchId: z.string(),
  itemId: z.string(),
  paidOn: z.string(),
  paidCount: z.number(),
  excludedCount: z.number(),
  total: z.number(),
  budget: z.object({ cap: z.number().nullable(), used: z.number(), remaining: z.number().nullable() }),
})

const RatingsSchema = z.object({
  '1': z.number(),
  '2': z.number(),
  '3': z.number(),
  '4': z.number(),
  '5': z.number(),
})

const FunnelSchema = z.object({
  matched: z.number(),
  pushed: z.number(),
  viewed: z.number(),
  consented: z.number(),
  applied: z.number(),
  approved: z.number(),
  rejected: z.number(),
  withdrawn: z.number(),
  excluded: z.number(),
  paid: z.number(),
  amountPaid: z.number(),
  medianWorkingDaysToCash: z.number().nullable(),
  ratings: RatingsSchema,
  satisfaction: z.number().nullable(),
  rates: z.object({
    viewed: z.number().nullable(),
    claimed: z.number().nullable(),
    paid: z.number().nullable(),
  }),
})

export const EvaluationSchema = z.object({
  items: z.array(
    FunnelSchema.extend({
      itemId: z.string(),
      code: z.string(),
      title: z.string(),
      mode: z.enum(BENEFIT_MODES),
      departmentId: z.string(),
      departmentName: z.string().nullable(),
      budgetCap: z.number().nullable(),
      policyId: z.string(),
      policyTitle: z.string(),
      documentNumber: z.string().nullable(),
    }),
  ),
  policies: z.array(
    FunnelSchema.extend({
      policyId: z.string(),
      policyTitle: z.string(),
      documentNumber: z.string().nullable(),
      itemCount: z.number(),
    }),
  ),
  generatedAt: z.string(),
})
export type EvaluationView = z.infer<typeof EvaluationSchema>
