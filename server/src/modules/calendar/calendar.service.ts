import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { resolveDayFrom, yearCoverage } from '../../kernel/calendar/calendar-source'
import { bumpCalendarRevision } from '../../kernel/calendar/calendar.queries'
import { CalendarError, parseClock, WorkingCalendar } from '../../kernel/calendar/working-calendar'
import { addDays, daysBetween, localDate } from '../../kernel/calendar/zoned-time'
import { currentLocale } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import type { NoticeInput } from './calendar.schema'
import * as q from './calendar.queries'

const MAX_RANGE_DAYS = 1100

/** Days in a range with their working status, and which years lack official data. Public. */
export async function listDays(deps: AppDeps, range: { from: string; to: string }) {
  const span = daysBetween(range.from, range.to)
  if (span < 0)
    throw new AppError('VALIDATION_FAILED', { fields: { to: translate('calendar.toBeforeFrom') } })
  if (span >= MAX_RANGE_DAYS)
    throw new AppError('VALIDATION_FAILED', {
      fields: { to: translate('calendar.rangeTooLong', { max: MAX_RANGE_DAYS }) },
    })
  const data = await deps.calendar.data(deps.db)
  const resolve = resolveDayFrom(data, currentLocale())
  const days = []
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(resolve(d))
  const years = []
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y++)
    years.push({ year: y, source: yearCoverage(data, y) })
  return { days, years }
}

/**
 * A due instant: `workingDays` counts whole working days after the start day and ends at the close of
 * working hours; `workingHours` counts working time from the start instant. Public.
 */
export async function computeDue(
  deps: AppDeps,
  input: { start: string; workingDays?: number | undefined; workingHours?: number | undefined },
) {
  const calendar = await deps.calendar.calendar(deps.db, currentLocale())
  const data = await deps.calendar.data(deps.db)
  const start = new Date(input.start)
  let due: Date
  try {
    due =
      input.workingDays !== undefined
        ? calendar.addWorkingDays(start, input.workingDays)
        : calendar.addWorkingMinutes(start, Math.round(input.workingHours! * 60))
  } catch (error) {
    if (error instanceof CalendarError)
      throw new AppError('VALIDATION_FAILED', { fields: { start: error.message } })
    throw error
  }
  const fromYear = Number(localDate(start, calendar.timeZone).slice(0, 4))
  const toYear = Number(localDate(due, calendar.timeZone).slice(0, 4))
  let usesFallback = false
  for (let y = fromYear; y <= toYear; y++) if (yearCoverage(data, y) === 'fallback') usesFallback = true
  return { start: start.toISOString(), due: due.toISOString(), usesFallback }
}

export async function getSettings(deps: AppDeps) {
  const data = await deps.calendar.data(deps.db)
  const fmt = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return {
    workingSlots: data.slots.map((s) => ({ start: fmt(s.start), end: fmt(s.end) })),
    timeZone: data.timeZone,
    version: data.revision,
  }
}

/** Changes the working hours of every working day. Refuses: FORBIDDEN, VALIDATION_FAILED (overlapping slots), VERSION_CONFLICT. */
export async function updateSettings(
  deps: AppDeps,
  actor: Actor,
  input: { version: number; workingSlots: { start: string; end: string }[] },
) {
  const admin = requireRole(actor, 'admin')
  try {
    new WorkingCalendar(
      () => ({ date: '', isWorkingDay: true, name: '', source: 'package' }),
      input.workingSlots.map((s) => ({ start: parseClock(s.start), end: parseClock(s.end) })),
      'UTC',
    )
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', { fields: { workingSlots: (error as Error).message } })
  }
  const before = await getSettings(deps)
  await deps.db.transaction().execute(async (tx) => {
    const updated = await q.updateSlots(tx, input.workingSlots, admin.userId, input.version)
    if (!updated) throw new AppError('VERSION_CONFLICT')
    await bumpCalendarRevision(tx, admin.userId)
    await writeAudit(tx, admin, {
      action: 'calendar.update_working_hours',
      entityType: 'calendar',
      entityId: 'settings',
      before: before.workingSlots,
      after: input.workingSlots,
    })
  })
  return getSettings(deps)
}

/** A working-day override as administrators read it, listed or just saved. */
const presentOverride = definePresenter({
  date: 'day',
  isWorkingDay: 'is_working_day',
  name: 'name',
  updatedAt: 'updated_at',
})

export async function listOverrides(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin')
  const rows = await q.findOverrides(deps.db)
  return rows.map(presentOverride)
}

/** A city-specific exception for one day (a local day off, or a day made working). Refuses: FORBIDDEN. */
export async function putOverride(
  deps: AppDeps,
  actor: Actor,
  date: string,
  input: { isWorkingDay: boolean; name: string },
) {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const before = await q.findOverride(tx, date)
    const row = await q.upsertOverride(tx, {
      day: date,
      isWorkingDay: input.isWorkingDay,
      name: input.name,
      userId: admin.userId,
    })
    await bumpCalendarRevision(tx, admin.userId)
    await writeAudit(tx, admin, {
      action: 'calendar.set_override',
      entityType: 'calendar_day',
      entityId: date,
      before: before ? { isWorkingDay: before.is_working_day, name: before.name } : null,
      after: input,
    })
    return presentOverride(row)
  })
}

/** Refuses: FORBIDDEN, NOT_FOUND. */
export async function removeOverride(deps: AppDeps, actor: Actor, date: string): Promise<void> {
  const admin = requireRole(actor, 'admin')
  await deps.db.transaction().execute(async (tx) => {
    const before = await q.findOverride(tx, date)
    if (!before || (await q.deleteOverride(tx, date)) === 0) throw notFound()
    await bumpCalendarRevision(tx, admin.userId)
    await writeAudit(tx, admin, {
      action: 'calendar.remove_override',
      entityType: 'calendar_day',
      entityId: date,
      before: { isWorkingDay: before.is_working_day, name: before.name },
    })
  })
}

export async function listNotices(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin')
  const [notices, days] = await Promise.all([q.findNotices(deps.db), q.findNoticeDays(deps.db)])
  return notices.map((n) => ({
    year: n.year,
    title: n.title,
    url: n.url,
    publishedOn: n.published_on,
    enteredAt: n.entered_at.toISOString(),
    days: days
      .filter((d) => d.day.startsWith(`${n.year}-`))
      .map((d) => ({ date: d.day, isWorkingDay: d.is_working_day, name: d.name })),
  }))
}

/** Turns a notice's holiday ranges and make-up days into day rows, checking each lies in the year. */
export function noticeDays(year: number, input: Pick<NoticeInput, 'holidays' | 'makeUpDays'>) {
  const fields: Record<string, string> = {}
  const days = new Map<string, { day: string; isWorkingDay: boolean; name: string }>()
  const inYear = (d: string) => d.startsWith(`${year}-`)
  input.holidays.forEach((h, i) => {
    if (h.to < h.from) fields[`holidays.${i}.to`] = translate('calendar.toBeforeFrom')
    else if (!inYear(h.from) || !inYear(h.to))
      fields[`holidays.${i}.from`] = translate('calendar.notInYear', { year })
    else if (daysBetween(h.from, h.to) > 15) fields[`holidays.${i}.to`] = translate('calendar.holidayTooLong')
    else
      for (let d = h.from; d <= h.to; d = addDays(d, 1))
        days.set(d, { day: d, isWorkingDay: false, name: h.name })
  })
  input.makeUpDays.forEach((m, i) => {
    if (!inYear(m.date)) fields[`makeUpDays.${i}.date`] = translate('calendar.notInYear', { year })
    else if (days.has(m.date)) fields[`makeUpDays.${i}.date`] = translate('calendar.makeUpIsHoliday')
    else days.set(m.date, { day: m.date, isWorkingDay: true, name: m.name })
  })
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day))
}

/**
 * Enters (or corrects) a year's State Council holiday notice; from then on that year follows it
 * instead of the package. No release needed when the notice comes out each November.
 * Refuses: FORBIDDEN, VALIDATION_FAILED (a day outside the year, a make-up day inside a holiday).
 */
export async function putNotice(deps: AppDeps, actor: Actor, year: number, input: NoticeInput) {
  const admin = requireRole(actor, 'admin')
  const days = noticeDays(year, input)
  await deps.db.transaction().execute(async (tx) => {
    const before = await q.findNotice(tx, year)
    await q.replaceNotice(
      tx,
      { year, title: input.title, url: input.url, publishedOn: input.publishedOn, userId: admin.userId },
      days,
    )
    await bumpCalendarRevision(tx, admin.userId)
    await writeAudit(tx, admin, {
      action: 'calendar.put_notice',
      entityType: 'calendar_notice',
      entityId: String(year),
      before: before ? { title: before.title } : null,
      after: { title: input.title, url: input.url, days },
    })
  })
  const [notice] = (await listNotices(deps, actor)).filter((n) => n.year === year)
  return notice!
}

/** Refuses: FORBIDDEN, NOT_FOUND. */
export async function removeNotice(deps: AppDeps, actor: Actor, year: number): Promise<void> {
  const admin = requireRole(actor, 'admin')
  await deps.db.transaction().execute(async (tx) => {
    const before = await q.findNotice(tx, year)
    if (!before) throw notFound()
    await q.deleteNotice(tx, year)
    await bumpCalendarRevision(tx, admin.userId)
    await writeAudit(tx, admin, {
      action: 'calendar.remove_notice',
      entityType: 'calendar_notice',
      entityId: String(year),
      before: { title: before.title },
    })
  })
}
