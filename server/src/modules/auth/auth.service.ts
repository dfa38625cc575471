import crypto from 'node:crypto'
import QRCode from 'qrcode'
import type { UserActor, Actor, StaffRole } from '../../kernel/auth/actor'
import { requireSignedIn, requireStaff } from '../../kernel/auth/actor'
import { hashPassword, passwordProblems, verifyPassword } from '../../kernel/auth/password'
import {
  deleteOtherSessions,
  deleteSession,
  deleteSessionsOfUser,
  findRoleGrants,
} from '../../kernel/auth/session.queries'
import { createSession, maskPhone, type NewSession } from '../../kernel/auth/sessions'
import { findPendingDocuments } from '../../kernel/auth/consent.queries'
import { hashToken, randomDigits, randomToken, safeEqual } from '../../kernel/auth/tokens'
import { generateTotpSecret, isValidTotp, totpUri } from '../../kernel/auth/totp'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { Me } from './auth.schema'
import * as q from './auth.queries'

/** Limits that slow guessing without locking out honest people for long. */
export const AUTH_LIMITS = {
  failureWindowMs: 15 * 60_000,
  failuresBeforeLock: 5, // per username
  failuresPerIp: 30,
  failuresPerPhone: 10,
  challengeTtlMs: 5 * 60_000,
  challengeAttempts: 5,
  codeTtlMs: 5 * 60_000,
  codeResendMs: 60_000,
  codesPerPhonePerHour: 5,
  codesPerIpPerHour: 20,
  codeAttempts: 5,
} as const

export type ClientInfo = { ip: string; userAgent: string | null }
export type SignInOutcome =
  | { status: 'signed_in'; session: NewSession; user: Me }
  | { status: 'second_factor_required'; challenge: string }

const userKey = (username: string) => `user:${username.toLowerCase()}`
const ipKey = (ip: string) => `ip:${ip}`
const phoneKey = (phone: string) => `phone:${phone}`

async function assertNotThrottled(
  deps: AppDeps,
  key: string,
  limit: number,
  code: 'ACCOUNT_LOCKED' | 'RATE_LIMITED',
) {
  const now = Date.now()
  const { count, oldest } = await q.countRecentFailures(
    deps.db,
    key,
    new Date(now - AUTH_LIMITS.failureWindowMs),
  )
  if (count < limit) return
  const waitMs =
    (oldest ? oldest.getTime() + AUTH_LIMITS.failureWindowMs : now + AUTH_LIMITS.failureWindowMs) - now
  throw new AppError(code, {
    params:
      code === 'ACCOUNT_LOCKED'
        ? { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) }
        : { seconds: Math.max(1, Math.ceil(waitMs / 1000)) },
  })
}

async function actorFor(
  db: Executor,
  user: {
    id: string
    kind: 'staff' | 'enterprise'
    username: string | null
    phone: string | null
    department_id: string | null
  },
  sessionId: string,
): Promise<UserActor> {
  const grants = user.kind === 'staff' ? await findRoleGrants(db, user.id) : []
  return {
    kind: 'user',
    userId: user.id,
    userKind: user.kind,
    label: user.kind === 'staff' ? user.username! : maskPhone(user.phone!),
    departmentId: user.department_id,
    roles: grants.map((g) => ({ role: g.role as StaffRole, departmentId: g.department_id })),
    sessionId,
    mustChangePassword: false,
    consentPending: false,
  }
}

function sessionTtlMs(deps: AppDeps, kind: 'staff' | 'enterprise'): number {
  return kind === 'staff'
    ? deps.config.staffSessionHours * 3600_000
    : deps.config.enterpriseSessionDays * 86_400_000
}

async function startSession(
  deps: AppDeps,
  user: NonNullable<Awaited<ReturnType<typeof q.findUserById>>>,
  client: ClientInfo,
  method: string,
): Promise<SignInOutcome> {
  const now = new Date()
  return deps.db.transaction().execute(async (tx) => {
    const session = await createSession(tx, {
      userId: user.id,
      ttlMs: sessionTtlMs(deps, user.kind),
      ip: client.ip,
      userAgent: client.userAgent,
    })
    await q.markSignedIn(tx, user.id, now)
    await writeAudit(tx, await actorFor(tx, user, session.sessionId), {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { method, ip: client.ip },
    })
    return { status: 'signed_in' as const, session, user: await getMeOf(tx, user.id) }
  })
}

function assertMayUse(deps: AppDeps, user: { is_disabled: boolean; is_demo: boolean }): void {
  if (user.is_disabled) throw new AppError('ACCOUNT_DISABLED')
  if (user.is_demo && !deps.config.demoAccounts) throw new AppError('DEMO_ACCOUNTS_DISABLED')
}

/**
 * Staff sign-in with username and password.
 * Refuses: RATE_LIMITED (too many failures from this address), ACCOUNT_LOCKED (too many for this
 * username — known or not), INVALID_CREDENTIALS, ACCOUNT_DISABLED, DEMO_ACCOUNTS_DISABLED.
 */
export async function signInStaff(
  deps: AppDeps,
  input: { username: string; password: string },
  client: ClientInfo,
): Promise<SignInOutcome> {
  await assertNotThrottled(deps, ipKey(client.ip), AUTH_LIMITS.failuresPerIp, 'RATE_LIMITED')
  await assertNotThrottled(deps, userKey(input.username), AUTH_LIMITS.failuresBeforeLock, 'ACCOUNT_LOCKED')
  const user = await q.findStaffByUsername(deps.db, input.username)
  const passwordOk = await verifyPassword(user?.password_hash, input.password)
  if (!user || !passwordOk) {
    await deps.db.transaction().execute(async (tx) => {
      await q.recordFailures(tx, [userKey(input.username), ipKey(client.ip)])
      if (user) {
        await writeAudit(
          tx,
          { kind: 'system', label: 'auth' },
          { action: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, after: { ip: client.ip } },
        )
      }
    })
    throw new AppError('INVALID_CREDENTIALS')
  }
  assertMayUse(deps, user)
  await q.clearFailures(deps.db, userKey(input.username))
  if (user.totp_enabled_at && user.totp_secret) {
    const challenge = randomToken()
    await q.insertChallenge(deps.db, {
      tokenHash: hashToken(challenge),
      userId: user.id,
      expiresAt: new Date(Date.now() + AUTH_LIMITS.challengeTtlMs),
    })
    return { status: 'second_factor_required', challenge }
  }
  return startSession(deps, user, client, 'password')
}

/** The TOTP step after a correct password. Refuses: INVALID_SECOND_FACTOR (wrong, expired or over-tried challenge). */
export async function completeSecondFactor(
  deps: AppDeps,
  input: { challenge: string; code: string },
  client: ClientInfo,
): Promise<SignInOutcome> {
  await assertNotThrottled(deps, ipKey(client.ip), AUTH_LIMITS.failuresPerIp, 'RATE_LIMITED')
  const challenge = await q.findLiveChallenge(deps.db, hashToken(input.challenge), new Date())
  if (!challenge || challenge.attempts >= AUTH_LIMITS.challengeAttempts)
    throw new AppError('INVALID_SECOND_FACTOR')
  const user = await q.findUserById(deps.db, challenge.user_id)
  if (!user?.totp_secret || !isValidTotp(user.totp_secret, input.code)) {
    await q.bumpChallengeAttempts(deps.db, challenge.id)
    await q.recordFailures(deps.db, [ipKey(client.ip)])
    throw new AppError('INVALID_SECOND_FACTOR')
  }
  assertMayUse(deps, user)
  await q.deleteChallenge(deps.db, challenge.id)
  return startSession(deps, user, client, 'password+totp')
}

function codeHash(codeId: string, code: string): string {
  return hashToken(`${codeId}:${code}`)
}

/**
 * Sends a six-digit sign-in code to a mobile number through the outbox (urgent: not counted against
 * any contact cap). Refuses: RATE_LIMITED (one code a minute, five an hour per number, twenty an hour per address).
 */
export async function requestEnterpriseCode(deps: AppDeps, input: { phone: string }, client: ClientInfo) {
  const now = Date.now()
  const hourAgo = new Date(now - 3600_000)
  const byPhone = await q.countCodesSince(deps.db, { phone: input.phone }, hourAgo)
  if (byPhone.latest && now - byPhone.latest.getTime() < AUTH_LIMITS.codeResendMs) {
    throw new AppError('RATE_LIMITED', {
      params: { seconds: Math.ceil((byPhone.latest.getTime() + AUTH_LIMITS.codeResendMs - now) / 1000) },
    })
  }
  if (byPhone.count >= AUTH_LIMITS.codesPerPhonePerHour)
    throw new AppError('RATE_LIMITED', { params: { seconds: 3600 } })
  const byIp = await q.countCodesSince(deps.db, { ip: client.ip }, hourAgo)
  if (byIp.count >= AUTH_LIMITS.codesPerIpPerHour)
    throw new AppError('RATE_LIMITED', { params: { seconds: 3600 } })

  const code = randomDigits(6)
  const id = crypto.randomUUID()
  await deps.db.transaction().execute(async (tx) => {
    await q.insertOneTimeCode(tx, {
      id,
      phone: input.phone,
      codeHash: codeHash(id, code),
      ip: client.ip,
      expiresAt: new Date(now + AUTH_LIMITS.codeTtlMs),
    })
    await deps.notifier.enqueue(tx, {
      recipient: { phone: input.phone },
      template: 'auth.sign_in_code',
      params: { code, minutes: AUTH_LIMITS.codeTtlMs / 60_000 },
      channels: ['sms'],
      isUrgent: true,
    })
  })
  return {
    sentTo: maskPhone(input.phone),
    expiresInSeconds: AUTH_LIMITS.codeTtlMs / 1000,
    resendAfterSeconds: AUTH_LIMITS.codeResendMs / 1000,
  }
}

/**
 * Enterprise sign-in with the code sent to the phone; the first sign-in creates the account.
 * Refuses: ACCOUNT_LOCKED (too many wrong codes for this number), INVALID_CODE, ACCOUNT_DISABLED.
 */
export async function signInEnterprise(
  deps: AppDeps,
  input: { phone: string; code: string },
  client: ClientInfo,
): Promise<SignInOutcome> {
  await assertNotThrottled(deps, ipKey(client.ip), AUTH_LIMITS.failuresPerIp, 'RATE_LIMITED')
  await assertNotThrottled(deps, phoneKey(input.phone), AUTH_LIMITS.failuresPerPhone, 'ACCOUNT_LOCKED')
  const now = new Date()
  const live = await q.findLiveCode(deps.db, input.phone, now)
  const matches =
    !!live &&
    live.attempts < AUTH_LIMITS.codeAttempts &&
    safeEqual(live.code_hash, codeHash(live.id, input.code))
  if (!live || !matches) {
    if (live) await q.bumpCodeAttempts(deps.db, live.id)
    await q.recordFailures(deps.db, [phoneKey(input.phone), ipKey(client.ip)])
    throw new AppError('INVALID_CODE')
  }
  if (!(await q.consumeCode(deps.db, live.id, now))) throw new AppError('INVALID_CODE')
  let user = await q.findEnterpriseUserByPhone(deps.db, input.phone)
  if (!user) {
    user = await deps.db.transaction().execute(async (tx) => {
      const created = await q.insertEnterpriseUser(tx, input.phone, maskPhone(input.phone))
      await writeAudit(tx, await actorFor(tx, created, ''), {
        action: 'user.create_enterprise_account',
        entityType: 'user',
        entityId: created.id,
        after: { phone: maskPhone(input.phone) },
      })
      return created
    })
  }
  assertMayUse(deps, user)
  await q.clearFailures(deps.db, phoneKey(input.phone))
  return startSession(deps, user, client, 'phone_code')
}

export async function signOut(deps: AppDeps, actor: Actor): Promise<void> {
  const user = requireSignedIn(actor)
  await deps.db.transaction().execute(async (tx) => {
    await deleteSession(tx, user.sessionId)
    await writeAudit(tx, user, { action: 'auth.sign_out', entityType: 'user', entityId: user.userId })
  })
}

/** Ends every session of the caller, on every device. */
export async function signOutEverywhere(deps: AppDeps, actor: Actor): Promise<{ sessionsEnded: number }> {
  const user = requireSignedIn(actor)
  return deps.db.transaction().execute(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, user.userId)
    await writeAudit(tx, user, {
      action: 'auth.sign_out_everywhere',
      entityType: 'user',
      entityId: user.userId,
      after: { sessionsEnded: ended },
    })
    return { sessionsEnded: ended }
  })
}

export async function getMe(deps: AppDeps, actor: Actor): Promise<Me> {
  const user = requireSignedIn(actor)
  return getMeOf(deps.db, user.userId)
}

async function getMeOf(db: Executor, userId: string): Promise<Me> {
  const { user, roles, enterprises } = await q.findMeRows(db, userId)
  if (!user) throw notFound()
  return {
    id: user.id,
    kind: user.kind,
    displayName: user.display_name,
    username: user.username,
    phone: user.phone,
    email: user.email,
    department: user.department_id ? { id: user.department_id, name: user.department_name! } : null,
    roles: roles.map((r) => ({
      role: r.role,
      departmentId: r.department_id,
      departmentName: r.department_name,
    })),
    enterprises: enterprises.map((e) => ({ enterpriseId: e.id, name: e.name, uscc: e.uscc, role: e.role })),
    mustChangePassword: user.must_change_password,
    pendingConsents: (await findPendingDocuments(db, user.id, user.kind, new Date())).map((d) => ({
      kind: d.kind,
      version: d.version,
    })),
    totpEnabled: user.totp_enabled_at !== null,
    isDemo: user.is_demo,
  }
}

/**
 * A staff member changes their own password; other sessions end.
 * Refuses: VALIDATION_FAILED (wrong current password — a field error, not a 401 that would look like
 * an expired session — or a weak new password).
 */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const me = requireStaff(actor)
  const user = await q.findUserById(deps.db, me.userId)
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('INVALID_CREDENTIALS')
  const problems = passwordProblems(input.newPassword, { username: user.username })
  if (input.newPassword === input.currentPassword) problems.push('password.unchanged')
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { newPassword: problems.map((p) => translate(p)).join('; ') },
    })
  }
  const passwordHash = await hashPassword(input.newPassword)
  await deps.db.transaction().execute(async (tx) => {
    await q.updatePassword(tx, me.userId, passwordHash)
    await deleteOtherSessions(tx, me.userId, me.sessionId)
    await writeAudit(tx, me, { action: 'user.change_password', entityType: 'user', entityId: me.userId })
  })
}

/** Starts TOTP enrolment: a new secret, shown once as a QR code. Refuses: TOTP_ALREADY_ENABLED. */
export async function startTotpSetup(deps: AppDeps, actor: Actor) {
  const me = requireStaff(actor)
  const user = await q.findUserById(deps.db, me.userId)
  if (!user) throw notFound()
  if (user.totp_enabled_at) throw new AppError('TOTP_ALREADY_ENABLED')
  const secret = generateTotpSecret()
  await q.setTotp(deps.db, me.userId, secret, null)
  const uri = totpUri(secret, user.username ?? me.label)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1 })
  return { secret, uri, qrSvg }
}

/** Turns TOTP on once the user proves the app makes the right codes. Refuses: TOTP_ALREADY_ENABLED, INVALID_SECOND_FACTOR. */
export async function enableTotp(deps: AppDeps, actor: Actor, input: { code: string }): Promise<void> {
  const me = requireStaff(actor)
  const user = await q.findUserById(deps.db, me.userId)
  if (!user) throw notFound()
  if (user.totp_enabled_at) throw new AppError('TOTP_ALREADY_ENABLED')
  if (!user.totp_secret || !isValidTotp(user.totp_secret, input.code))
    throw new AppError('INVALID_SECOND_FACTOR')
  await deps.db.transaction().execute(async (tx) => {
    await q.setTotp(tx, me.userId, user.totp_secret, new Date())
    await writeAudit(tx, me, { action: 'user.enable_totp', entityType: 'user', entityId: me.userId })
  })
}

/** Turns TOTP off with a current code. Refuses: TOTP_NOT_ENABLED, INVALID_SECOND_FACTOR. */
export async function disableTotp(deps: AppDeps, actor: Actor, input: { code: string }): Promise<void> {
  const me = requireStaff(actor)
  const user = await q.findUserById(deps.db, me.userId)
  if (!user) throw notFound()
  if (!user.totp_enabled_at || !user.totp_secret) throw new AppError('TOTP_NOT_ENABLED')
  if (!isValidTotp(user.totp_secret, input.code)) throw new AppError('INVALID_SECOND_FACTOR')
  await deps.db.transaction().execute(async (tx) => {
    await q.setTotp(tx, me.userId, null, null)
    await writeAudit(tx, me, { action: 'user.disable_totp', entityType: 'user', entityId: me.userId })
  })
}

/** Usernames currently locked out by failed sign-ins (for the admin's user list). */
export async function findLockedUsernames(deps: AppDeps, usernames: string[]): Promise<Set<string>> {
  return q.findLockedKeys(
    deps.db,
    usernames,
    new Date(Date.now() - AUTH_LIMITS.failureWindowMs),
    AUTH_LIMITS.failuresBeforeLock,
  )
}

/** Lifts a lockout. Called by the users service after its own admin check. */
export async function clearSignInFailures(db: Executor, username: string): Promise<void> {
  await q.clearFailures(db, userKey(username))
}
