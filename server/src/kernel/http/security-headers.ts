import type { MiddlewareHandler } from 'hono'
import type { Config } from '../config'
import type { AppEnv } from './app-env'

/**
 * The Content-Security-Policy of the web app (the built React app, served from this origin).
 * Scripts only from this origin: no inline script, no eval. Styles also inline: antd writes its
 * CSS-in-JS into <style> elements and both antd and antd-mobile set style attributes (nonces would
 * not cover attributes). Images may be data: (the favicon, QR codes) and blob: (a chosen photo's
 * preview). Nobody may frame the app (clickjacking), and forms post only here.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** One year: what HSTS preload lists ask for. Subdomains are not included: a city's other sites are not ours to pin. */
const HSTS = 'max-age=31536000'

/**
 * Security headers on every response, errors and static files included: the CSP above,
 * X-Content-Type-Options (no MIME sniffing of uploads or JSON), Referrer-Policy (other sites learn
 * our origin, never a path with an id in it), X-Frame-Options for browsers older than
 * frame-ancestors, and Strict-Transport-Security when PUBLIC_URL is https (over plain http the
 * header is ignored by browsers, and sending it from a laptop's http://localhost would be wrong).
 */
export function securityHeaders(config: Pick<Config, 'publicUrl'>): MiddlewareHandler<AppEnv> {
  const isHttps = config.publicUrl?.toLowerCase().startsWith('https://') ?? false
  return async (c, next) => {
    await next()
    const h = c.res.headers
    if (!h.has('content-security-policy')) h.set('content-security-policy', APP_CSP)
    h.set('x-content-type-options', 'nosniff')
    h.set('referrer-policy', 'strict-origin-when-cross-origin')
    h.set('x-frame-options', 'DENY')
    if (isHttps) h.set('strict-transport-security', HSTS)
  }
}
