import { departmentsWhere, hasRole, requireRole, type Actor, type StaffRole } from '../../kernel/auth/actor'
import { hashPassword } from '../../kernel/auth/password'
import { deleteSessionsOfUser } from '../../kernel/auth/session.queries'
import { writeAudit } from '../../kernel/audit/audit'
import { definePresenter } from '../../kernel/present'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { clearSignInFailures, findLockedUsernames } from '../auth'
import { departmentScope } from '../departments'
import { generateInitialPassword } from './initial-password'
import type { CreateUserInput, StaffUser, UpdateUserInput } from './users.schema'
import * as q from './users.queries'

type Filter = {
  departmentId?: string | undefined
  role?: StaffRole | undefined
  q?: string | undefined
  id?: string | undefined
}

/**
 * Admins see every staff member; a department head sees the people of their department and the
 * divisions below it. The scope is applied in the query.
 */
async function scopedStaff(deps: AppDeps, actor: Actor, filter: Filter): Promise<StaffUser[]> {
  const user = requireRole(actor, 'admin', 'department_head')
  const departmentIds = hasRole(user, 'admin')
    ? undefined
    : await departmentScope(deps.db, departmentsWhere(user, 'department_head'))
  const rows = await q.findStaff(deps.db, { ...filter, departmentIds })
  const grants = await q.findGrantsOf(
    deps.db,
    rows.map((r) => r.id),
  )
  const locked = await findLockedUsernames(
    deps,
    rows.map((r) => r.username!),
  )
  return rows.map((r) => ({
    ...presentStaffColumns(r),
    // Staff accounts always have a username and a home department.
    username: r.username!,
    departmentId: r.department_id!,
    roles: grants
      .filter((g) => g.user_id === r.id)
      .map((g) => ({ ...presentGrant(g), role: g.role as StaffRole })),
    isLocked: locked.has(r.username!),
    totpEnabled: r.totp_enabled_at !== null,
  }))
}

const presentStaffColumns = definePresenter({
  id: 'id',
  displayName: 'display_name',
  departmentName: 'department_name',
  phone: 'phone',
  email: 'email',
  isDisabled: 'is_disabled',
  mustChangePassword: 'must_change_password',
  lastSignInAt: 'last_sign_in_at',
  version: 'version',
})

const presentGrant = definePresenter({ departmentId: 'department_id', departmentName: 'department_name' })

export async function listStaff(deps: AppDeps, actor: Actor, filter: Filter): Promise<StaffUser[]> {
  return scopedStaff(deps, actor, filter)
}

/** Refuses: FORBIDDEN, NOT_FOUND (also for a user outside a department head's scope). */
export async function getStaff(deps: AppDeps, actor: Actor, id: string): Promise<StaffUser> {
  const [found] = await scopedStaff(deps, actor, { id })
  if (!found) throw notFound()
  return found
}

async function resolveGrants(db: Executor, homeDepartmentId: string, roles: CreateUserInput['roles']) {
  const grants = roles.map((r) => ({ role: r.role, departmentId: r.departmentId ?? homeDepartmentId }))
  const unique = [...new Map(grants.map((g) => [`${g.role}:${g.departmentId}`, g])).values()]
  const active = await q.findActiveDepartmentIds(db, [homeDepartmentId, ...unique.map((g) => g.departmentId)])
  if (!active.has(homeDepartmentId)) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { departmentId: translate('departments.parentMissing') },
    })
  }
  const bad = unique.findIndex((g) => !active.has(g.departmentId))
  if (bad >= 0)
    throw new AppError('VALIDATION_FAILED', {
      fields: { [`roles.${bad}.departmentId`]: translate('departments.parentMissing') },
    })
  return unique
}

/**
 * Creates a staff account with a one-time initial password (shown once, changed at first sign-in).
 * Refuses: FORBIDDEN (not admin), VALIDATION_FAILED (inactive department), USERNAME_TAKEN.
 */
export async function createStaff(
  deps: AppDeps,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ user: StaffUser; initialPassword: string }> {
  const admin = requireRole(actor, 'admin')
  const initialPassword = generateInitialPassword()
  const passwordHash = await hashPassword(initialPassword)
  const id = await deps.db.transaction().execute(async (tx) => {
    if (await q.findUsername(tx, input.username)) throw new AppError('USERNAME_TAKEN')
    const grants = await resolveGrants(tx, input.departmentId, input.roles)
    const { id } = await q.insertStaffUser(tx, { ...input, passwordHash })
    await q.replaceGrants(tx, id, grants)
    await writeAudit(tx, admin, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: {
        username: input.username,
        displayName: input.displayName,
        departmentId: input.departmentId,
        roles: grants,
      },
    })
    return id
  })
  return { user: await getStaff(deps, actor, id), initialPassword }
}

/**
 * Changes a staff account; disabling it ends its sessions.
 * Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, VALIDATION_FAILED, LAST_ADMIN (disabling or
 * demoting the last active administrator).
 */
export async function updateStaff(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
): Promise<StaffUser> {
  const admin = requireRole(actor, 'admin')
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.findUserRow(tx, id)
    if (!row) throw notFound()
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const before = (await q.findGrantsOf(tx, [id])).map((g) => ({
      role: g.role,
      departmentId: g.department_id,
    }))
    const home = input.departmentId ?? row.department_id!
    const grants = input.roles ? await resolveGrants(tx, home, input.roles) : undefined
    const losesAdmin =
      (input.isDisabled === true || (grants && !grants.some((g) => g.role === 'admin'))) &&
      before.some((g) => g.role === 'admin')
    if (losesAdmin && (await q.countActiveAdmins(tx, id)) === 0) throw new AppError('LAST_ADMIN')
    const updated = await q.updateUserIfVersion(tx, id, input.version, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.isDisabled !== undefined ? { is_disabled: input.isDisabled } : {}),
    })
    if (!updated) throw new AppError('VERSION_CONFLICT')
    if (grants) await q.replaceGrants(tx, id, grants)
    if (input.isDisabled === true) await deleteSessionsOfUser(tx, id)
    await writeAudit(tx, admin, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: {
        displayName: row.display_name,
        departmentId: row.department_id,
        phone: row.phone,
        email: row.email,
        isDisabled: row.is_disabled,
        roles: before,
      },
      after: {
        displayName: input.displayName ?? row.display_name,
        departmentId: home,
        phone: input.phone === undefined ? row.phone : input.phone,
        email: input.email === undefined ? row.email : input.email,
        isDisabled: input.isDisabled ?? row.is_disabled,
        roles: grants ?? before,
      },
    })
  })
  // Roles, department, disabling: this node's reads see them at once (decision 0031).
  deps.sessionCache.forgetUser(id)
  return getStaff(deps, actor, id)
}

/** A new one-time password; sessions end and any lockout lifts. Refuses: FORBIDDEN, NOT_FOUND. */
export async function resetStaffPassword(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ initialPassword: string }> {
  const admin = requireRole(actor, 'admin')
  const initialPassword = generateInitialPassword()
  const passwordHash = await hashPassword(initialPassword)
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.findUserRow(tx, id)
    if (!row) throw notFound()
    await q.setInitialPassword(tx, id, passwordHash)
    await deleteSessionsOfUser(tx, id)
    await clearSignInFailures(tx, { id, username: row.username! })
    await writeAudit(tx, admin, { action: 'user.reset_password', entityType: 'user', entityId: id })
  })
  deps.sessionCache.forgetUser(id)
  return { initialPassword }
}

/** Lifts a sign-in lockout. Refuses: FORBIDDEN, NOT_FOUND. */
export async function unlockStaff(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const admin = requireRole(actor, 'admin')
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.findUserRow(tx, id)
    if (!row) throw notFound()
    await clearSignInFailures(tx, { id, username: row.username! })
    await writeAudit(tx, admin, { action: 'user.unlock', entityType: 'user', entityId: id })
  })
}

/** Ends every session of a staff member (a lost phone, a departure). Refuses: FORBIDDEN, NOT_FOUND. */
export async function revokeStaffSessions(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ sessionsEnded: number }> {
  const admin = requireRole(actor, 'admin')
  const result = await deps.db.transaction().execute(async (tx) => {
    const row = await q.findUserRow(tx, id)
    if (!row) throw notFound()
    const ended = await deleteSessionsOfUser(tx, id)
    await writeAudit(tx, admin, {
      action: 'user.revoke_sessions',
      entityType: 'user',
      entityId: id,
      after: { sessionsEnded: ended },
    })
    return { sessionsEnded: ended }
  })
  deps.sessionCache.forgetUser(id)
  return result
}

/**
 * Who to tell: active staff with one of the roles in the departments (null: anywhere). Called by
 * other services for their notifications; it reveals nothing to a caller.
 */
export async function staffToNotify(
  db: Executor,
  departmentIds: string[] | null,
  roles: StaffRole[],
): Promise<string[]> {
  return q.findActiveStaffWithRoles(db, departmentIds, roles)
}
