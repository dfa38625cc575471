import type pg from 'pg'

/**
 * What a statement can do to the rows others read, judged from its text alone (decision 0068): open
 * or end a transaction, only read, or (anything else) write. Deliberately cautious — a statement is a
 * read only when it begins with SELECT, SHOW or EXPLAIN (after comments and parentheses) and names no
 * INSERT, UPDATE, DELETE or MERGE anywhere (a data-modifying CTE, `FOR UPDATE`, or the word in a
 * literal all count as writes). Taking a read for a write only costs a sync of the change feed;
 * the reverse would let a node serve an answer its own write had outdated.
 */
export type StatementKind = 'begin' | 'commit' | 'rollback' | 'neutral' | 'read' | 'write'

const LEADING_NOISE = /^(?:\s+|\/\*[\s\S]*?\*\/|--[^\n]*\n|\()*/
const WRITE_WORD = /\b(?:insert|update|delete|merge)\b/i

export function statementKind(text: string): StatementKind {
  const rest = text.replace(LEADING_NOISE, '')
  const word = /^[a-z]+/i.exec(rest)?.[0]?.toLowerCase() ?? ''
  switch (word) {
    case 'begin':
    case 'start':
      return 'begin'
    case 'commit':
    case 'end':
      return 'commit'
    case 'rollback':
    case 'abort':
      // ROLLBACK TO SAVEPOINT undoes part of a transaction that goes on.
      return /^rollback\s+(?:work\s+|transaction\s+)?to\b/i.test(rest) ? 'neutral' : 'rollback'
    case 'savepoint':
    case 'release':
      return 'neutral'
    case 'select':
    case 'with':
    case 'show':
    case 'explain':
    case 'values':
      return WRITE_WORD.test(rest) ? 'write' : 'read'
    case 'copy':
      // COPY … TO reads (copy-out.ts); COPY … FROM writes.
      return /\bto\s+stdout\b/i.test(rest) && !WRITE_WORD.test(rest) ? 'read' : 'write'
    default:
      return 'write'
  }
}

/**
 * Counts the writes this process has committed, for the change feed (change-feed.ts): a node that has
 * written something must not serve a kept answer until the feed has heard everything up to it.
 */
export class LocalWrites {
  #count = 0

  /** Writes committed so far (a write outside a transaction counts once it is done). */
  get count(): number {
    return this.#count
  }

  committed(): void {
    this.#count++
  }
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown
type EventEmitterLike = { once(event: string, listener: () => void): unknown }

/**
 * Makes a pool client report each committed write: a COMMIT after a write in its transaction, or a
 * write outside one, once its answer (or error — a failed COMMIT costs only a needless sync) is in.
 * The report runs before the caller's own continuation: whatever the caller does next — answer its
 * request, say — happens after the count has moved.
 */
export function reportCommittedWrites(client: pg.PoolClient, writes: LocalWrites): void {
  const query = client.query.bind(client) as QueryFn
  let inTransaction = false
  let wrote = false
  const send: QueryFn = (config, values, callback) => {
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text
    const kind = typeof text === 'string' ? statementKind(text) : 'write'
    let counts = false
    if (kind === 'begin') {
      inTransaction = true
      wrote = false
    } else if (kind === 'rollback') {
      inTransaction = false
      wrote = false
    } else if (kind === 'commit') {
      counts = wrote
      inTransaction = false
      wrote = false
    } else if (kind === 'write') {
      if (inTransaction) wrote = true
      else counts = true
    }
    if (!counts) return query(config, values, callback)
    const done = () => writes.committed()
    if (typeof values === 'function' || typeof callback === 'function') {
      // The callback form: report before the caller's callback runs.
      const cb = (typeof values === 'function' ? values : callback) as (...args: unknown[]) => void
      const wrapped = (...args: unknown[]) => {
        done()
        cb(...args)
      }
      return typeof values === 'function' ? query(config, wrapped) : query(config, values, wrapped)
    }
    const result = query(config, values) as Promise<unknown> | EventEmitterLike
    if (typeof (result as Promise<unknown>)?.then === 'function')
      (result as Promise<unknown>).then(done, done)
    else if (typeof (result as EventEmitterLike)?.once === 'function') {
      // A submittable (a COPY … FROM stream): done when it finishes or fails, whichever comes first.
      let reported = false
      const once = () => {
        if (reported) return
        reported = true
        done()
      }
      for (const event of ['finish', 'end', 'error', 'close']) (result as EventEmitterLike).once(event, once)
    } else done()
    return result
  }
  client.query = send as typeof client.query
}
