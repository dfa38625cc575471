import { z } from 'zod'
import { mobilePhone, username } from '../../shared/fields'
import { LEGAL_DOCUMENT_KINDS } from '../../shared/legal-documents'

export const StaffSignInBody = z.strictObject({
  username,
  password: z.string().min(1).max(200),
})

export const SecondFactorBody = z.strictObject({
  challenge: z.string().min(10).max(100),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
})

export const EnterpriseCodeBody = z.strictObject({ phone: mobilePhone })

export const EnterpriseSignInBody = z.strictObject({
  phone: mobilePhone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
})

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
})

export const TotpCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
})

export const RoleGrantSchema = z.object({
  role: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
})

export const EnterpriseMembershipSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  uscc: z.string(),
  role: z.enum(['manager', 'agent']),
})

export const MeSchema = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'enterprise']),
  displayName: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(RoleGrantSchema),
  enterprises: z.array(EnterpriseMembershipSchema),
  mustChangePassword: z.boolean(),
  /** Current legal documents the user has not accepted yet: the app asks before anything else. */
  pendingConsents: z.array(z.object({ kind: z.enum(LEGAL_DOCUMENT_KINDS), version: z.number().int() })),
  totpEnabled: z.boolean(),
  isDemo: z.boolean(),
})

export const SignInResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), csrfToken: z.string(), user: MeSchema }),
  z.object({ status: z.literal('second_factor_required'), challenge: z.string() }),
])

export const CodeSentSchema = z.object({
  sentTo: z.string(),
  expiresInSeconds: z.number(),
  resendAfterSeconds: z.number(),
})

export const TotpSetupSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() })

export const OkSchema = z.object({ ok: z.literal(true) })

export type Me = z.infer<typeof MeSchema>
