import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Context } from 'hono'
import { boundedMemo } from '../bounded-memo'

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

const brotliOptions = (size: number) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size },
})

/** Brotli at quality 4 or gzip at level 6, on the event loop: for answers up to INLINE_COMPRESS_MAX_BYTES. */
export function encodeInline(bytes: Buffer, encoding: AnswerEncoding): Buffer<ArrayBuffer> {
  return encoding === 'br'
    ? zlib.brotliCompressSync(bytes, brotliOptions(bytes.length))
    : zlib.gzipSync(bytes, { level: 6 })
}

/** The same on libuv's thread pool, for larger answers. */
export function encodeOffLoop(bytes: Buffer, encoding: AnswerEncoding): Promise<Buffer<ArrayBuffer>> {
  return encoding === 'br' ? brotli(bytes, brotliOptions(bytes.length)) : gzip(bytes, { level: 6 })
}

/**
 * The encoding to answer with, from an Accept-Encoding header: brotli when the client takes it
 * (smaller than gzip for JSON at a cheap quality), else gzip, else none. q=0 refuses an encoding; `*`
 * stands for any not named.
 */
export function chooseEncoding(header: string | undefined): AnswerEncoding | null {
  return header ? encodingOf(header) : null
}

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

// Browsers send the same few values again and again: each is parsed once.
const encodingOf = boundedMemo(parseAcceptEncoding)

/**
 * Compresses the answer a route made (`c.res`), when it is the server's own text above the threshold,
 * per Accept-Encoding, with `Vary: Accept-Encoding`. Streams, ranges, HEAD, answers already encoded
 * (the precompressed web assets) and `Cache-Control: no-transform` pass untouched. Brotli at quality
 * 4 and gzip at level 6; small answers inline, large ones on libuv's thread pool (zlib's async calls).
 * A step of the request envelope (envelope.ts), after the route.
 */
export async function compressAnswer(c: Context): Promise<void> {
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
  if (declared && Number(declared) < COMPRESS_THRESHOLD_BYTES) return
  const vary = varyOnEncoding(headers.get('vary'))
  const encoding = chooseEncoding(c.req.header('accept-encoding'))
  if (!encoding) {
    // Another client's copy of this answer may be compressed: caches must tell them apart.
    if (vary) headers.set('vary', vary)
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
    if (vary) made.set('vary', vary)
    made.set('content-length', String(payload.length))
    return made
  }
  if (body.length < COMPRESS_THRESHOLD_BYTES) {
    answer(body)
    return
  }
  const compressed =
    body.length <= INLINE_COMPRESS_MAX_BYTES
      ? encodeInline(body, encoding)
      : await encodeOffLoop(body, encoding)
  const sent = answer(compressed)
  sent.set('content-encoding', encoding)
  const etag = sent.get('etag')
  if (etag) sent.set('etag', weakEtag(etag))
}

/**
 * The Vary an answer that may go compressed needs — another client's copy of it may be compressed,
 * and caches must tell them apart — or undefined when it already varies on Accept-Encoding (or `*`).
 */
export function varyOnEncoding(vary: string | null | undefined): string | undefined {
  if (vary && /(?:^|,)\s*(accept-encoding|\*)\s*(?:,|$)/i.test(vary)) return undefined
  return vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
}

/** A compressed answer's ETag is weak: the same content, other bytes than the uncompressed one's. */
export function weakEtag(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`
}
