import { z } from 'zod'
import { OUT_OF_CITY_REASONS } from '../../shared/enterprise-profile'
import { ENTERPRISE_TAGS } from '../../shared/enterprise-tags'
import {
  contactPhone,
  industryCode,
  isoDate,
  mobilePhone,
  organizationName,
  personName,
  plainText,
  refusedField,
  usccField,
  version,
} from '../../shared/fields'

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const
export const CREDIT_TIERS = ['A', 'B', 'C', 'D'] as const
export const MEMBER_ROLES = ['manager', 'agent'] as const

const profileFields = {
  name: organizationName(100),
  legalRepresentative: personName(50),
  divisionCode: z.string().regex(/^\d{6}$/),
  industryCode,
  sizeClass: z.enum(SIZE_CLASSES),
  foundedOn: isoDate,
  employees: z.number().int().min(0).max(5_000_000),
  /** yuan, last fiscal year */
  annualRevenue: z.number().min(0).max(1e13).multipleOf(0.01).nullable(),
  tags: z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length),
  address: plainText(200).nullable(),
  contactPhone: contactPhone.nullable(),
}

export const RegisterEnterpriseBody = z.strictObject({
  uscc: usccField,
  ...profileFields,
  annualRevenue: profileFields.annualRevenue.optional().default(null),
  tags: profileFields.tags.optional().default([]),
  address: profileFields.address.optional().default(null),
  contactPhone: profileFields.contactPhone.optional().default(null),
  /** required when the code's positions 3–8 name an authority outside the city, refused otherwise */
  outOfCityReason: z.enum(OUT_OF_CITY_REASONS).optional(),
  outOfCityNote: plainText(200, 4).optional(),
})

export const UpdateEnterpriseBody = z.strictObject({
  version,
  ...z.object(profileFields).partial().shape,
  /** never set here: the tier comes from the market-regulation department's data (a fact import) */
  creditTier: refusedField('enterprise.creditTierFromImport'),
})

export const EnterpriseSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** only enterprises whose credit code was issued outside the city ('true') or inside it ('false') */
  outOfCity: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const EnterpriseIdParams = z.strictObject({ id: z.string().uuid() })

export const AddMemberBody = z.strictObject({
  phone: mobilePhone,
  role: z.enum(MEMBER_ROLES).default('agent'),
})
export const MemberParams = z.strictObject({ id: z.string().uuid(), userId: z.string().uuid() })

/** The credit tier with where it came from: a department's data file, by source, import and date. */
export const CreditTierSchema = z.object({
  tier: z.enum(CREDIT_TIERS),
  source: z.string(),
  importId: z.string().nullable(),
  recordedAt: z.string(),
})

/** Where the credit code says the enterprise was registered, and why it registers here if elsewhere. */
export const RegistrationSchema = z.object({
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  isOutOfCity: z.boolean(),
  outOfCityReason: z.enum(OUT_OF_CITY_REASONS).nullable(),
  outOfCityNote: z.string().nullable(),
})

export const EnterpriseSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  sizeClass: z.enum(SIZE_CLASSES),
  foundedOn: z.string(),
  employees: z.number(),
  annualRevenue: z.number().nullable(),
  tags: z.array(z.string()),
  /** null: unknown — no department has given one */
  creditTier: CreditTierSchema.nullable(),
  registration: RegistrationSchema,
  address: z.string().nullable(),
  contactPhone: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  myRole: z.enum(MEMBER_ROLES).nullable(),
})

export const EnterprisePageSchema = z.object({
  items: z.array(EnterpriseSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})

export const ProfileVersionSchema = z.object({
  version: z.number(),
  changedFields: z.array(z.string()),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  profile: z.record(z.string(), z.unknown()),
})

export const MemberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  phone: z.string(),
  role: z.enum(MEMBER_ROLES),
  addedAt: z.string(),
})

export type Enterprise = z.infer<typeof EnterpriseSchema>
export type RegisterEnterpriseInput = z.infer<typeof RegisterEnterpriseBody>
export type UpdateEnterpriseInput = z.infer<typeof UpdateEnterpriseBody>
