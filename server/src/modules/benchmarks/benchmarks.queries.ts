import type { Insertable, Selectable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { BenchmarkCityValuesTable, BenchmarkEntriesTable } from './benchmarks.tables'

/** The SQL of the bureau's entries: our entered values and the benchmark cities' values. */
export type EntryRow = Selectable<BenchmarkEntriesTable>
export type CityValueRow = Selectable<BenchmarkCityValuesTable>

/** Our entries up to the year: the latest counts, and the one before it gives the trend. */
export function findEntriesUpTo(db: Executor, year: number): Promise<EntryRow[]> {
  return db.selectFrom('benchmark_entries').selectAll().where('year', '<=', year).execute()
}

/** Every city's values up to the year: each city's latest counts (benchmark-gaps.ts bestOf). */
export function findCityValuesUpTo(db: Executor, year: number): Promise<CityValueRow[]> {
  return db
    .selectFrom('benchmark_city_values')
    .selectAll()
    .where('year', '<=', year)
    .orderBy('indicator_key')
    .orderBy('city')
    .orderBy('year', 'desc')
    .execute()
}

export function findEntry(tx: Tx, key: { indicatorKey: string; year: number; month: number | null }) {
  let query = tx
    .selectFrom('benchmark_entries')
    .selectAll()
    .where('indicator_key', '=', key.indicatorKey)
    .where('year', '=', key.year)
  query = key.month === null ? query.where('month', 'is', null) : query.where('month', '=', key.month)
  return query.forUpdate().executeTakeFirst()
}

export function insertEntry(tx: Tx, row: Insertable<BenchmarkEntriesTable>) {
  return tx.insertInto('benchmark_entries').values(row).returningAll().executeTakeFirstOrThrow()
}

export function replaceEntry(tx: Tx, id: string, row: Partial<Insertable<BenchmarkEntriesTable>>) {
  return tx
    .updateTable('benchmark_entries')
    .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findCityValue(tx: Tx, key: { indicatorKey: string; city: string; year: number }) {
  return tx
    .selectFrom('benchmark_city_values')
    .selectAll()
    .where('indicator_key', '=', key.indicatorKey)
    .where('city', '=', key.city)
    .where('year', '=', key.year)
    .forUpdate()
    .executeTakeFirst()
}

export function findCityValueById(tx: Tx, id: string) {
  return tx
    .selectFrom('benchmark_city_values')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export function insertCityValue(tx: Tx, row: Insertable<BenchmarkCityValuesTable>) {
  return tx.insertInto('benchmark_city_values').values(row).returningAll().executeTakeFirstOrThrow()
}

export function replaceCityValue(tx: Tx, id: string, row: Partial<Insertable<BenchmarkCityValuesTable>>) {
  return tx
    .updateTable('benchmark_city_values')
    .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function deleteCityValue(tx: Tx, id: string) {
  return tx.deleteFrom('benchmark_city_values').where('id', '=', id).execute()
}

export async function countCityValues(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('benchmark_city_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
