import { sql } from 'kysely'
import type { Executor } from './database'

/** One round trip to the database: what /healthz answers on. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`SELECT 1`.execute(db)
}
