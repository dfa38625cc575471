/**
 * Display formats. Times are shown in the city's zone (Asia/Shanghai, UTC+8 all year) whatever the
 * device's zone is, because deadlines and office hours are the city's.
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai'

const locales = { 'zh-CN': 'zh-CN', en: 'en-GB' } as const
const toLocale = (language: string) => (language === 'en' ? locales.en : locales['zh-CN'])

/** zh-CN keeps its own 2026/03/02 09:30; English shows ISO dates, 2026-03-02 09:30 (never 02/03/2026). */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  if (language === 'en') return `${cityDateOf(date)} ${cityClock.format(date)}`
  return new Intl.DateTimeFormat(toLocale(language), {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date)
}

/** The city's wall-clock time, 09:30 (hourCycle h23: midnight is 00:00, not 24:00). */
const cityClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** A calendar date 'YYYY-MM-DD' is already the city's date: shown as is. */
export function formatIsoDate(isoDate: string | null | undefined): string {
  return isoDate ? isoDate : '—'
}

export function formatYuan(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—'
  return new Intl.NumberFormat(toLocale(language), {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 2,
  }).format(value)
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(toLocale(language)).format(value)
}

/** A month 'YYYY-MM' moved by `by` months (negative: back). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Today's date in the city, as 'YYYY-MM-DD'. */
export function cityToday(now: Date = new Date()): string {
  return cityDateOf(now)
}

export function cityDateOf(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

/** A wall-clock time in the city ('2026-03-02', '09:30' or '23:59:59') as an ISO instant with the +08:00 offset. */
export function cityInstant(date: string, time = '00:00'): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`
}

/** The city's wall-clock minute of an instant, as the minute pickers write it: 2026-03-02T09:30. */
export function cityMinuteOf(instant: Date): string {
  return `${cityDateOf(instant)}T${cityClock.format(instant)}`
}

/** A minute picked on the city's wall clock ('2026-03-02T09:30') as the instant it names, whatever the device's zone. */
export function cityMinuteInstant(minute: string): Date {
  const [date = '', time = '00:00'] = minute.split('T')
  return new Date(cityInstant(date, time))
}

/** A file size people read: 512 B, 2 KB, 3.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** "33.3%": a share as a percentage with at most one decimal; "—" when nothing was counted. */
export function formatPercent(value: number | null): string {
  if (value === null) return '—'
  const percent = Math.round(value * 1000) / 10
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`
}
