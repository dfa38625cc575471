import { localDate, localMinuteOfDay } from '../../kernel/calendar/zoned-time'

/** '2026-11-30 17:30' in the city's time zone: how deadlines read in messages. */
export function formatInstant(instant: Date, timeZone: string): string {
  const minutes = Math.floor(localMinuteOfDay(instant, timeZone))
  return `${localDate(instant, timeZone)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
