import { localDate } from './zoned-time'

/**
 * "Today" is the city's date, never the server's or UTC's: computed here and nowhere else, so a
 * request at 00:30 in Dalian (16:30 UTC the day before) reads the same date as the people using it.
 */
export function cityToday(deps: { config: { timeZone: string } }, now: Date = new Date()): string {
  return localDate(now, deps.config.timeZone)
}

/** The city's calendar year now: fiscal years and readable numbers follow it. */
export function cityYear(deps: { config: { timeZone: string } }, now: Date = new Date()): number {
  return Number(cityToday(deps, now).slice(0, 4))
}
