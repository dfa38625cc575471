import { sql } from 'kysely'
import type { Tx } from './database'

/** Tables of one row per year and kind of case: `year`, `last`. */
export type CounterTable = 'appeal_counters' | 'benefit_claim_counters'

/** The year's next serial, gapless: the counter row stays locked by the caller's transaction until commit. */
export async function nextYearlySerial(tx: Tx, table: CounterTable, year: number): Promise<number> {
  const row = await tx
    .insertInto(table)
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`${sql.ref(`${table}.last`)} + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow()
  return row.last
}
