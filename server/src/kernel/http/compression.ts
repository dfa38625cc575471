import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Answers smaller than this go as they are: a compressed frame would save nothing worth the work. */
export const COMPRESS_THRESHOLD_BYTES = 1024

/**
 * Answers up to this size are compressed on the event loop (brotli at quality 4: well under 0.1 ms for
 * a page of a list); larger ones on libuv's thread pool. Handing a small answer to the pool costs more
 * than compressing it, and the pool's four threads are shared with password hashing: a burst of
 * sign-ins would otherwise hold every page's answer behind it (decision 0031).
 */
export const INLINE_COMPRESS_MAX_BYTES = 16 * 1024

/**
 * Text the server makes per request: JSON (and problem+json), Open311's XML, the docs page and
 * index.html, CSV, Prometheus metrics. Never text/event-stream (a stream must flush as it goes), never
 * downloads that are compressed already (xlsx is a zip, images, PDFs) — those types are not listed.
 */
const COMPRESSIBLE =
  /^(application\/(json|xml|[\w.+-]+\+json|[\w.+-]+\+xml|javascript)|text\/(html|xml|csv|plain|css|javascript))\b/i

export type AnswerEncoding = 'br' | 'gzip'

/**
 * The encoding to answer with, from an Accept-Encoding header: brotli when the client takes it
 * (smaller than gzip for JSON at a cheap quality), else gzip, else none. q=0 refuses an encoding; `*`
 * stands for any not named.
 */
export function chooseEncoding(header: string | undefined): AnswerEncoding | null {
  if (!header) return null
  // Browsers send the same few values again and again: each is parsed once (a bounded memo).
  let chosen = encodingsChosen.get(header)
  if (chosen === undefined) {
    chosen = parseAcceptEncoding(header)
    if (encodingsChosen.size >= ENCODINGS_REMEMBERED) encodingsChosen.clear()
    encodingsChosen.set(header, chosen)
  }
  return chosen
}

const ENCODINGS_REMEMBERED = 64
const encodingsChosen = new Map<string, AnswerEncoding | null>()

function parseAcceptEncoding(header: string): AnswerEncoding | null {
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name.trim(), Number.isFinite(value) ? value : 0)
  }
  const weight = (encoding: AnswerEncoding) => q.get(encoding) ?? q.get('*') ?? 0
  const br = weight('br')
  const gz = weight('gzip')
  if (br <= 0 && gz <= 0) return null
  return br >= gz ? 'br' : 'gzip'
}

/**
 * Compresses the server's own text answers above the threshold, per Accept-Encoding, with
 * `Vary: Accept-Encoding`. Streams, ranges, HEAD, answers already encoded (the precompressed web
 * assets) and `Cache-Control: no-transform` pass untouched. Brotli at quality 4 and gzip at level 6;
 * small answers inline, large ones on libuv's thread pool (zlib's async calls).
 */
export function compressAnswers(options: { threshold?: number } = {}): MiddlewareHandler {
  const threshold = options.threshold ?? COMPRESS_THRESHOLD_BYTES
  return async (c, next) => {
    await next()
    const res = c.res
    // Only the status and the headers before the client's Accept-Encoding: asking a JSON answer for
    // its body turns node-server's lightweight response into a whole web Response, and reading it
    // back goes through web streams — most of a small public answer's CPU (decision 0066). A client
    // that takes no encoding gets the answer as the route made it.
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return
    const headers = res.headers
    const type = headers.get('content-type') ?? ''
    if (
      headers.has('content-encoding') ||
      headers.has('transfer-encoding') ||
      !COMPRESSIBLE.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('cache-control') ?? '')
    )
      return
    const declared = headers.get('content-length')
    if (declared && Number(declared) < threshold) return
    const vary = headers.get('vary')
    const varied = vary && /(?:^|,)\s*(accept-encoding|\*)\s*(?:,|$)/i.test(vary)
    const encoding = chooseEncoding(c.req.header('accept-encoding'))
    if (!encoding) {
      // Another client's copy of this answer may be compressed: caches must tell them apart.
      if (!varied) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      return
    }
    if (!res.body) return
    const body = Buffer.from(await res.arrayBuffer())
    // Hono's c.res setter carries the old answer's headers over (cookies included) but the content
    // type: set that and ours after it.
    const answer = (payload: Buffer) => {
      c.res = new Response(payload, { status: res.status, statusText: res.statusText })
      const made = c.res.headers
      made.set('content-type', type)
      if (!varied) made.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      made.set('content-length', String(payload.length))
      return made
    }
    if (body.length < threshold) {
      answer(body)
      return
    }
    const inline = body.length <= INLINE_COMPRESS_MAX_BYTES
    const brotliOptions = {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }
    const compressed =
      encoding === 'br'
        ? inline
          ? zlib.brotliCompressSync(body, brotliOptions)
          : await brotli(body, brotliOptions)
        : inline
          ? zlib.gzipSync(body, { level: 6 })
          : await gzip(body, { level: 6 })
    const sent = answer(compressed)
    sent.set('content-encoding', encoding)
    const etag = sent.get('etag')
    if (etag && !etag.startsWith('W/')) sent.set('etag', `W/${etag}`)
  }
}
