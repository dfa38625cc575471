import { maskPhone } from '../../shared/phone'
import type { Executor } from '../db/database'
import type { StaffRole, UserActor } from './actor'
import type { SessionCache } from './session-cache'
import { findLiveSession, findRoleGrants, insertSession, touchSession } from './session.queries'
import { hashToken, randomToken } from './tokens'

export const SESSION_COOKIE = 'ys_session'
export const CSRF_COOKIE = 'ys_csrf'
export const CSRF_HEADER = 'x-csrf-token'

export type NewSession = { token: string; csrfToken: string; expiresAt: Date; sessionId: string }

export async function createSession(
  db: Executor,
  input: { userId: string; ttlMs: number; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken()
  const csrfToken = randomToken(18)
  const expiresAt = new Date(Date.now() + input.ttlMs)
  const sessionId = await insertSession(db, {
    tokenHash: hashToken(token),
    userId: input.userId,
    csrfToken,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  })
  return { token, csrfToken, expiresAt, sessionId }
}

export type ResolvedSession = { actor: UserActor; csrfToken: string; isDemo: boolean }

/**
 * Turns a session cookie into the actor it stands for, or undefined when it is not live. With a cache
 * (reads only), a session resolved a moment ago is taken from it (decision 0031), without a promise.
 */
export function resolveSession(
  db: Executor,
  token: string,
  now = new Date(),
  cache?: SessionCache,
): ResolvedSession | Promise<ResolvedSession | undefined> {
  const tokenHash = hashToken(token)
  // A hit answers at once: a read of a session resolved a moment ago pays no promise (decision 0069).
  return cache?.get(tokenHash, now.getTime()) ?? lookUpSession(db, tokenHash, now, cache)
}

async function lookUpSession(
  db: Executor,
  tokenHash: string,
  now: Date,
  cache: SessionCache | undefined,
): Promise<ResolvedSession | undefined> {
  const generation = cache?.generation ?? 0
  const row = await findLiveSession(db, tokenHash, now)
  if (!row) return undefined
  const grants = row.userKind === 'staff' ? await findRoleGrants(db, row.userId) : []
  // Writing last_seen on every request would make every read a write; once a minute is enough.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await touchSession(db, row.sessionId, now)
  const resolved: ResolvedSession = {
    csrfToken: row.csrfToken,
    isDemo: row.isDemo,
    actor: {
      kind: 'user',
      userId: row.userId,
      userKind: row.userKind,
      label: row.userKind === 'staff' ? row.username! : maskPhone(row.phone!),
      departmentId: row.departmentId,
      roles: grants.map((g) => ({ role: g.role as StaffRole, departmentId: g.department_id })),
      sessionId: row.sessionId,
      mustChangePassword: row.mustChangePassword,
      consentPending: row.consentPending,
    },
  }
  cache?.set(tokenHash, resolved, row.expiresAt, generation, now.getTime())
  return resolved
}
