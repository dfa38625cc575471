import { addDays, localDate } from '../src/kernel/calendar/zoned-time'

/**
 * Dates as the city reads them, for tests: the suite runs with TZ=UTC and, in CI, once more with the
 * process clock just before midnight in Dalian on a holiday's eve, so no test may take a date from
 * UTC (`new Date().toISOString().slice(0, 10)` is yesterday in Dalian between 00:00 and 08:00).
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai'

export function cityToday(now: Date = new Date()): string {
  return localDate(now, CITY_TIME_ZONE)
}

export function cityDate(daysFromToday: number, now: Date = new Date()): string {
  return addDays(cityToday(now), daysFromToday)
}

export function cityYear(now: Date = new Date()): number {
  return Number(cityToday(now).slice(0, 4))
}
