import type { MiddlewareHandler } from 'hono'
import type { Config } from '../config'

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

/**
 * The policy of every answer that is not a page: JSON, text, files. Nothing may load from it and nobody
 * may frame it, should a browser ever be led to render one (OWASP's advice for APIs). Short, too:
 * Node checks every header's characters on every answer.
 */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'"

/** One year: what HSTS preload lists ask for. Subdomains are not included: a city's other sites are not ours to pin. */
const HSTS = 'max-age=31536000'

/**
 * Security headers on every response, errors and static files included: the CSP above on pages, the
 * data policy on everything else,
 * X-Content-Type-Options (no MIME sniffing of uploads or JSON), Referrer-Policy (other sites learn
 * our origin, never a path with an id in it), X-Frame-Options for browsers older than
 * frame-ancestors, and Strict-Transport-Security when PUBLIC_URL is https (over plain http the
 * header is ignored by browsers, and sending it from a laptop's http://localhost would be wrong).
 * Made once per configuration; the request envelope puts them on every answer (envelope.ts).
 */
export function securityHeaderRecord(
  config: Pick<Config, 'publicUrl'>,
  contentType: string,
): Readonly<Record<string, string>> {
  let records = recordsOf.get(config)
  if (!records) {
    const isHttps = config.publicUrl?.toLowerCase().startsWith('https://') ?? false
    const record = (csp: string) =>
      Object.freeze({
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
        ...(isHttps ? { 'strict-transport-security': HSTS } : {}),
      })
    records = { page: record(APP_CSP), data: record(DATA_CSP) }
    recordsOf.set(config, records)
  }
  return PAGE_OR_SCRIPT.test(contentType) ? records.page : records.data
}

/** A page, or a script (a worker a page starts runs under the policy its script came with). */
const PAGE_OR_SCRIPT = /^(text\/html|text\/javascript|application\/javascript)\b/i

type Records = { page: Readonly<Record<string, string>>; data: Readonly<Record<string, string>> }
const recordsOf = new WeakMap<object, Records>()

/** The same headers as a middleware of their own, for an app without the envelope (the benches' bare routes). */
export function securityHeaders(config: Pick<Config, 'publicUrl'>): MiddlewareHandler {
  return async (c, next) => {
    await next()
    applySecurityHeaders(c.res.headers, config)
  }
}

/** Puts the security headers on an answer's, by its type; a Content-Security-Policy of the route's own wins. */
export function applySecurityHeaders(headers: Headers, config: Pick<Config, 'publicUrl'>): void {
  const record = securityHeaderRecord(config, headers.get('content-type') ?? '')
  for (const name in record)
    if (name !== 'content-security-policy' || !headers.has(name)) headers.set(name, record[name]!)
}
