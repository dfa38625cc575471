import type { CalendarDay, HolidayNotice, NoticeBody } from './calendar.api'

/*
 * Calendar arithmetic on 'YYYY-MM-DD' strings through UTC dates: a calendar date has no time zone,
 * and UTC arithmetic never meets a daylight-saving jump of the device's zone.
 */
const toUtc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}
const toIso = (date: Date) => date.toISOString().slice(0, 10)

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso)
  date.setUTCDate(date.getUTCDate() + days)
  return toIso(date)
}

/** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
export function weekdayIndex(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7
}

export function isWeekend(iso: string): boolean {
  return weekdayIndex(iso) >= 5
}

export type Month = { year: number; month: number } // month 1–12

export function shiftMonth({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

export function monthOf(iso: string): Month {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }
}

export type GridCell = { date: string; isInMonth: boolean }

/** The month as whole weeks, Monday first: 4 to 6 rows of 7 cells. */
export function monthGrid({ year, month }: Month): GridCell[][] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`
  const start = addDays(first, -weekdayIndex(first))
  const next = shiftMonth({ year, month }, 1)
  const firstOfNext = `${next.year}-${String(next.month).padStart(2, '0')}-01`
  const weeks: GridCell[][] = []
  for (let cursor = start; cursor < firstOfNext;) {
    const week: GridCell[] = []
    for (let i = 0; i < 7; i++) {
      week.push({ date: cursor, isInMonth: cursor.slice(0, 7) === first.slice(0, 7) })
      cursor = addDays(cursor, 1)
    }
    weeks.push(week)
  }
  return weeks
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUp'

/**
 * What the cell shows: a named non-working day is a holiday; a working Saturday or Sunday is a
 * make-up working day (调休); an unnamed non-working day is an ordinary weekend.
 */
export function dayKind(day: CalendarDay): DayKind {
  if (day.isWorkingDay) return isWeekend(day.date) ? 'makeUp' : 'workday'
  return day.name ? 'holiday' : isWeekend(day.date) ? 'weekend' : 'holiday'
}

/**
 * A saved notice lists single days; the form edits ranges. Consecutive days off with the same
 * name become one holiday; working days are the make-up days.
 */
export function noticeToBody(notice: HolidayNotice): NoticeBody {
  const days = [...notice.days].sort((a, b) => a.date.localeCompare(b.date))
  const holidays: NoticeBody['holidays'] = []
  for (const day of days.filter((d) => !d.isWorkingDay)) {
    const last = holidays[holidays.length - 1]
    if (last && last.name === day.name && addDays(last.to, 1) === day.date) last.to = day.date
    else holidays.push({ name: day.name, from: day.date, to: day.date })
  }
  return {
    title: notice.title,
    url: notice.url,
    publishedOn: notice.publishedOn,
    holidays,
    makeUpDays: days.filter((d) => d.isWorkingDay).map((d) => ({ name: d.name, date: d.date })),
  }
}
