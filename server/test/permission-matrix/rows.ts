import crypto from 'node:crypto'
import { ROLES, type Role } from '../../src/kernel/auth/actor'

/**
 * The rows of the permission matrix: one per endpoint, saying who may call it. Each module writes its
 * own next to its code (`server/src/modules/<m>/<m>.permissions.ts`, a default export made with
 * `definePermissionRows`); `server/test/permission-matrix.test.ts` runs every module's rows and fails
 * for an endpoint no module's rows cover, and for a row whose endpoint no longer exists.
 *
 * "allowed" means the service let the caller through (any answer but UNAUTHENTICATED or FORBIDDEN:
 * a 404 for something out of scope or a 409 for a stale version still proves the door opened);
 * everyone else must get UNAUTHENTICATED (anonymous) or FORBIDDEN.
 */
export type Caller = Role | 'anonymous'

/** What the matrix builds once before any row runs (context.ts): ids the rows put in paths and bodies. */
export type MatrixContext = {
  enterpriseId: string
  targetUserId: string
  departmentId: string
  appealId: string
  /** an appeal on which the staff roles' department is a co-handler (another department leads) */
  coAppealId: string
  enterpriseUscc: string
  /** a draft policy of the staff roles' department */
  policyId: string
}

export type PermissionRow = {
  allow: 'everyone' | 'signed-in' | 'staff' | Role[]
  body?: (ctx: MatrixContext) => unknown
  params?: (ctx: MatrixContext) => Record<string, string>
  query?: string
  /** Ends or changes the caller's own session: run with a fresh client. */
  fresh?: boolean
}

/** Keyed by `METHOD /path` as the OpenAPI document spells it (`GET /api/v1/appeals/{id}`). */
export type PermissionRows = Record<string, PermissionRow>

/** A module's rows, typed where they are written. */
export function definePermissionRows(rows: PermissionRows): PermissionRows {
  return rows
}

export const STAFF: Role[] = ROLES.filter((r) => r !== 'enterprise')
/** The staff of a department that handles cases. */
export const DEPARTMENT: Role[] = ['handler', 'department_head']

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
/** A multipart body with one small PNG, for upload endpoints. */
export const pngForm = () => {
  const form = new FormData()
  form.set('file', new File([PNG], 'a.png'))
  return form
}
export const randomUuid = () => crypto.randomUUID()
export const unique = () => crypto.randomBytes(4).toString('hex')
export { randomPhone } from '../factories'
