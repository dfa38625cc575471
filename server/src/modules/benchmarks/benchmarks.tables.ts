import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the benchmarks module's tables, written to match server/migrations (change both in one commit). */

export type BenchmarkEntriesTable = {
  id: Generated<string>
  indicator_key: string
  year: number
  /** 1–12, or null for the whole year */
  month: number | null
  value: number
  source_organisation: string
  source_document: string
  /** 'YYYY-MM-DD' */
  source_date: string
  note: Generated<string>
  entered_by: string | null
  entered_at: Timestamp
  version: Generated<number>
}

export type BenchmarkCityValuesTable = {
  id: Generated<string>
  indicator_key: string
  city: string
  year: number
  value: number
  source_organisation: string
  source_document: string
  /** 'YYYY-MM-DD' */
  source_date: string
  is_demo: Generated<boolean>
  note: Generated<string>
  entered_by: string | null
  entered_at: Timestamp
  version: Generated<number>
}

declare module '../../kernel/db/schema' {
  interface DB {
    benchmark_entries: BenchmarkEntriesTable
    benchmark_city_values: BenchmarkCityValuesTable
  }
}
