import type { Executor } from '../db/database'
import type { Locale } from '../context'
import {
  findAllCalendarDays,
  findAllCalendarNotices,
  findCalendarRevision,
  findCalendarSettings,
} from './calendar.queries'
import { packageCoversYear, packageException } from './holiday-package'
import { parseClock, WorkingCalendar, type DayInfo, type Slot } from './working-calendar'
import { isWeekend } from './zoned-time'

export type CalendarData = {
  revision: number
  timeZone: string
  slots: Slot[]
  overrides: Map<string, { isWorkingDay: boolean; name: string }>
  noticeDays: Map<string, { isWorkingDay: boolean; name: string }>
  noticeYears: Set<number>
}

export type YearCoverage = { year: number; source: 'notice' | 'package' | 'fallback' }

/**
 * Decides one day, in this order: a city override; for a year with an admin-entered notice, that
 * notice (its listed days, else the weekday rule); for a year the package covers, the package;
 * otherwise weekends only — marked 'fallback' so callers can say no official data exists.
 */
export function resolveDayFrom(data: CalendarData, locale: Locale = 'zh-CN'): (date: string) => DayInfo {
  return (date) => {
    const override = data.overrides.get(date)
    if (override) return { date, ...override, source: 'override' }
    const year = Number(date.slice(0, 4))
    if (data.noticeYears.has(year)) {
      const listed = data.noticeDays.get(date)
      if (listed) {
        const name = listed.isWorkingDay ? makeUpDayName(listed.name, locale) : listed.name
        return { date, isWorkingDay: listed.isWorkingDay, name, source: 'notice' }
      }
      return { date, isWorkingDay: !isWeekend(date), name: '', source: 'notice' }
    }
    if (packageCoversYear(year)) {
      const exception = packageException(date)
      if (!exception) return { date, isWorkingDay: !isWeekend(date), name: '', source: 'package' }
      const holidayName = locale === 'en' ? exception.nameEn : exception.nameZh
      const name = exception.isWorkingDay ? makeUpDayName(holidayName, locale) : holidayName
      return { date, isWorkingDay: exception.isWorkingDay, name, source: 'package' }
    }
    return { date, isWorkingDay: !isWeekend(date), name: '', source: 'fallback' }
  }
}

export function makeUpDayName(holidayName: string, locale: Locale): string {
  return locale === 'en' ? `${holidayName} (make-up working day)` : `${holidayName}调休`
}

export function yearCoverage(data: CalendarData, year: number): YearCoverage['source'] {
  if (data.noticeYears.has(year)) return 'notice'
  if (packageCoversYear(year)) return 'package'
  return 'fallback'
}

export async function loadCalendarData(db: Executor): Promise<CalendarData> {
  const [settings, days, notices] = await Promise.all([
    findCalendarSettings(db),
    findAllCalendarDays(db),
    findAllCalendarNotices(db),
  ])
  const overrides = new Map<string, { isWorkingDay: boolean; name: string }>()
  const noticeDays = new Map<string, { isWorkingDay: boolean; name: string }>()
  for (const d of days) {
    ;(d.source === 'override' ? overrides : noticeDays).set(d.day, {
      isWorkingDay: d.is_working_day,
      name: d.name,
    })
  }
  return {
    revision: settings.version,
    timeZone: settings.time_zone,
    slots: settings.working_slots.map((s) => ({ start: parseClock(s.start), end: parseClock(s.end) })),
    overrides,
    noticeDays,
    noticeYears: new Set(notices.map((n) => n.year)),
  }
}

/**
 * Hands out WorkingCalendars built from the database, rebuilt only when the calendar revision moved
 * (any node's change bumps it), so every deadline in the city uses the same data.
 */
export class CalendarSource {
  private cached: { data: CalendarData; calendars: Map<Locale, WorkingCalendar> } | undefined

  async data(db: Executor): Promise<CalendarData> {
    const revision = await findCalendarRevision(db)
    if (this.cached?.data.revision !== revision) {
      this.cached = { data: await loadCalendarData(db), calendars: new Map() }
    }
    return this.cached.data
  }

  async calendar(db: Executor, locale: Locale = 'zh-CN'): Promise<WorkingCalendar> {
    const data = await this.data(db)
    const calendars = this.cached!.calendars
    let calendar = calendars.get(locale)
    if (!calendar) {
      calendar = new WorkingCalendar(resolveDayFrom(data, locale), data.slots, data.timeZone)
      calendars.set(locale, calendar)
    }
    return calendar
  }
}
