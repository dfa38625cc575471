/**
 * Local dates and times in an IANA time zone, without a date library. Dates are 'YYYY-MM-DD'
 * strings; a time of day is minutes since local midnight (fractions allowed).
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number }

/**
 * The last second asked per zone: a busy server asks "today" many times a second, and formatToParts
 * is the slowest thing a small public answer did (decision 0066). Whole seconds: every zone's offset,
 * the historical local mean times included, is a whole number of seconds.
 */
const lastSecond = new Map<string, { second: number; parts: Readonly<LocalParts> }>()

function localParts(instant: Date, timeZone: string): Readonly<LocalParts> {
  const second = Math.floor(instant.getTime() / 1000)
  const last = lastSecond.get(timeZone)
  if (last && last.second === second) return last.parts
  const parts = formatParts(instant, timeZone)
  lastSecond.set(timeZone, { second, parts })
  return parts
}

function formatParts(instant: Date, timeZone: string): Readonly<LocalParts> {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  }
}

/** Offset of the zone from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone)
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`
}

export function localMinuteOfDay(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone)
  return p.hour * 60 + p.minute + p.second / 60 + (instant.getTime() % 1000) / 60000
}

/** The instant at which the local clock in the zone shows `date` and `minuteOfDay`. */
export function zonedInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wallAsUtc = Date.UTC(y, m - 1, d) + Math.round(minuteOfDay * 60000)
  let guess = wallAsUtc - offsetMs(new Date(wallAsUtc), timeZone)
  // A second pass settles instants near an offset change (zones with daylight saving).
  guess = wallAsUtc - offsetMs(new Date(guess), timeZone)
  return new Date(guess)
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date)
  return w === 0 || w === 6
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const back = new Date(Date.UTC(y, m - 1, d))
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** '2026-11-30 17:30' in the given time zone: how deadlines and instants read in messages. */
export function formatInstant(instant: Date, timeZone: string): string {
  const minutes = Math.floor(localMinuteOfDay(instant, timeZone))
  return `${localDate(instant, timeZone)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
