import { z } from 'zod'
import { isoDate, plainText, uuid, version } from '../../shared/fields'

/**
 * The API contract of the ledger of the government's word (the web reuses it). Amounts are integer
 * fen, rates annual basis points (1825 bp = the statutory 0.05 % a day). The states are those of
 * commitment-states.ts.
 */
export const COMMITMENT_STATES = ['open', 'overdue', 'rescheduled', 'settled'] as const
export const COMMITMENT_KINDS = [
  'investment_promise',
  'procurement_contract',
  'construction_contract',
  'services_contract',
  'payable',
] as const
export const COMMITMENT_OWNER_ROLES = ['handler', 'department_head'] as const
export const COMPLAINT_STATUSES = ['submitted', 'not_founded', 'rectified', 'breach'] as const
export const COMPLAINT_OUTCOMES = ['not_founded', 'rectified', 'breach'] as const

/** Fen: a whole, non-negative number that a double holds exactly. */
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
const basisPoints = z.number().int().min(0).max(100_000)

export const CommitmentIdParams = z.strictObject({ id: uuid })

export const CreateCommitmentBody = z
  .strictObject({
    kind: z.enum(COMMITMENT_KINDS),
    enterpriseId: uuid,
    departmentId: uuid,
    ownerRole: z.enum(COMMITMENT_OWNER_ROLES),
    title: plainText(200),
    obligation: plainText(2000),
    /** the delivery day of a promise or contract obligation; a payable's is computed */
    dueOn: isoDate.optional(),
    amountFen: fen.min(1).optional(),
    disputedFen: fen.optional(),
    /** a payable: the invoice or acceptance day the term runs from */
    acceptedOn: isoDate.optional(),
    /** a payable: the agreed term in days (30 when not agreed); over the legal maximum is refused */
    paymentTermDays: z.number().int().min(1).max(3650).optional(),
    isLargeBuyer: z.boolean().optional(),
    agreedRateBp: basisPoints.optional(),
    floorRateBp: basisPoints.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'payable') {
      if (v.amountFen === undefined)
        ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'required' })
      if (v.acceptedOn === undefined)
        ctx.addIssue({ code: 'custom', path: ['acceptedOn'], message: 'required' })
    } else if (v.dueOn === undefined) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'required' })
  })
export type CreateCommitmentInput = z.infer<typeof CreateCommitmentBody>

export const CommitmentListQuery = z.strictObject({
  status: z.enum(COMMITMENT_STATES).optional(),
  kind: z.enum(COMMITMENT_KINDS).optional(),
})
export type CommitmentListInput = z.infer<typeof CommitmentListQuery>

export const RecordPaymentBody = z.strictObject({
  version,
  paidOn: isoDate,
  principalFen: fen,
  interestFen: fen,
})
export type RecordPaymentInput = z.infer<typeof RecordPaymentBody>

export const FulfilBody = z.strictObject({ version, note: plainText(1000) })
export type FulfilInput = z.infer<typeof FulfilBody>

export const RepaymentPlanBody = z.strictObject({
  version,
  instalments: z
    .array(z.strictObject({ dueOn: isoDate, amountFen: fen.min(1) }))
    .min(1)
    .max(24),
})
export type RepaymentPlanInput = z.infer<typeof RepaymentPlanBody>

export const FileComplaintBody = z.strictObject({ text: plainText(2000, 5) })
export type FileComplaintInput = z.infer<typeof FileComplaintBody>

export const VerifyComplaintBody = z.strictObject({
  version,
  outcome: z.enum(COMPLAINT_OUTCOMES),
  explanation: plainText(2000),
  /** the unit refused to rectify: recorded with the breach */
  refusedToRectify: z.boolean().optional(),
})
export type VerifyComplaintInput = z.infer<typeof VerifyComplaintBody>

export const CommitmentSettingsBody = z.strictObject({ verificationDays: z.number().int().min(1).max(60) })
export type CommitmentSettingsInput = z.infer<typeof CommitmentSettingsBody>
export const CommitmentSettingsSchema = z.object({ verificationDays: z.number() })
export type CommitmentSettings = z.infer<typeof CommitmentSettingsSchema>

export const PublicationParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .pipe(z.number().int().min(2000).max(2100)),
})
export const PublicationQuery = z.strictObject({ format: z.enum(['json', 'csv']).optional() })

export const PaymentSchema = z.object({
  id: z.string(),
  paidOn: z.string(),
  principalFen: z.number(),
  interestFen: z.number(),
})

export const ComplaintSchema = z.object({
  id: z.string(),
  commitmentId: z.string(),
  commitmentNumber: z.string(),
  commitmentTitle: z.string(),
  text: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  filedAt: z.string(),
  verifyBy: z.string(),
  explanation: z.string().nullable(),
  refusedToRectify: z.boolean(),
  decidedAt: z.string().nullable(),
  isOverdue: z.boolean(),
  version: z.number(),
})
export type Complaint = z.infer<typeof ComplaintSchema>
export const ComplaintListSchema = z.object({ items: z.array(ComplaintSchema) })
export type ComplaintList = z.infer<typeof ComplaintListSchema>

export const TimelineEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  note: z.string().nullable(),
})

export const CommitmentSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(COMMITMENT_KINDS),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  ownerRole: z.enum(COMMITMENT_OWNER_ROLES),
  title: z.string(),
  dueOn: z.string(),
  amountFen: z.number().nullable(),
  outstandingFen: z.number(),
  /** overdue interest accrued up to today (the city's date), not yet paid */
  interestDueFen: z.number(),
  status: z.enum(COMMITMENT_STATES),
  breachCount: z.number(),
  isSecondBreach: z.boolean(),
})
export type CommitmentSummary = z.infer<typeof CommitmentSummarySchema>
export const CommitmentListSchema = z.object({ items: z.array(CommitmentSummarySchema) })
export type CommitmentList = z.infer<typeof CommitmentListSchema>

export const CommitmentSchema = CommitmentSummarySchema.extend({
  obligation: z.string(),
  disputedFen: z.number(),
  undisputedFen: z.number(),
  acceptedOn: z.string().nullable(),
  paymentTermDays: z.number().nullable(),
  isLargeBuyer: z.boolean(),
  rateBp: z.number().nullable(),
  paidFen: z.number(),
  /** all overdue interest accrued up to today, paid or not */
  interestFen: z.number(),
  interestPaidFen: z.number(),
  overdueSince: z.string().nullable(),
  settledOn: z.string().nullable(),
  version: z.number(),
  payments: z.array(PaymentSchema),
  instalments: z.array(CommitmentSummarySchema),
  complaints: z.array(ComplaintSchema),
  timeline: z.array(TimelineEventSchema),
  /** what the caller may do now */
  actions: z.array(z.enum(['pay', 'fulfil', 'reschedule', 'complain'])),
})
export type Commitment = z.infer<typeof CommitmentSchema>

export const PublicationRowSchema = z.object({
  departmentName: z.string(),
  overdueCount: z.number(),
  overdueAmountFen: z.number(),
})
export const PublicationSchema = z.object({
  year: z.number(),
  /** the day by which the publication is due: 31 March of the next year */
  dueBy: z.string(),
  asOf: z.string(),
  overdueCount: z.number(),
  overdueAmountFen: z.number(),
  units: z.array(PublicationRowSchema),
})
export type Publication = z.infer<typeof PublicationSchema>
