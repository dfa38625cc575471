import { sql, type RawBuilder } from 'kysely'
import type { JobInsertStatement } from './jobs'

/**
 * pg-boss's insert of jobs (Jobs.insertStatementOf) as part of a larger statement (decision 0040):
 * its own text and defaults, with the jobs taken from SQL — `jobs`, a JSON array of { name, data },
 * or NULL for none — instead of its first parameter.
 */
export function insertJobsSql(statement: JobInsertStatement, jobs: RawBuilder<unknown>): RawBuilder<unknown> {
  // Split around $1, $2, …: even places are pg-boss's text, odd ones its parameter numbers.
  const parts = statement.text.split(/\$(\d+)/)
  return sql.join(
    parts.map((part, i) => {
      if (i % 2 === 0) return sql.raw(part)
      const n = Number(part)
      return n === 1 ? sql`(${jobs})` : sql`${statement.values[n - 1]}`
    }),
    sql``,
  )
}
