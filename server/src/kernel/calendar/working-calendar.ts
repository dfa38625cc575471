import { addDays, localDate, localMinuteOfDay, zonedInstant } from './zoned-time'

/** Where a day's answer came from: the package, an admin-entered notice, a city override, or nothing known. */
export type DaySource = 'package' | 'notice' | 'override' | 'fallback'

export type DayInfo = { date: string; isWorkingDay: boolean; name: string; source: DaySource }
export type DayResolver = (date: string) => DayInfo

/** A working-time slot in minutes since local midnight, end exclusive: 09:00–12:00 is { start: 540, end: 720 }. */
export type Slot = { start: number; end: number }

export class CalendarError extends Error {}

// Ten years without a working day means the calendar data is broken; stop rather than loop forever.
const MAX_DAYS_SCANNED = 3660

/**
 * Working time over a day calendar and working-time slots, in one time zone. Pure: all data comes
 * in through the constructor, so the same inputs always give the same deadlines.
 */
export class WorkingCalendar {
  readonly slots: readonly Slot[]

  constructor(
    readonly resolveDay: DayResolver,
    slots: readonly Slot[],
    readonly timeZone: string,
  ) {
    if (slots.length === 0) throw new CalendarError('A working day needs at least one working-time slot')
    const sorted = [...slots].sort((a, b) => a.start - b.start)
    sorted.forEach((s, i) => {
      if (!(s.start >= 0 && s.end <= 1440 && s.start < s.end))
        throw new CalendarError('Invalid working-time slot')
      if (i > 0 && s.start < sorted[i - 1]!.end) throw new CalendarError('Working-time slots overlap')
    })
    this.slots = sorted
  }

  isWorkingDay(date: string): boolean {
    return this.resolveDay(date).isWorkingDay
  }

  /** Working minutes in one working day (420 for 09:00–12:00 and 13:30–17:30). */
  get minutesPerDay(): number {
    return this.slots.reduce((sum, s) => sum + s.end - s.start, 0)
  }

  /**
   * The end of working hours of the n-th working day after the local day of `start`; the start day
   * itself is not counted. n = 0 gives the end of the start day if it is a working day, else of the next one.
   */
  addWorkingDays(start: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new CalendarError('n must be a non-negative integer')
    let date = localDate(start, this.timeZone)
    let remaining = n
    if (n === 0) {
      date = this.nextWorkingDate(date)
    } else {
      for (let scanned = 0; remaining > 0; scanned++) {
        if (scanned > MAX_DAYS_SCANNED + n) throw new CalendarError('No working day found')
        date = addDays(date, 1)
        if (this.isWorkingDay(date)) remaining--
      }
    }
    return zonedInstant(date, this.slots.at(-1)!.end, this.timeZone)
  }

  /**
   * Counts `minutes` of working time forward from `start` (from the next working slot when `start` is
   * outside working time). Ending exactly at a slot's end gives that end, not the next slot's start.
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new CalendarError('minutes must be non-negative')
    let remaining = minutes
    let date = localDate(start, this.timeZone)
    let fromMinute = localMinuteOfDay(start, this.timeZone)
    for (let scanned = 0; scanned <= MAX_DAYS_SCANNED + minutes / this.minutesPerDay; scanned++) {
      if (this.isWorkingDay(date)) {
        for (const slot of this.slots) {
          const segmentStart = Math.max(slot.start, fromMinute)
          if (segmentStart >= slot.end) continue
          const available = slot.end - segmentStart
          if (remaining <= available) return zonedInstant(date, segmentStart + remaining, this.timeZone)
          remaining -= available
        }
      }
      date = addDays(date, 1)
      fromMinute = 0
    }
    throw new CalendarError('No working time found')
  }

  /** Working minutes between two instants (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to <= from) return 0
    const lastDate = localDate(to, this.timeZone)
    const toMinute = localMinuteOfDay(to, this.timeZone)
    let date = localDate(from, this.timeZone)
    let fromMinute = localMinuteOfDay(from, this.timeZone)
    let total = 0
    for (;;) {
      const untilMinute = date === lastDate ? toMinute : 1440
      if (this.isWorkingDay(date)) {
        for (const slot of this.slots) {
          const a = Math.max(slot.start, fromMinute)
          const b = Math.min(slot.end, untilMinute)
          if (b > a) total += b - a
        }
      }
      if (date === lastDate) return total
      date = addDays(date, 1)
      fromMinute = 0
    }
  }

  /** The first working date on or after `date`. */
  nextWorkingDate(date: string): string {
    let d = date
    for (let scanned = 0; scanned <= MAX_DAYS_SCANNED; scanned++) {
      if (this.isWorkingDay(d)) return d
      d = addDays(d, 1)
    }
    throw new CalendarError('No working day found')
  }
}

/** Parses 'HH:MM' into minutes since midnight ('24:00' allowed as the end of a day). */
export function parseClock(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value)
  if (!match) throw new CalendarError(`Not a clock time: ${value}`)
  const minutes = Number(match[1]) * 60 + Number(match[2])
  if (minutes > 1440) throw new CalendarError(`Not a clock time: ${value}`)
  return minutes
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
