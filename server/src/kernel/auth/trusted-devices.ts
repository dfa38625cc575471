import type { Executor } from '../db/database'
import { hashToken, randomToken } from './tokens'
import * as q from './trusted-devices.queries'

/**
 * Browsers that have signed in to an account before (OWASP, "Slow Down Online Guessing Attacks
 * with Device Cookies"). A random token in an HttpOnly cookie names the browser; a row per account
 * it signed in to makes it trusted for that account. Sign-in failures on a trusted device are
 * counted for that device alone, so strangers guessing an account's password cannot delay its
 * owner where the owner usually signs in.
 */
export const DEVICE_COOKIE = 'ys_device'
/** Trust ends after half a year without a sign-in from the browser. */
export const DEVICE_TRUST_MS = 183 * 86_400_000

export async function isTrustedDevice(
  db: Executor,
  token: string | null,
  userId: string | undefined,
  now: Date,
): Promise<boolean> {
  if (!token || !userId) return false
  return q.isTrustedDevice(db, hashToken(token), userId, new Date(now.getTime() - DEVICE_TRUST_MS))
}

/** After a sign-in: the browser is trusted for the account. Returns the token the cookie keeps (new when it had none). */
export async function trustDevice(
  db: Executor,
  token: string | null,
  userId: string,
  now: Date,
): Promise<string> {
  const kept = token && /^[\w-]{20,100}$/.test(token) ? token : randomToken()
  await q.upsertTrustedDevice(db, hashToken(kept), userId, now)
  return kept
}

/** A short, stable name of the device for throttle keys (never the token itself). */
export function deviceKeyPart(token: string): string {
  return hashToken(token).slice(0, 32)
}

export const forgetTrustedDevicesOf = q.deleteTrustedDevicesOf
export const deleteUnusedTrustedDevices = q.deleteUnusedTrustedDevices
