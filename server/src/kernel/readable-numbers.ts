import { cityYear } from './calendar/city-today'
import { cityProfile } from './city'
import { nextYearlySerial, type CounterTable } from './db/counters.queries'
import type { Tx } from './db/database'
import type { AppDeps } from './http/app-env'

/**
 * A number a person reads out on the phone: the city's prefix, the kind of case if any, the local
 * year and a gapless serial — DL-2026-000123 (an appeal), DL-ZC-2026-000001 (a benefit claim).
 */
export async function nextReadableNumber(
  deps: AppDeps,
  tx: Tx,
  counter: CounterTable,
  now: Date,
  kind?: string,
): Promise<string> {
  const year = cityYear(deps, now)
  const serial = await nextYearlySerial(tx, counter, year)
  const prefix = cityProfile(deps.config.city).appealPrefix
  return [prefix, kind, year, String(serial).padStart(6, '0')].filter(Boolean).join('-')
}
