import crypto from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { ANONYMOUS } from '../auth/actor'
import { pickLocale, runInRequestContext } from '../context'
import { clientAddress } from './client-address'
import {
  chooseEncoding,
  compressAnswer,
  COMPRESS_THRESHOLD_BYTES,
  encodeInline,
  INLINE_COMPRESS_MAX_BYTES,
  varyOnEncoding,
  weakEtag,
} from './compression'
import { applySecurityHeaders, securityHeaderRecord } from './security-headers'
import type { AppDeps, AppEnv } from './app-env'

/**
 * The kernel's one layer around every request (decision 0069): before the route, the request id, the
 * language, the client's address and the async context; after it, the answer's compression, the
 * request id and security headers on the answer, the metrics and the access log.
 *
 * One layer, not three: each Hono layer is a dispatch, a closure and promises, and on Node 20 every
 * promise also pays AsyncLocalStorage's hook. And an answer a route made whole (`finalAnswer`) is
 * left as it is: it already carries every header the kernel adds, in a plain record node-server writes
 * straight to the socket. Touching an answer's headers afterwards makes them a web Headers object
 * (validated and sorted, then copied back into a record) — with the compression check, that was a
 * third of a kept read's CPU.
 */
export function requestEnvelope(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID()
    const ip = clientAddress(c.req.header('x-forwarded-for'), socketAddress(c), deps.config.trustedProxyHops)
    c.set('deps', deps)
    c.set('actor', ANONYMOUS)
    c.set('requestId', requestId)
    c.set('ip', ip)
    // A header or status set before the answer is made (a cookie) must reach the client: Hono's own
    // answer carries it, so finalAnswer falls back to Hono's for such a request.
    const { header, status: setStatus, json, text, html } = c
    c.header = ((name: string, value?: string, options?: { append?: boolean }) => {
      setEarly.add(c)
      header(name, value, options)
    }) as typeof c.header
    c.status = (code) => {
      setEarly.add(c)
      setStatus(code)
    }
    c.json = ((object: unknown, arg?: number | ResponseInit, headers?: Record<string, string>) =>
      honoAnswers(c, arg)
        ? json(object as never, arg as never, headers)
        : textAnswer(
            c,
            JSON.stringify(object),
            JSON_TYPE,
            arg as number | undefined,
            headers,
          )) as typeof c.json
    c.text = ((body: string, arg?: number | ResponseInit, headers?: Record<string, string>) =>
      honoAnswers(c, arg)
        ? text(body, arg as never, headers)
        : textAnswer(c, body, TEXT_TYPE, arg as number | undefined, headers)) as typeof c.text
    c.html = ((body: unknown, arg?: number | ResponseInit, headers?: Record<string, string>) =>
      honoAnswers(c, arg) || typeof body !== 'string'
        ? html(body as never, arg as never, headers)
        : textAnswer(c, body, HTML_TYPE, arg as number | undefined, headers)) as typeof c.html
    const locale = pickLocale(languageAsked(c) ?? c.req.header('accept-language'))
    await runInRequestContext({ requestId, locale, ip }, next)
    if (!finalAnswers.has(c.res)) {
      // Built assets were compressed at build time (decision 0028).
      if (!c.req.path.startsWith('/assets/')) await compressAnswer(c)
      // On the answer's own headers: Hono's c.header() on a finished answer asks it bodyUsed, which
      // turns node-server's lightweight response into a web Response read back through web streams.
      const headers = c.res.headers
      headers.set('x-request-id', requestId)
      applySecurityHeaders(headers, deps.config)
    }
    const route = c.req.routePath || 'unmatched'
    const status = c.res.status
    const seconds = (performance.now() - started) / 1000
    deps.metrics.http.record(c.req.method, route, status, seconds)
    deps.logger.info(
      { requestId, method: c.req.method, path: c.req.path, status, ms: Math.round(seconds * 1000) },
      'request',
    )
  }
}

/** Hono's own answer where a ResponseInit was given or a header or status set early; else one made whole. */
function honoAnswers(c: Context, arg: unknown): boolean {
  return typeof arg === 'object' || setEarly.has(c)
}

/** Answers a route made whole: the envelope adds nothing to them. */
const finalAnswers = new WeakSet<Response>()
/** Requests whose route set a header or the status with c.header() or c.status() before answering. */
const setEarly = new WeakSet<Context>()

/**
 * An answer made whole by its route: its body as it goes on the wire (already compressed when it is
 * compressed), its own headers, and the kernel's — the request id and the security headers (a route's
 * own Content-Security-Policy wins, as on every answer), added to `headers`, which becomes the
 * answer's own (not to be reused). The envelope leaves it untouched (decision 0069). Where a header
 * was set earlier with c.header() (a cookie), Hono's own answer carries it and the envelope finishes
 * that one as any other.
 */
export function finalAnswer(
  c: Context,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: number,
  headers: Record<string, string>,
): Response {
  const deps = (c as Context<AppEnv>).get('deps')
  if (!deps || setEarly.has(c))
    return body === null ? c.body(null, status as 200, headers) : c.body(body, status as 200, headers)
  // The route's record is the answer's: the kernel's headers go in beside its own (its CSP wins).
  const security = securityHeaderRecord(deps.config, headers['content-type'] ?? '')
  for (const name in security)
    if (name !== 'content-security-policy' || !headers[name]) headers[name] = security[name]!
  headers['x-request-id'] = (c as Context<AppEnv>).get('requestId')
  const answer = new Response(body, { status, headers })
  finalAnswers.add(answer)
  return answer
}

const JSON_TYPE = 'application/json'
const TEXT_TYPE = 'text/plain; charset=UTF-8'
const HTML_TYPE = 'text/html; charset=UTF-8'

/**
 * c.json, c.text and c.html as the envelope makes them: the text compressed here when it is above the
 * threshold and the client takes an encoding, and answered whole (finalAnswer). Without this, the
 * answer's size was learnt afterwards by reading its body back through web streams — for a small
 * answer, more CPU than the route itself (decision 0069). Answers larger than the inline limit, and
 * those given a ResponseInit or made after c.header(), are Hono's own, finished by the envelope.
 */
function textAnswer(
  c: Context,
  text: string,
  type: string,
  arg: number | undefined,
  given: Record<string, string> | undefined,
): Response {
  const status = arg ?? 200
  const headers: Record<string, string> = { 'content-type': type }
  if (given) for (const name in given) headers[name.toLowerCase()] = given[name]!
  // Three bytes at most for each UTF-16 unit: below the threshold whatever its characters.
  if (text.length * 3 < COMPRESS_THRESHOLD_BYTES || status === 204 || status === 304)
    return finalAnswer(c, text, status, headers)
  const bytes = Buffer.from(text)
  if (bytes.length < COMPRESS_THRESHOLD_BYTES) return finalAnswer(c, bytes, status, headers)
  // Larger ones go to the thread pool, after the route (compressAnswer); no-transform is not ours to touch.
  if (bytes.length > INLINE_COMPRESS_MAX_BYTES) return c.body(bytes, status as 200, headers)
  if (/no-transform/i.test(headers['cache-control'] ?? '')) return finalAnswer(c, bytes, status, headers)
  const vary = varyOnEncoding(headers.vary)
  if (vary) headers.vary = vary
  const encoding = chooseEncoding(c.req.header('accept-encoding'))
  if (!encoding) return finalAnswer(c, bytes, status, headers)
  headers['content-encoding'] = encoding
  if (headers.etag) headers.etag = weakEtag(headers.etag)
  return finalAnswer(c, encodeInline(bytes, encoding), status, headers)
}

/** `?lang=` when the URL has it: most requests have no query at all, and parsing one costs. */
function languageAsked(c: Context): string | undefined {
  return c.req.url.includes('lang=') ? c.req.query('lang') : undefined
}

/** The peer's address, from node-server's bindings; none for a request injected without a socket (tests). */
function socketAddress(c: Context): string | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress
}
