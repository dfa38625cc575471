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
import { createSession, type NewSession } from '../../kernel/auth/sessions'
import { maskPhone } from '../../shared/phone'
import { findPendingDocuments } from '../../kernel/auth/consent.queries'
import { hashToken, randomDigits, randomToken, safeEqual } from '../../kernel/auth/tokens'
import { generateTotpSecret, isValidTotp, totpUri } from '../../kernel/auth/totp'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import {
  countAttempt,
  deleteThrottlesStartingWith,
  findBlockedKeys,
  refundAttempt,
  resetAttempts,
  type ThrottleClaim,
  type ThrottleRule,
} from '../../kernel/auth/throttle'
import {
  deviceKeyPart,
  forgetTrustedDevicesOf,
  isTrustedDevice,
  trustDevice,
} from '../../kernel/auth/trusted-devices'
import type { Me } from './auth.schema'
import * as q from './auth.queries'

/**
 * Limits that slow guessing without letting a stranger keep anyone out (docs/decisions/0024-sign-in-limits.md).
 * Each throttle: the first `free` counted attempts cost nothing, then each makes the next wait
 * twice as long as the last, from one second up to the cap; a quiet quarter of an hour after the
 * wait forgets the key.
 */
export const AUTH_LIMITS = {
  /** an account's sign-ins from browsers it has not signed in from (per username or phone) */
  account: { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, quietMs: 15 * 60_000 },
  /** an account's sign-ins from one browser it has signed in from before: counted for that browser alone */
  trustedDevice: { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, quietMs: 15 * 60_000 },
  /** an enterprise phone's code sign-ins from browsers it has not signed in from */
  phone: { free: 10, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, quietMs: 15 * 60_000 },
  /** every failed sign-in from one client address, whatever the account (see TRUST_PROXY) */
  address: { free: 30, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, quietMs: 15 * 60_000 },
  challengeTtlMs: 5 * 60_000,
  challengeAttempts: 5,
  codeTtlMs: 5 * 60_000,
  codeResendMs: 60_000,
  codesPerPhonePerHour: 5,
  /** codes per client address an hour: the setting SIGN_IN_CODES_PER_ADDRESS_PER_HOUR (default 20) */
  codeAttempts: 5,
} as const

export type ClientInfo = { ip: string; userAgent: string | null; deviceToken: string | null }
export type SignInOutcome =
  | { status: 'signed_in'; session: NewSession; user: Me; deviceToken: string }
  | { status: 'second_factor_required'; challenge: string }

const accountKey = (username: string) => `account:${username.toLowerCase()}`
const phoneKey = (phone: string) => `phone:${phone}`
const deviceKeyPrefix = (userId: string) => `device:${userId}:`
const addressClaim = (ip: string): ThrottleClaim => ({ key: `address:${ip}`, rule: AUTH_LIMITS.address })

/**
 * Who is guessing: a browser that has signed in to this account before is throttled on its own;
 * any other client shares the account's (or phone's) throttle with every stranger.
 */
async function accountClaim(
  deps: AppDeps,
  client: ClientInfo,
  user: { id: string } | undefined,
  untrustedKey: string,
  untrustedRule: ThrottleRule,
  now: Date,
): Promise<ThrottleClaim> {
  if (client.deviceToken && user && (await isTrustedDevice(deps.db, client.deviceToken, user.id, now)))
    return {
      key: deviceKeyPrefix(user.id) + deviceKeyPart(client.deviceToken),
      rule: AUTH_LIMITS.trustedDevice,
    }
  return { key: untrustedKey, rule: untrustedRule }
}

/** Counts the attempt on the address and the account before anything is checked. Refuses: RATE_LIMITED, SIGN_IN_DELAYED. */
async function countSignInAttempt(deps: AppDeps, claims: ThrottleClaim[], now: Date): Promise<void> {
  const outcome = await countAttempt(deps.db, claims, now)
  if (outcome.admitted) return
  const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000))
  if (outcome.key.startsWith('address:')) throw new AppError('RATE_LIMITED', { params: { seconds } })
  throw new AppError('SIGN_IN_DELAYED', { params: { seconds } })
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

/**
 * A proven sign-in: the session, the browser trusted for the account from now on, the account's
 * throttle forgotten (the delay resets on success) and the address's attempt taken back.
 */
async function startSession(
  deps: AppDeps,
  user: NonNullable<Awaited<ReturnType<typeof q.findUserById>>>,
  client: ClientInfo,
  method: string,
  counted: { account: ThrottleClaim; address: ThrottleClaim },
): Promise<SignInOutcome> {
  const now = new Date()
  await resetAttempts(deps.db, [counted.account.key])
  await refundAttempt(deps.db, counted.address)
  return deps.db.transaction().execute(async (tx) => {
    const deviceToken = await trustDevice(tx, client.deviceToken, user.id, now)
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
    return { status: 'signed_in' as const, session, user: await getMeOf(tx, user.id), deviceToken }
  })
}

function assertMayUse(deps: AppDeps, user: { is_disabled: boolean; is_demo: boolean }): void {
  if (user.is_disabled) throw new AppError('ACCOUNT_DISABLED')
  if (user.is_demo && !deps.config.demoAccounts) throw new AppError('DEMO_ACCOUNTS_DISABLED')
}

/**
 * Staff sign-in with username and password. The attempt is counted before the password is checked
 * (concurrent guesses queue on the count), and a correct password during a wait is refused too.
 * Refuses: RATE_LIMITED (too many failures from this address), SIGN_IN_DELAYED (too many for this
 * username from browsers it has not signed in from — known or not — or from this browser),
 * INVALID_CREDENTIALS, ACCOUNT_DISABLED, DEMO_ACCOUNTS_DISABLED.
 */
export async function signInStaff(
  deps: AppDeps,
  input: { username: string; password: string },
  client: ClientInfo,
): Promise<SignInOutcome> {
  const now = new Date()
  const user = await q.findStaffByUsername(deps.db, input.username)
  const counted = {
    address: addressClaim(client.ip),
    account: await accountClaim(deps, client, user, accountKey(input.username), AUTH_LIMITS.account, now),
  }
  await countSignInAttempt(deps, [counted.address, counted.account], now)
  const passwordOk = await verifyPassword(user?.password_hash, input.password)
  if (!user || !passwordOk) {
    if (user) {
      await deps.db.transaction().execute(async (tx) => {
        await writeAudit(
          tx,
          { kind: 'system', label: 'auth' },
          { action: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, after: { ip: client.ip } },
        )
      })
    }
    throw new AppError('INVALID_CREDENTIALS')
  }
  assertMayUse(deps, user)
  if (user.totp_enabled_at && user.totp_secret) {
    // A right password is not a failure, but the sign-in is not complete either: take the attempt
    // back without forgetting the account's history (the second factor counts on it again).
    await refundAttempt(deps.db, counted.address)
    await refundAttempt(deps.db, counted.account)
    const challenge = randomToken()
    await q.insertChallenge(deps.db, {
      tokenHash: hashToken(challenge),
      userId: user.id,
      expiresAt: new Date(now.getTime() + AUTH_LIMITS.challengeTtlMs),
    })
    return { status: 'second_factor_required', challenge }
  }
  return startSession(deps, user, client, 'password', counted)
}

/**
 * The TOTP step after a correct password; its attempts count on the account like passwords do.
 * Refuses: RATE_LIMITED, SIGN_IN_DELAYED, INVALID_SECOND_FACTOR (wrong, expired, used or over-tried challenge).
 */
export async function completeSecondFactor(
  deps: AppDeps,
  input: { challenge: string; code: string },
  client: ClientInfo,
): Promise<SignInOutcome> {
  const now = new Date()
  const found = await q.findLiveChallenge(deps.db, hashToken(input.challenge), now)
  const user = found ? await q.findUserById(deps.db, found.user_id) : undefined
  const address = addressClaim(client.ip)
  if (!user?.username || !user.totp_secret) {
    // No live challenge: nothing to guess at but the address still pays for the try.
    await countSignInAttempt(deps, [address], now)
    throw new AppError('INVALID_SECOND_FACTOR')
  }
  const counted = {
    address,
    account: await accountClaim(deps, client, user, accountKey(user.username), AUTH_LIMITS.account, now),
  }
  await countSignInAttempt(deps, [counted.address, counted.account], now)
  // One statement takes a try off the challenge, so concurrent codes cannot all pass the limit.
  const challenge = await q.takeChallengeAttempt(
    deps.db,
    hashToken(input.challenge),
    now,
    AUTH_LIMITS.challengeAttempts,
  )
  if (!challenge || !isValidTotp(user.totp_secret, input.code)) throw new AppError('INVALID_SECOND_FACTOR')
  if (!(await q.deleteChallenge(deps.db, challenge.id))) throw new AppError('INVALID_SECOND_FACTOR')
  assertMayUse(deps, user)
  return startSession(deps, user, client, 'password+totp', counted)
}

function codeHash(codeId: string, code: string): string {
  return hashToken(`${codeId}:${code}`)
}

/**
 * Sends a six-digit sign-in code to a mobile number through the outbox (urgent: not counted against
 * any contact cap). The limits are counted and the code written in one transaction holding a lock
 * per number and per address, so eight requests at once send one SMS.
 * Refuses: RATE_LIMITED (one code a minute, five an hour per number, twenty an hour per address).
 */
export async function requestEnterpriseCode(deps: AppDeps, input: { phone: string }, client: ClientInfo) {
  const now = Date.now()
  const hourAgo = new Date(now - 3600_000)
  const code = randomDigits(6)
  const id = crypto.randomUUID()
  await deps.db.transaction().execute(async (tx) => {
    await q.lockCodeRequests(tx, [`phone:${input.phone}`, `address:${client.ip}`])
    const byPhone = await q.countCodesSince(tx, { phone: input.phone }, hourAgo)
    if (byPhone.latest && now - byPhone.latest.getTime() < AUTH_LIMITS.codeResendMs) {
      throw new AppError('RATE_LIMITED', {
        params: { seconds: Math.ceil((byPhone.latest.getTime() + AUTH_LIMITS.codeResendMs - now) / 1000) },
      })
    }
    if (byPhone.count >= AUTH_LIMITS.codesPerPhonePerHour)
      throw new AppError('RATE_LIMITED', { params: { seconds: 3600 } })
    const byIp = await q.countCodesSince(tx, { ip: client.ip }, hourAgo)
    if (byIp.count >= deps.config.signInCodesPerAddressPerHour)
      throw new AppError('RATE_LIMITED', { params: { seconds: 3600 } })
    await q.insertOneTimeCode(tx, {
      id,
      phone: input.phone,
      codeHash: codeHash(id, code),
      ip: client.ip,
      createdAt: new Date(now),
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
  // The code is committed: send it now, ahead of any backlog, rather than at the next poll.
  deps.notifier.deliverUrgentNow()
  return {
    sentTo: maskPhone(input.phone),
    expiresInSeconds: AUTH_LIMITS.codeTtlMs / 1000,
    resendAfterSeconds: AUTH_LIMITS.codeResendMs / 1000,
  }
}

/**
 * Enterprise sign-in with the code sent to the phone; the first sign-in creates the account.
 * Refuses: RATE_LIMITED (this address), SIGN_IN_DELAYED (too many wrong codes for this number from
 * browsers it has not signed in from, or from this browser), INVALID_CODE, ACCOUNT_DISABLED.
 */
export async function signInEnterprise(
  deps: AppDeps,
  input: { phone: string; code: string },
  client: ClientInfo,
): Promise<SignInOutcome> {
  const now = new Date()
  const existing = await q.findEnterpriseUserByPhone(deps.db, input.phone)
  const counted = {
    address: addressClaim(client.ip),
    account: await accountClaim(deps, client, existing, phoneKey(input.phone), AUTH_LIMITS.phone, now),
  }
  await countSignInAttempt(deps, [counted.address, counted.account], now)
  // One statement takes a try off the newest live code: five wrong tries burn it, however concurrent.
  const live = await q.takeCodeAttempt(deps.db, input.phone, now, AUTH_LIMITS.codeAttempts)
  if (!live || !safeEqual(live.code_hash, codeHash(live.id, input.code))) throw new AppError('INVALID_CODE')
  if (!(await q.consumeCode(deps.db, live.id, now))) throw new AppError('INVALID_CODE')
  let user = existing ?? (await q.findEnterpriseUserByPhone(deps.db, input.phone))
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
  return startSession(deps, user, client, 'phone_code', counted)
}

export async function signOut(deps: AppDeps, actor: Actor): Promise<void> {
  const user = requireSignedIn(actor)
  await deps.db.transaction().execute(async (tx) => {
    await deleteSession(tx, user.sessionId)
    await writeAudit(tx, user, { action: 'auth.sign_out', entityType: 'user', entityId: user.userId })
  })
  // After the commit: a read racing the sign-out cannot put the session back (decision 0031).
  deps.sessionCache.forgetSession(user.sessionId)
}

/** Ends every session of the caller, on every device. */
export async function signOutEverywhere(deps: AppDeps, actor: Actor): Promise<{ sessionsEnded: number }> {
  const user = requireSignedIn(actor)
  const result = await deps.db.transaction().execute(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, user.userId)
    // A lost or stolen browser should not keep the trust of its past sign-ins either.
    await forgetTrustedDevicesOf(tx, user.userId)
    await writeAudit(tx, user, {
      action: 'auth.sign_out_everywhere',
      entityType: 'user',
      entityId: user.userId,
      after: { sessionsEnded: ended },
    })
    return { sessionsEnded: ended }
  })
  deps.sessionCache.forgetUser(user.userId)
  return result
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
  deps.sessionCache.forgetUser(me.userId)
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

/**
 * Usernames whose sign-ins from new browsers must wait now (for the admin's user list): someone
 * failed too often. Their owners' own browsers are not held up.
 */
export async function findLockedUsernames(deps: AppDeps, usernames: string[]): Promise<Set<string>> {
  const blocked = await findBlockedKeys(deps.db, usernames.map(accountKey), new Date())
  return new Set(usernames.filter((u) => blocked.includes(accountKey(u))))
}

/** Lifts a sign-in delay, on new browsers and trusted ones. Called by the users service after its own admin check. */
export async function clearSignInFailures(
  db: Executor,
  user: { id: string; username: string },
): Promise<void> {
  await resetAttempts(db, [accountKey(user.username)])
  await deleteThrottlesStartingWith(db, deviceKeyPrefix(user.id))
}
