import type { WorkingCalendar } from '../../server/src/kernel/calendar/working-calendar'

const DAY = 86_400_000
const MINUTE = 60_000

/**
 * The server's working calendar, precomputed over a range of days so that generating a million
 * appeals' deadlines takes seconds: working minutes become a running total, and "add n working
 * minutes" a binary search. Same answers as WorkingCalendar inside the range (checked by
 * assertMatches before use), for a zone with a fixed UTC offset (Asia/Shanghai).
 */
export class FastWorkingTime {
  private readonly firstDay: number
  private readonly startOf: Float64Array // working minutes before each day
  private readonly isWorking: Uint8Array
  private readonly slots: readonly { start: number; end: number }[]
  private readonly perDay: number

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly offsetMs: number,
    from: Date,
    to: Date,
  ) {
    this.slots = calendar.slots
    this.perDay = calendar.minutesPerDay
    this.firstDay = this.dayOf(from.getTime())
    const days = this.dayOf(to.getTime()) - this.firstDay + 2
    this.startOf = new Float64Array(days + 1)
    this.isWorking = new Uint8Array(days)
    for (let d = 0; d < days; d++) {
      const date = new Date((this.firstDay + d) * DAY).toISOString().slice(0, 10)
      this.isWorking[d] = calendar.isWorkingDay(date) ? 1 : 0
      this.startOf[d + 1] = this.startOf[d]! + (this.isWorking[d] ? this.perDay : 0)
    }
  }

  private dayOf(t: number): number {
    return Math.floor((t + this.offsetMs) / DAY)
  }

  private index(t: number): number {
    const d = this.dayOf(t) - this.firstDay
    if (d < 0 || d >= this.isWorking.length)
      throw new Error(`instant outside the precomputed range: ${new Date(t).toISOString()}`)
    return d
  }

  /** Working minutes from the start of the range to `t`. */
  total(t: number): number {
    const d = this.index(t)
    if (!this.isWorking[d]) return this.startOf[d]!
    const minute = ((t + this.offsetMs) % DAY) / MINUTE
    let inDay = 0
    for (const s of this.slots) inDay += Math.max(0, Math.min(minute, s.end) - s.start)
    return this.startOf[d]! + inDay
  }

  between(from: number, to: number): number {
    return to <= from ? 0 : this.total(to) - this.total(from)
  }

  /** The instant `minutes` working minutes after `t` (the end of a slot when it lands exactly there). */
  add(t: number, minutes: number): number {
    const target = this.total(t) + minutes
    let lo = this.index(t)
    let hi = this.isWorking.length - 1
    if (this.startOf[hi + 1]! < target) throw new Error('working time beyond the precomputed range')
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.startOf[mid + 1]! >= target && (minutes > 0 || this.startOf[mid + 1]! > target)) hi = mid
      else lo = mid + 1
    }
    let remaining = target - this.startOf[lo]!
    const dayStart = (this.firstDay + lo) * DAY - this.offsetMs
    for (const s of this.slots) {
      if (remaining <= s.end - s.start) return dayStart + (s.start + remaining) * MINUTE
      remaining -= s.end - s.start
    }
    return dayStart + this.slots.at(-1)!.end * MINUTE
  }

  /** The end of working hours of the n-th working day after t's local day. */
  addWorkingDays(t: number, n: number): number {
    let d = this.index(t)
    let remaining = n
    if (n === 0) {
      while (!this.isWorking[d]) d++
    } else {
      while (remaining > 0) {
        d++
        if (this.isWorking[d]) remaining--
      }
    }
    return (this.firstDay + d) * DAY - this.offsetMs + this.slots.at(-1)!.end * MINUTE
  }

  /** Compares with the server's calendar on sampled instants; throws on the first difference. */
  assertMatches(samples: number[]): void {
    for (const t of samples) {
      const at = new Date(t)
      for (const minutes of [0.5, 30, 419, 420, 421, 2000, 4200]) {
        const mine = this.add(t, minutes)
        const theirs = this.calendar.addWorkingMinutes(at, minutes).getTime()
        if (Math.abs(mine - theirs) > 1000)
          throw new Error(
            `add(${at.toISOString()}, ${minutes}): ${new Date(mine).toISOString()} ≠ ${new Date(theirs).toISOString()}`,
          )
      }
      const later = new Date(t + 9 * DAY + 3_600_000)
      const mine = this.between(t, later.getTime())
      const theirs = this.calendar.workingMinutesBetween(at, later)
      if (Math.abs(mine - theirs) > 0.02) throw new Error(`between(${at.toISOString()}): ${mine} ≠ ${theirs}`)
      const days = this.addWorkingDays(t, 10)
      if (days !== this.calendar.addWorkingDays(at, 10).getTime())
        throw new Error(`addWorkingDays(${at.toISOString()})`)
    }
  }
}
