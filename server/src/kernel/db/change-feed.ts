import crypto from 'node:crypto'
import type pg from 'pg'
import type { Logger } from '../logger'
import type { LocalWrites } from './local-writes'

/** The application_name of each node's listening connection (pg_stat_activity shows it). */
export const CHANGE_FEED_CONNECTION_NAME = 'yingshang-changes'
/** The channel the database's triggers announce changes on (migration 0066). */
export const CHANGES_CHANNEL = 'yingshang_changes'
/** A topic that outdates every kept answer (a reference table renamed, a table truncated). */
export const EVERY_TOPIC = '*'
/** Topics remembered one by one; past this many, older ones count as changed for older marks. */
const TOPICS_KEPT = 100_000
const RECONNECT_MS = { first: 500, max: 30_000 }

/**
 * What the database says has changed, heard on one connection of this node's own (decision 0068):
 * triggers announce a topic (an enterprise member's list changed: `u:<user id>`) with `pg_notify`,
 * PostgreSQL delivers it to every listening node after the change commits, in commit order.
 *
 * An answer built at mark M (`mark()`, read before its query) stays true while `unchangedSince(its
 * topics, M)`: no announcement of its topics heard since, the connection not lost or re-made since,
 * and — `isCurrent()` — every write this node has committed already heard back. The last is how a
 * node reads its own writes: when it is asked for and the node has written since its last sync, the
 * feed asks the database to announce `sync:<node>:<n>` on the listening connection; that arrives
 * after every announcement of earlier commits, so when it is back, everything the node wrote has been
 * heard. Until then the caller asks the database. Asked for by reads, not after every write: a burst
 * of filings with nobody reading a kept answer costs no sync at all.
 *
 * Another node's change is heard a notification later (milliseconds); a lost connection outdates
 * everything until it is listening again.
 */
export class ChangeFeed {
  readonly #node = crypto.randomUUID()
  #client: pg.Client | null = null
  #listening = false
  #stopped = false
  #retryMs = RECONNECT_MS.first
  #retry: NodeJS.Timeout | null = null
  /** Every announcement heard, every loss and every (re)connection moves it. */
  #seq = 0
  /** The last mark at which everything changed (a loss, a new connection, an EVERY_TOPIC). */
  #everythingAt = 0
  readonly #lastChange = new Map<string, number>()
  /** Marks at or below this may have lost their topic's entry (the map was emptied). */
  #forgottenThrough = 0
  #syncedThrough = 0
  #syncing = false

  constructor(
    private readonly connect: () => pg.Client,
    private readonly writes: LocalWrites,
    private readonly logger: Logger,
  ) {
    this.#syncedThrough = writes.count
  }

  /** Connects and listens; returns at once (until it listens, `isCurrent()` is false). */
  start(): void {
    void this.#open()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#retry) clearTimeout(this.#retry)
    const client = this.#client
    this.#client = null
    this.#lost()
    await client?.end().catch(() => undefined)
  }

  /**
   * Listening, and every write this node committed has been heard back. When writes are not heard
   * back yet, asks for that (a sync) and answers false meanwhile.
   */
  isCurrent(): boolean {
    if (!this.#listening) return false
    if (this.#syncedThrough >= this.writes.count) return true
    this.#sync()
    return false
  }

  /** Taken before reading the database for an answer: what `unchangedSince` compares with. */
  mark(): number {
    return this.#seq
  }

  /** True when nothing announced for these topics, nor for everything, was heard after the mark. */
  unchangedSince(topics: readonly string[], mark: number): boolean {
    if (this.#everythingAt > mark || !this.isCurrent()) return false
    for (const topic of topics) {
      const changed = this.#lastChange.get(topic)
      if (changed === undefined ? mark < this.#forgottenThrough : changed > mark) return false
    }
    return true
  }

  async #open(): Promise<void> {
    if (this.#stopped) return
    const client = this.connect()
    this.#client = client
    client.on('notification', (message) => this.#heard(message.payload ?? EVERY_TOPIC))
    const fail = (error: unknown) => {
      if (this.#client !== client) return
      this.logger.warn({ err: error }, 'change feed: connection lost; kept answers are checked again')
      this.#client = null
      this.#lost()
      void client.end().catch(() => undefined)
      this.#scheduleReconnect()
    }
    client.on('error', fail)
    client.on('end', () => fail(new Error('connection ended')))
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGES_CHANNEL}`)
      if (this.#client !== client) return
      // Anything may have changed while nobody listened: marks before now are not trusted.
      this.#everythingAt = ++this.#seq
      this.#listening = true
      this.#retryMs = RECONNECT_MS.first
    } catch (error) {
      fail(error)
    }
  }

  #scheduleReconnect() {
    if (this.#stopped || this.#retry) return
    this.#retry = setTimeout(() => {
      this.#retry = null
      void this.#open()
    }, this.#retryMs)
    this.#retry.unref()
    this.#retryMs = Math.min(this.#retryMs * 2, RECONNECT_MS.max)
  }

  #lost() {
    this.#listening = false
    this.#syncing = false
    this.#everythingAt = ++this.#seq
  }

  #heard(payload: string) {
    if (payload.startsWith('sync:')) {
      const [, node, count] = payload.split(':')
      if (node === this.#node) {
        this.#syncedThrough = Math.max(this.#syncedThrough, Number(count))
        this.#syncing = false
      }
      return
    }
    const seq = ++this.#seq
    if (payload === EVERY_TOPIC) {
      this.#everythingAt = seq
      return
    }
    if (this.#lastChange.size >= TOPICS_KEPT) {
      this.#lastChange.clear()
      this.#forgottenThrough = seq
    }
    this.#lastChange.delete(payload) // re-inserted last: the map stays in order of change
    this.#lastChange.set(payload, seq)
  }

  /** Asks the database to announce this node's write count back (one request in flight at a time). */
  #sync() {
    const client = this.#client
    const count = this.writes.count
    if (!this.#listening || !client || this.#syncing || this.#syncedThrough >= count) return
    this.#syncing = true
    client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `sync:${this.#node}:${count}`]).catch(() => {
      // The connection's own error handler treats the loss; a refused statement is asked again by the next read.
      this.#syncing = false
    })
  }
}
