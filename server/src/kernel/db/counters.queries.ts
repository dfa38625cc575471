import { sql, type RawBuilder } from 'kysely'
import type { Tx } from './database'

/** Tables of one row per year and kind of case: `year`, `last` (the serials before decision 0027). */
export type CounterTable = 'appeal_counters' | 'benefit_claim_counters'

// Creating a year's sequence: two first filings of a year at once must not both try.
const CREATE_SEQUENCE_LOCK_KEY = 727_500_003

/** appeal_counters → appeal_numbers_2026: one PostgreSQL sequence per kind of case and year. */
export function yearlySequenceName(table: CounterTable, year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a year: ${year}`)
  return `${table.replace(/_counters$/, '')}_numbers_${year}`
}

export async function hasYearlySequence(tx: Tx, name: string): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean
  }>`SELECT to_regclass(${name}) IS NOT NULL AS present`.execute(tx)
  return rows[0]!.present
}

/**
 * Makes the year's sequence, starting after the serials the counter table gave out that year (so an
 * upgraded instance never repeats a number). Under an advisory lock held to commit, so a second
 * creator waits and then finds it made.
 */
export async function createYearlySequence(tx: Tx, table: CounterTable, year: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CREATE_SEQUENCE_LOCK_KEY})`.execute(tx)
  const name = yearlySequenceName(table, year)
  if (await hasYearlySequence(tx, name)) return
  const counted = await tx.selectFrom(table).select('last').where('year', '=', year).executeTakeFirst()
  const start = (counted?.last ?? 0) + 1
  await sql`CREATE SEQUENCE IF NOT EXISTS ${sql.id(name)} START WITH ${sql.lit(start)}`.execute(tx)
}

/**
 * The year's next serial. Taken from a sequence, so concurrent filings never wait for each other;
 * a rolled-back filing leaves a gap (decision 0027).
 */
export async function nextYearlySerial(tx: Tx, name: string): Promise<number> {
  const { rows } = await sql<{ serial: number }>`SELECT nextval(${name}::regclass) AS serial`.execute(tx)
  return Number(rows[0]!.serial)
}

/** The year's next serial as text, for a statement that numbers the row it inserts (evaluate it once). */
export function nextSerialTextSql(sequence: string): RawBuilder<string> {
  return sql<string>`nextval(${sequence}::regclass)::text`
}

/**
 * A serial (text, referenced as often as needed) in its readable form: the front, then at least six
 * digits, never cut — the same as formatSerial in readable-numbers.ts.
 */
export function readableNumberSql(prefix: string, serialText: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`${prefix} || lpad(${serialText}, greatest(6, length(${serialText})), '0')`
}
