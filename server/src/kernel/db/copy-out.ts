import type pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'

/**
 * Reading a large result with COPY … TO STDOUT (PostgreSQL only): the server streams rows in its
 * text format and they are split here as they arrive, without the per-row protocol messages and
 * type parsing of a query result — the matching population (a million enterprises and their facts)
 * loads several times faster this way (decision 0029). PGlite has no COPY to a client stream; the
 * embedded database keeps ordinary queries.
 */
export type CopyRow = (string | null)[]

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** One field of COPY's text format: `\N` is null; backslash escapes (\t, \n, \\, octal, \x hex) decoded. */
export function decodeCopyField(raw: string): string | null {
  if (raw === '\\N') return null
  if (!raw.includes('\\')) return raw
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16))
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8))
    return ESCAPES[e] ?? e
  })
}

/** Splits streamed COPY text output into rows; a row cut between two chunks waits for the rest. */
export class CopyTextParser {
  private rest: Buffer | null = null

  push(chunk: Buffer): CopyRow[] {
    const data = this.rest ? Buffer.concat([this.rest, chunk]) : chunk
    const end = data.lastIndexOf(0x0a)
    if (end < 0) {
      this.rest = data
      return []
    }
    this.rest = end + 1 < data.length ? data.subarray(end + 1) : null
    return parseLines(data.toString('utf8', 0, end))
  }

  /** What is left when the stream ends (COPY ends every row with a newline, so normally nothing). */
  end(): CopyRow[] {
    const rest = this.rest
    this.rest = null
    return rest && rest.length ? parseLines(rest.toString('utf8')) : []
  }
}

function parseLines(text: string): CopyRow[] {
  const lines = text.split('\n')
  const rows: CopyRow[] = new Array(lines.length)
  for (let i = 0; i < lines.length; i++) {
    const fields: CopyRow = lines[i]!.split('\t')
    for (let f = 0; f < fields.length; f++) {
      const v = fields[f]!
      if (v.includes('\\')) fields[f] = decodeCopyField(v)
    }
    rows[i] = fields
  }
  return rows
}

/**
 * Runs `COPY (<query>) TO STDOUT` on a connection of its own and hands the rows over a chunk at a
 * time. The query takes no parameters (COPY does not): callers inline only numbers they checked.
 * Answers how many rows were read.
 */
export async function copyOut(
  pool: pg.Pool,
  query: string,
  onRows: (rows: CopyRow[]) => void,
): Promise<number> {
  const client = await pool.connect()
  let count = 0
  try {
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`))
    const parser = new CopyTextParser()
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const rows = parser.push(chunk)
      count += rows.length
      if (rows.length) onRows(rows)
    }
    const rest = parser.end()
    count += rest.length
    if (rest.length) onRows(rest)
    client.release()
    return count
  } catch (error) {
    client.release(error as Error)
    throw error
  }
}

/** Runs a statement on the snapshot's connection: plain SQL with $n parameters, rows as pg gives them. */
export type SnapshotQuery = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>

/**
 * `COPY (<query>) TO STDOUT` on a connection of its own that reads what the caller's transaction reads:
 * a read-only REPEATABLE READ transaction importing `snapshot` (pg_export_snapshot() in the caller's
 * transaction, still open). The raw text format is handed over chunk by chunk, unparsed; then `after`
 * runs more statements in the same snapshot. PostgreSQL only. The query takes no parameters (COPY does
 * not): callers inline only values they checked.
 */
export async function copyOutInSnapshot<T>(
  pool: pg.Pool,
  snapshot: string,
  query: string,
  onChunk: (chunk: Buffer) => void,
  after: (run: SnapshotQuery) => Promise<T>,
): Promise<T> {
  if (!/^[0-9A-Fa-f-]+$/.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`)
  const client = await pool.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`)
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`))
    for await (const chunk of stream as AsyncIterable<Buffer>) onChunk(chunk)
    const result = await after(async (text, values) => (await client.query(text, values)).rows)
    await client.query('COMMIT')
    client.release()
    return result
  } catch (error) {
    // the connection may be mid-COPY or in a failed transaction: it is not given back to the pool
    client.release(error as Error)
    throw error
  }
}
