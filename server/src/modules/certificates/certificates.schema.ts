import { z } from 'zod'
import { isoDate, plainText } from '../../shared/fields'

/** The API contract of certificates (the web reuses it). */
export const CERTIFICATE_KINDS = ['licence', 'approval', 'filing', 'other'] as const
/** What a certificate is now: the stored state, or "expired" once its last valid day is past. */
export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const
/** What the public verifier answers. */
export const VERIFICATION_RESULTS = [
  'valid',
  'suspended',
  'revoked',
  'expired',
  'invalid',
  'unknown',
] as const

export const CertificateIdParams = z.strictObject({ id: z.string().uuid() })

export const IssueCertificateBody = z
  .strictObject({
    enterpriseId: z.string().uuid(),
    kind: z.enum(CERTIFICATE_KINDS),
    title: plainText(200),
    issuingDepartmentId: z.string().uuid(),
    issuedOn: isoDate,
    validUntil: isoDate,
    applicationId: z.string().uuid().nullable().default(null),
  })
  .refine((b) => b.validUntil >= b.issuedOn, { path: ['validUntil'], error: 'validUntil < issuedOn' })
export type IssueCertificateInput = z.infer<typeof IssueCertificateBody>

export const StatusChangeBody = z.strictObject({ reason: plainText(500) })

export const VerifyCertificateBody = z.strictObject({ payload: z.string().max(4000) })
/** The same check asked as a read: `GET …/verify?payload=` (what the verify page asks). */
export const VerifyCertificateQuery = VerifyCertificateBody

/** The fields anyone holding the QR may read: printed on the certificate anyway. */
export const PublicCertificateSchema = z.object({
  number: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  title: z.string(),
  holderName: z.string(),
  holderUscc: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
})

export const CertificateSchema = PublicCertificateSchema.extend({
  id: z.string(),
  enterpriseId: z.string(),
  issuingDepartmentId: z.string(),
  applicationId: z.string().nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  payload: z.string(),
  keyId: z.string(),
  version: z.number(),
})
export type Certificate = z.infer<typeof CertificateSchema>

export const CertificateListSchema = z.object({ items: z.array(CertificateSchema) })

export const VerificationSchema = z.object({
  result: z.enum(VERIFICATION_RESULTS),
  /** the signed fields when the signature holds (also for unknown, revoked …), else null */
  certificate: PublicCertificateSchema.nullable(),
  statusReason: z.string().nullable(),
  checkedOn: z.string(),
})
export type Verification = z.infer<typeof VerificationSchema>

export const CertificateKeysSchema = z.object({
  algorithm: z.literal('SM2-with-SM3'),
  userId: z.string(),
  payloadFormat: z.string(),
  /** the current key first, then retired ones: what they signed still verifies */
  keys: z.array(
    z.object({
      keyId: z.string(),
      publicKeyHex: z.string(),
      publicKeyPem: z.string(),
      current: z.boolean(),
      retiredAt: z.string().nullable(),
    }),
  ),
})

export const StatusListSchema = z.object({
  issuedAt: z.string(),
  keyId: z.string(),
  items: z.array(
    z.object({ number: z.string(), status: z.enum(['suspended', 'revoked']), changedAt: z.string() }),
  ),
  /** SM2 signature (DER, hex) over the canonical JSON of { issuedAt, items, keyId } */
  signature: z.string(),
})
