import { z } from 'zod'
import { MAX_RECOGNISED_NAMES, RECOGNISED_NAME_MAX } from '../../shared/department-names'
import { plainText, version } from '../../shared/fields'

export const DEPARTMENT_KINDS = ['city', 'department', 'district', 'division'] as const

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/)

/**
 * The other forms people write the department in (发改委, 城管, 市监局 …): appeals naming it by one
 * of them suggest it. Its full name, short name and both without the city are recognised anyway.
 */
const recognisedNames = z.array(plainText(RECOGNISED_NAME_MAX, 2)).max(MAX_RECOGNISED_NAMES)

export const CreateDepartmentBody = z.strictObject({
  code,
  name: plainText(100, 2),
  shortName: plainText(30).nullable().optional().default(null),
  recognisedNames: recognisedNames.optional().default([]),
  kind: z.enum(['department', 'district', 'division']),
  parentId: z.string().uuid(),
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional()
    .default(null),
  isFallbackOwner: z.boolean().optional().default(false),
  sortOrder: z.number().int().min(0).max(100000).optional().default(0),
})

export const UpdateDepartmentBody = z.strictObject({
  version,
  name: plainText(100, 2).optional(),
  shortName: plainText(30).nullable().optional(),
  recognisedNames: recognisedNames.optional(),
  parentId: z.string().uuid().optional(),
  divisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  isFallbackOwner: z.boolean().optional(),
  isActive: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
})

export const DepartmentIdParams = z.strictObject({ id: z.string().uuid() })

export const DepartmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  /** other forms recognised in appeals (发改委, 城管 …) */
  recognisedNames: z.array(z.string()),
  kind: z.enum(DEPARTMENT_KINDS),
  parentId: z.string().nullable(),
  divisionCode: z.string().nullable(),
  isBureau: z.boolean(),
  isFallbackOwner: z.boolean(),
  isActive: z.boolean(),
  sortOrder: z.number(),
  version: z.number(),
  userCount: z.number(),
})

export type Department = z.infer<typeof DepartmentSchema>
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentBody>
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentBody>
