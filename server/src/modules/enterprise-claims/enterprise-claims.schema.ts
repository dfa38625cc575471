import { z } from 'zod'
import { fieldMessage, mobilePhone, personName, plainText, usccField } from '../../shared/fields'

export const CLAIM_METHODS = ['legal_rep_code', 'manager_approval', 'licence_review'] as const
export const CLAIM_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] as const
export const MEMBER_ROLES = ['manager', 'agent'] as const

export const LookupQuery = z.strictObject({ uscc: usccField })

/**
 * A claim to act for an enterprise already on the platform (企业认领), one of three ways:
 * - legal_rep_code: a one-time code goes to the legal representative's phone in the market-regulation
 *   registry (never a phone the claimant types); entering it makes the claimant a manager;
 * - manager_approval: the enterprise's current managers approve or refuse;
 * - licence_review: the bureau checks an uploaded business licence, with the identity verifier's
 *   answer on the claimant's name and ID number beside it.
 */
export const StartClaimBody = z
  .strictObject({
    uscc: usccField,
    method: z.enum(CLAIM_METHODS),
    note: plainText(300).optional(),
    claimantName: personName(50).optional(),
    idNumber: z.string().trim().max(30).optional(),
    licenceFileId: z.string().uuid().optional(),
  })
  .refine((v) => v.method !== 'licence_review' || v.claimantName !== undefined, {
    path: ['claimantName'],
    error: fieldMessage('enterpriseClaims.nameRequired'),
  })
  .refine((v) => v.method !== 'licence_review' || v.idNumber !== undefined, {
    path: ['idNumber'],
    error: fieldMessage('enterpriseClaims.idNumberRequired'),
  })
  .refine((v) => v.method !== 'licence_review' || v.licenceFileId !== undefined, {
    path: ['licenceFileId'],
    error: fieldMessage('enterpriseClaims.licenceRequired'),
  })
export type StartClaimInput = z.infer<typeof StartClaimBody>

export const ClaimParams = z.strictObject({ id: z.string().uuid() })
export const FileParams = z.strictObject({ fileId: z.string().uuid() })
export const VerifyBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: fieldMessage('enterpriseClaims.codeFormat') }),
})
export const DecisionBody = z.strictObject({
  approve: z.boolean(),
  /** what an approval grants; an approval by the bureau or by the legal representative's code grants manager */
  role: z.enum(MEMBER_ROLES).optional(),
  note: plainText(300).optional(),
})
export const ReviewQuery = z.strictObject({ status: z.enum(CLAIM_STATUSES).default('pending') })

export const DisputeBody = z.strictObject({
  uscc: usccField,
  reason: plainText(500, 5),
  contactPhone: mobilePhone.optional(),
})
export const DisputeParams = z.strictObject({ id: z.string().uuid() })
export const ResolveDisputeBody = z.strictObject({ resolution: plainText(500, 2) })
export const DisputeQuery = z.strictObject({ status: z.enum(['open', 'resolved']).default('open') })

// Answers

export const LookupSchema = z.object({
  enterpriseName: z.string(),
  /** what the claimant can use: the masked phone the code would go to, whether managers exist */
  methods: z.array(
    z.object({
      method: z.enum(CLAIM_METHODS),
      isAvailable: z.boolean(),
      /** legal_rep_code: the masked registry phone (138****1234) */
      sentTo: z.string().nullable(),
    }),
  ),
  /** the caller already acts for it */
  isMember: z.boolean(),
})

export const ClaimSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  method: z.enum(CLAIM_METHODS),
  status: z.enum(CLAIM_STATUSES),
  note: z.string().nullable(),
  /** legal_rep_code: where the code went (masked), when it expires, when another may be sent */
  codeSentTo: z.string().nullable(),
  codeExpiresAt: z.string().nullable(),
  resendAfter: z.string().nullable(),
  grantedRole: z.enum(MEMBER_ROLES).nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
})

/** What a reviewer reads: the claimant as they described themselves, the verifier's answers, the licence. */
export const ClaimReviewSchema = ClaimSchema.extend({
  claimantPhone: z.string(),
  claimantName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  identityCheck: z
    .object({
      person: z.object({ verdict: z.string(), detail: z.string(), reference: z.string() }),
      licenceHolder: z.object({ verdict: z.string(), detail: z.string(), reference: z.string() }),
      verifier: z.string(),
    })
    .nullable(),
  licenceFile: z.object({ id: z.string(), fileName: z.string(), contentType: z.string() }).nullable(),
  registry: z.object({ name: z.string(), legalRepresentative: z.string(), updatedAt: z.string() }).nullable(),
})

export const FileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
})

export const DisputeSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  reporterPhone: z.string(),
  reason: z.string(),
  contactPhone: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
})

export type Claim = z.infer<typeof ClaimSchema>
export type ClaimReview = z.infer<typeof ClaimReviewSchema>
export type Dispute = z.infer<typeof DisputeSchema>
