import crypto from 'node:crypto'
import type { Context, TypedResponse } from 'hono'
import type { ChangeFeed } from '../db/change-feed'
import { chooseEncoding, encodeInline, type AnswerEncoding } from './compression'
import { finalAnswer } from './envelope'

/** Bytes that are not a shared buffer (what a Response body takes). */
type Bytes = Buffer<ArrayBuffer>

/**
 * A JSON answer already serialised (and compressed once asked for), kept with the fingerprint of the
 * rows it was built from (decision 0041). It is served again after a query, made for the request at
 * hand, finds the same fingerprint — or, on PostgreSQL with the change feed (decision 0068), without
 * asking, while the database has announced no change of its topics since it was built or checked.
 */
declare const shape: unique symbol

export type ValidatedAnswer<T = unknown> = {
  /** Only for the compiler: the body's type, so the route's answer stays typed. */
  readonly [shape]?: T
  /** Of the rows the answer shows, read in the same statement (snapshot) as the rows themselves. */
  fingerprint: string
  /** Its key while this node keeps it, else null (built for one request only). */
  key: string | null
  /** The answer changes at this instant with no write (a deadline passing turns "overdue" on); ms. */
  validUntil: number
  /** When it was built (ms): a clock set back before it does not trust it either. */
  builtAt: number
  /** The topics whose announcements outdate it, and the feed's mark when it was last known true. */
  watch: AnswerWatch | null
  json: Bytes
  etag: string
  encoded: Partial<Record<AnswerEncoding, Bytes>>
}

/** A deadline it shows has passed since it was built, or the clock was set back before it. */
function outdatedByClock(answer: ValidatedAnswer, now: number): boolean {
  return now >= answer.validUntil || now < answer.builtAt
}

/** What outdates an answer on the change feed: its topics, heard of after the mark. */
export type AnswerWatch = { topics: readonly string[]; mark: number }

/**
 * Validated answers of this node, by a key the caller builds from everything the answer depends on
 * besides the fingerprinted rows: the route, the caller (user, hence audience and role), the language
 * and the paging. Bounded by bytes: the oldest answer goes first; 0 bytes turns it off.
 */
export class ValidatedAnswerCache {
  readonly #entries = new Map<string, ValidatedAnswer>()
  #bytes = 0

  constructor(
    readonly maxBytes: number,
    private readonly feed: ChangeFeed | null = null,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0
  }

  /**
   * A watch on these topics from now: take it before reading the database for an answer (to build it
   * or to check its fingerprint), and hand it to `store` or `current`. Null without a change feed.
   */
  watch(topics: readonly string[]): AnswerWatch | null {
    return this.feed ? { topics, mark: this.feed.mark() } : null
  }

  /**
   * The kept answer for a key when the change feed vouches for it: nothing it watches announced since
   * it was last known true, every write of this node heard back, and the clock has not outdated it.
   */
  trusted<T>(key: string, now: number): ValidatedAnswer<T> | undefined {
    const entry = this.#entries.get(key)
    if (!entry?.watch || !this.feed?.unchangedSince(entry.watch.topics, entry.watch.mark)) return undefined
    return outdatedByClock(entry, now) ? undefined : (entry as ValidatedAnswer<T>)
  }

  /** The watch when the feed still vouches for it now (nothing heard since its mark), else null. */
  #holding(watch: AnswerWatch | null | undefined): AnswerWatch | null {
    return watch && this.feed?.unchangedSince(watch.topics, watch.mark) ? watch : null
  }

  /** The kept answer for a key, whatever its fingerprint (the caller checks it against the database). */
  peek(key: string): ValidatedAnswer | undefined {
    return this.#entries.get(key)
  }

  /**
   * The kept answer when it was built from rows with this fingerprint and the clock has not outdated
   * it. With a watch taken before the fingerprint was read, the feed vouches for it again from then.
   */
  current<T>(
    key: string,
    fingerprint: string,
    now: number,
    watch?: AnswerWatch | null,
  ): ValidatedAnswer<T> | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.fingerprint !== fingerprint || outdatedByClock(entry, now)) {
      this.#forget(key, entry)
      return undefined
    }
    const holding = this.#holding(watch)
    if (holding) entry.watch = holding
    // The key names the route, and a route keeps answers of one type under it.
    return entry as ValidatedAnswer<T>
  }

  /**
   * Serialises an answer; keeps it when a fingerprint was read with its rows. With a watch taken before
   * its rows were read, the feed vouches for it while nothing it watches is announced.
   */
  store<T>(
    key: string,
    body: T,
    fingerprint: string | null,
    builtAt: number,
    validUntil = Number.POSITIVE_INFINITY,
    watch: AnswerWatch | null = null,
  ): ValidatedAnswer<T> {
    const json = Buffer.from(JSON.stringify(body))
    const etag = `"${crypto.createHash('sha1').update(json).digest('base64url')}"`
    const kept = this.enabled && fingerprint !== null
    const answer: ValidatedAnswer<T> = {
      fingerprint: fingerprint ?? '',
      key: kept ? key : null,
      validUntil,
      builtAt,
      watch: kept ? this.#holding(watch) : null,
      json,
      etag,
      encoded: {},
    }
    if (!kept) return answer
    const old = this.#entries.get(key)
    if (old) this.#forget(key, old)
    this.#entries.set(key, answer)
    this.#grow(json.length)
    return answer
  }

  /** The answer in an encoding, compressed once and kept with it. */
  encoded(answer: ValidatedAnswer, encoding: AnswerEncoding): Bytes {
    let bytes = answer.encoded[encoding]
    if (!bytes) {
      bytes = encodeInline(answer.json, encoding)
      answer.encoded[encoding] = bytes
      // Counted only while the answer is still kept (a forgotten one is garbage after this request).
      if (answer.key !== null && this.#entries.get(answer.key) === answer) this.#grow(bytes.length)
    }
    return bytes
  }

  get size(): number {
    return this.#entries.size
  }

  get bytes(): number {
    return this.#bytes
  }

  #grow(bytes: number) {
    this.#bytes += bytes
    while (this.#bytes > this.maxBytes && this.#entries.size) {
      // Oldest first (a Map keeps insertion order): a full cache costs rebuilds, never memory.
      const [key, entry] = this.#entries.entries().next().value!
      this.#forget(key, entry)
    }
  }

  #forget(key: string, entry: ValidatedAnswer) {
    this.#entries.delete(key)
    this.#bytes -= entry.json.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0)
  }
}

/**
 * Sends a validated answer: 304 when the client already holds it (If-None-Match), else the JSON in
 * the encoding the client takes. `private, no-cache`: a browser may keep it but asks again each time,
 * so what it shows is never older than the database.
 */
export function sendValidatedAnswer<T>(
  c: Context,
  answers: ValidatedAnswerCache,
  answer: ValidatedAnswer<T>,
): TypedResponse<T, 200, 'json'> {
  // The bytes are the JSON of a T (or a 304 meaning the one the client holds): typed as c.json would.
  const typed = (res: Response) => res as unknown as TypedResponse<T, 200, 'json'>
  const headers: Record<string, string> = {
    etag: answer.etag,
    vary: 'Accept-Encoding',
    'cache-control': 'private, no-cache',
  }
  const held = c.req.header('if-none-match')
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === answer.etag))
    return typed(finalAnswer(c, null, 304, headers))
  const encoding = chooseEncoding(c.req.header('accept-encoding'))
  headers['content-type'] = 'application/json'
  if (!encoding) return typed(finalAnswer(c, answer.json, 200, headers))
  headers['content-encoding'] = encoding
  return typed(finalAnswer(c, answers.encoded(answer, encoding), 200, headers))
}

/** The client asked for an answer built now (Cache-Control: no-cache), not one kept from before. */
export function wantsFreshAnswer(c: Context): boolean {
  return /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(c.req.header('cache-control') ?? '')
}
