import { cityYear } from './calendar/city-today'
import { cityProfile } from './city'
import {
  createYearlySequence,
  hasYearlySequence,
  nextYearlySerial,
  yearlySequenceName,
  type CounterTable,
} from './db/counters.queries'
import type { Db, Tx } from './db/database'
import type { AppDeps } from './http/app-env'

// Sequences known to exist, per database (tests open many): one catalogue look-up per year and kind.
const knownSequences = new WeakMap<Db, Set<string>>()

/** Where a number comes from: its fixed front (DL-2026-, DL-ZC-2026-) and the sequence of its serial. */
export type ReadableNumberSource = { prefix: string; sequence: string }

/**
 * The front of the numbers for a kind of case in the city's year of `now`, and the year's sequence,
 * made on first use in the caller's transaction. For a statement that takes the serial itself
 * (readableNumberSql in the queries that insert a case); nextReadableNumber takes it separately.
 */
export async function readableNumberSource(
  deps: AppDeps,
  tx: Tx,
  counter: CounterTable,
  now: Date,
  kind?: string,
): Promise<ReadableNumberSource> {
  const year = cityYear(deps, now)
  const name = yearlySequenceName(counter, year)
  let known = knownSequences.get(deps.db)
  if (!known) knownSequences.set(deps.db, (known = new Set()))
  if (!known.has(name)) {
    // Remembered only once seen committed: a sequence made in this transaction goes if it rolls back.
    if (await hasYearlySequence(tx, name)) known.add(name)
    else await createYearlySequence(tx, counter, year)
  }
  return sourceOf(deps, name, year, kind)
}

/**
 * The same, without a transaction, when this process has already seen the year's sequence committed;
 * undefined when it has not (then readableNumberSource, in a transaction, looks and makes it).
 */
export function knownReadableNumberSource(
  deps: AppDeps,
  counter: CounterTable,
  now: Date,
  kind?: string,
): ReadableNumberSource | undefined {
  const year = cityYear(deps, now)
  const name = yearlySequenceName(counter, year)
  return knownSequences.get(deps.db)?.has(name) ? sourceOf(deps, name, year, kind) : undefined
}

function sourceOf(deps: AppDeps, sequence: string, year: number, kind?: string): ReadableNumberSource {
  const prefix = cityProfile(deps.config.city).appealPrefix
  return { prefix: `${[prefix, kind, year].filter(Boolean).join('-')}-`, sequence }
}

/** The serial in its readable form: six digits at least, never cut (readableNumberSql says the same in SQL). */
export function formatSerial(source: ReadableNumberSource, serial: number): string {
  return `${source.prefix}${String(serial).padStart(6, '0')}`
}

/**
 * A number a person reads out on the phone: the city's prefix, the kind of case if any, the local
 * year and a serial — DL-2026-000123 (an appeal), DL-ZC-2026-000001 (a benefit claim). The serial
 * comes from a sequence per kind and year, made on first use: unique and increasing, with gaps where
 * a filing rolled back (decision 0027).
 */
export async function nextReadableNumber(
  deps: AppDeps,
  tx: Tx,
  counter: CounterTable,
  now: Date,
  kind?: string,
): Promise<string> {
  const source = await readableNumberSource(deps, tx, counter, now, kind)
  return formatSerial(source, await nextYearlySerial(tx, source.sequence))
}
