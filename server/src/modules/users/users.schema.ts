import { z } from 'zod'
import { STAFF_ROLES } from '../../shared/roles'
import { email, mobilePhone, personName, username, version } from '../../shared/fields'

export const RoleGrantInput = z.strictObject({
  role: z.enum(STAFF_ROLES),
  /** Defaults to the user's own department. */
  departmentId: z.string().uuid().optional(),
})

export const CreateUserBody = z.strictObject({
  username,
  displayName: personName(50),
  departmentId: z.string().uuid(),
  roles: z.array(RoleGrantInput).min(1).max(20),
  phone: mobilePhone.nullable().optional().default(null),
  email: email.nullable().optional().default(null),
})

export const UpdateUserBody = z.strictObject({
  version,
  displayName: personName(50).optional(),
  departmentId: z.string().uuid().optional(),
  roles: z.array(RoleGrantInput).min(1).max(20).optional(),
  phone: mobilePhone.nullable().optional(),
  email: email.nullable().optional(),
  isDisabled: z.boolean().optional(),
})

export const UserListQuery = z.strictObject({
  departmentId: z.string().uuid().optional(),
  role: z.enum(STAFF_ROLES).optional(),
  q: z.string().trim().max(50).optional(),
})

export const UserIdParams = z.strictObject({ id: z.string().uuid() })

export const StaffUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  roles: z.array(
    z.object({ role: z.enum(STAFF_ROLES), departmentId: z.string(), departmentName: z.string() }),
  ),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  version: z.number(),
})

export const CreatedUserSchema = z.object({ user: StaffUserSchema, initialPassword: z.string() })

export type StaffUser = z.infer<typeof StaffUserSchema>
export type CreateUserInput = z.infer<typeof CreateUserBody>
export type UpdateUserInput = z.infer<typeof UpdateUserBody>
