import type { Json, Timestamp } from '../../kernel/db/schema'

/** Row types of the cockpit's tables (migration 0047), written to match it (change both in one commit). */

export type CockpitRollupMonthsTable = {
  month: string
  refreshed_at: Timestamp
}

export type CockpitMonthlyFiguresTable = {
  month: string
  department_key: string
  department_id: string | null
  /** the month's counts of the unit: cockpit.schema.ts FIGURE_KEYS */
  figures: Json<Record<string, number>>
}

declare module '../../kernel/db/schema' {
  interface DB {
    cockpit_rollup_months: CockpitRollupMonthsTable
    cockpit_monthly_figures: CockpitMonthlyFiguresTable
  }
}
