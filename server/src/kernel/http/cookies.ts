import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { CSRF_COOKIE, SESSION_COOKIE, type NewSession } from '../auth/sessions'
import { DEVICE_COOKIE, DEVICE_TRUST_MS } from '../auth/trusted-devices'
import type { AppEnv } from './app-env'

/**
 * The session token lives in an HttpOnly cookie scripts cannot read; the CSRF token in a readable
 * one the web app copies into a header on every write.
 */
export function setSessionCookies(c: Context<AppEnv>, session: NewSession): void {
  const secure = c.get('deps').config.env === 'production'
  const common = { path: '/', sameSite: 'Lax' as const, secure, expires: session.expiresAt }
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true })
  setCookie(c, CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false })
}

/**
 * The browser's trusted-device token (kernel/auth/trusted-devices): HttpOnly, sent only to the
 * sign-in endpoints, kept across sign-outs — it names the browser, not a session.
 */
export function setDeviceCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, DEVICE_COOKIE, token, {
    path: '/api/v1/auth',
    sameSite: 'Strict',
    secure: c.get('deps').config.env === 'production',
    httpOnly: true,
    maxAge: Math.floor(DEVICE_TRUST_MS / 1000),
  })
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
  deleteCookie(c, CSRF_COOKIE, { path: '/' })
}
