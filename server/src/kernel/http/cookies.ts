import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { CSRF_COOKIE, SESSION_COOKIE, type NewSession } from '../auth/sessions'
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

export function clearSessionCookies(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
  deleteCookie(c, CSRF_COOKIE, { path: '/' })
}
