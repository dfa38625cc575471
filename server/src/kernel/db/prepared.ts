import crypto from 'node:crypto'
import { CompiledQuery, sql, type RawBuilder } from 'kysely'
import type pg from 'pg'

/**
 * Named (prepared) statements for the hot paths (decision 0040). A statement whose text begins with
 * this mark is sent under a name made from its text, so each connection parses and plans it once and
 * afterwards only binds and executes it. Opt-in, because every name stays on its connection for the
 * connection's life: only statements whose text does not grow with their input (no `IN` lists, no
 * multi-row VALUES) may be marked, which bounds the names to the marked statements in the code.
 */
export const PREPARE_MARK = '/* prepared */ '

/** Marks a `sql` statement to be prepared on each connection. */
export function prepared<T>(statement: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(PREPARE_MARK)}${statement}`
}

/** Marks a compiled builder query to be prepared on each connection. */
export function preparedQuery<R>(compiled: CompiledQuery<R>): CompiledQuery<R> {
  return CompiledQuery.raw(PREPARE_MARK + compiled.sql, [...compiled.parameters]) as CompiledQuery<R>
}

// A safety bound: were a marked text to vary with its input, past this many the rest go unnamed.
const MAX_NAMES = 500
const names = new Map<string, string>()

function nameOf(text: string): string | undefined {
  let name = names.get(text)
  if (name === undefined && names.size < MAX_NAMES) {
    name = `ys_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`
    names.set(text, name)
  }
  return name
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown

/**
 * Makes a pool client send marked statements as named ones. A prepared `SELECT *` fails once with
 * "cached plan must not change result type" (0A000) when a migration changed the table under a
 * running node: the connection then prepares its statements again under fresh names.
 */
export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn
  let generation = 0
  const send: QueryFn = (config, values, callback) => {
    if (typeof config !== 'string' || !config.startsWith(PREPARE_MARK) || typeof callback === 'function')
      return query(config, values, callback)
    const name = nameOf(config)
    if (name === undefined) return query(config, values)
    const named = { name: `${name}_${generation}`, text: config, values: values ?? [] }
    return (query(named) as Promise<unknown>).catch((error: { code?: string }) => {
      if (error.code === '0A000') generation++
      throw error
    })
  }
  client.query = send as typeof client.query
}
