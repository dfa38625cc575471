/**
 * A year of a city's appeals, generated straight into a fresh PostgreSQL database: a million by
 * default, deterministic (seeded), consistent with the server's own rules. Each appeal lives a
 * simulated life — triage, dispatch (sometimes to the wrong department, returned and re-dispatched,
 * now and then arbitrated), sign-for, first contact, documented pauses, the reply, the enterprise's
 * rating or the auto-close, a reopened second cycle — cut at the moment T0. Deadline clocks are
 * computed with the server's own clock functions (startClock, fireDue, derivedColumns …) over the
 * city's working calendar, so due_at, next_check_at, fired and is_met are what the server would have
 * stored, and the sweep finds exactly the thresholds a live city would have at T0.
 *
 * Bulk load: plain indexes are dropped and rebuilt after (much faster than maintaining them row by
 * row), foreign-key triggers are off while loading (session_replication_role = replica; the rows
 * are generated consistent), rows go in by COPY, one stream per table, while the next batch is
 * being simulated. Not generated: audit rows (the chain is the server's), notifications,
 * clock-threshold events, return visits, extensions.
 *
 * Minutes are stored whole: the columns are int, and the server's budgetFor gives fractions of a
 * minute for working-day targets started inside working hours (a server bug, reported with the
 * bench; inserting such a value fails with 22P02).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { rebuildAppealReadModel } from '../../server/src/modules/appeals/appeal-settings.service'
import type { WorkingCalendar } from '../../server/src/kernel/calendar/working-calendar'
import type { AppDeps } from '../../server/src/kernel/http/app-env'
import {
  fireDue,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type Clock,
} from '../../server/src/modules/appeals/appeal-deadline-rules'
import { budgetFor, derivedColumns } from '../../server/src/modules/appeals/appeal-clock-store.service'
import {
  DEFAULT_APPEAL_SETTINGS,
  targetFor,
  type ClockKind,
  type Tier,
} from '../../server/src/modules/appeals/appeal-settings'
import { ratingOutcome } from '../../server/src/modules/appeals/appeal-states'
import { wordsOf } from '../../server/src/modules/appeals/words'
import { CATEGORY_DEFAULT, DEPARTMENT_PROFILES, generateAppeals } from './appeal-texts'
import { rngFor, type Rng } from './prng'
import { FastWorkingTime } from './working-time'

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
const SHANGHAI = 8 * HOUR

/** Tuesday 24 November 2026, 10:00 in Dalian: a working morning. */
export const DEFAULT_T0 = new Date('2026-11-24T02:00:00Z')
const SEED = 20_261_124
const TEXT_POOL = 50_000

export type AppealsDataInfo = {
  t0: Date
  appeals: number
  rows: Record<string, number>
  seconds: { texts: number; load: number; indexes: number; vacuum: number; total: number }
  departmentIds: Map<string, string>
  /** one staff user per role and profile department */
  staff: Map<string, { handler: string[]; head: string }>
  enterpriseUsers: { userId: string; enterpriseId: string }[]
}

// --- bulk load through COPY ------------------------------------------------------------------

type ColType = 'uuid' | 'text' | 'int' | 'bool' | 'ts' | 'textarr'

const NEEDS_ESCAPE = /[\\\t\n\r]/
const escapeCopy = (v: string) =>
  NEEDS_ESCAPE.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v

/** Rows of one table in COPY text format, sent in one COPY per batch. */
class Table {
  private lines: string[] = []
  private readonly isTime: boolean[]
  total = 0
  constructor(
    readonly name: string,
    readonly cols: readonly (readonly [string, ColType])[],
  ) {
    this.isTime = cols.map(([, t]) => t === 'ts')
  }
  get rows() {
    return this.lines.length
  }
  /** Timestamps come as epoch milliseconds, text[] as array literals. */
  private field(i: number, v: unknown): string {
    if (v === null || v === undefined) return '\\N'
    if (typeof v === 'number') return this.isTime[i] ? new Date(v).toISOString() : String(v)
    if (typeof v === 'boolean') return v ? 't' : 'f'
    return escapeCopy(v as string)
  }
  add(...values: unknown[]) {
    const fields: string[] = new Array(values.length)
    for (let i = 0; i < values.length; i++) fields[i] = this.field(i, values[i])
    this.lines.push(fields.join('\t'))
  }
  /** Replaces one column of a row added earlier in this batch. */
  patch(row: number, column: number, value: unknown) {
    const fields = this.lines[row]!.split('\t')
    fields[column] = this.field(column, value)
    this.lines[row] = fields.join('\t')
  }
  async copyTo(pool: pg.Pool): Promise<void> {
    if (this.lines.length === 0) return
    const text = this.lines.join('\n') + '\n'
    this.total += this.lines.length
    this.lines = []
    const client = await pool.connect()
    try {
      const stream = client.query(
        copyFrom(`COPY ${this.name} (${this.cols.map(([n]) => n).join(', ')}) FROM STDIN`),
      )
      await pipeline(Readable.from([text]), stream)
    } finally {
      client.release()
    }
  }
}

const arrayLiteral = (items: readonly string[]) =>
  `{${items.map((w) => `"${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`

// --- the simulated life of one appeal ---------------------------------------------------------

type Ctx = {
  t0: number
  fast: FastWorkingTime
  calendar: WorkingCalendar
  texts: { title: string; body: string; words: string; categoryCode: string; departmentCode: string }[]
  dept: Map<string, string>
  staff: Map<string, { handler: string[]; head: string }>
  enterpriseUsers: { userId: string; enterpriseId: string; phone: string }[]
  dispatcherId: string
  fallbackCode: string
  tables: Record<'appeals' | 'assignments' | 'clocks' | 'events' | 'ratings' | 'replies' | 'pauses', Table>
  serialByYear: Map<number, number>
}

const settings = DEFAULT_APPEAL_SETTINGS
const STEP = Math.round(settings.escalationStepWorkingHours * 60)
const TIER_OF: Record<string, Tier> = {
  utilities: 'fast',
  government_integrity: 'complex',
  safety_emergency: 'urgent',
}
const LEVELS_SOLVED: [number, number][] = [
  [5, 60],
  [4, 23],
  [3, 11],
  [2, 4],
  [1, 2],
]
const PROFILE_CODES = DEPARTMENT_PROFILES.map((d) => d.code)

/** A clock as the server keeps it, driven through its lifetime by the server's own functions. */
class SimClock {
  clock: Clock
  constructor(
    private readonly ctx: Ctx,
    readonly id: string,
    readonly kind: ClockKind,
    readonly cycle: number,
    public department: string,
    readonly assignmentId: string | null,
    readonly startedAt: number,
    tier: Tier,
  ) {
    const start = new Date(startedAt)
    // Whole minutes, as the columns are int (the server's budgetFor can give fractions: see the report).
    // The bench's clocks all count working time (a tier in clock hours has its own, simpler meter).
    this.clock = startClock(
      start,
      Math.round(budgetFor(targetFor(settings, tier, kind), start, ctx.calendar).minutes),
    )
  }
  /** Applies a change at `at` if it happened by T0; the sweep has fired every threshold passed before it. */
  private at(at: number, change: (c: Clock, d: Date) => Clock): void {
    if (at > this.ctx.t0 || this.clock.stoppedAt) return
    const d = new Date(at)
    const changed = change(fireDue(this.clock, d, this.ctx.calendar, STEP).clock, d)
    this.clock = { ...changed, elapsedMinutes: Math.round(changed.elapsedMinutes) }
  }
  pause(at: number) {
    this.at(at, (c, d) => pauseClock(c, d, this.ctx.calendar))
  }
  resume(at: number) {
    this.at(at, (c, d) => resumeClock(c, d))
  }
  stop(at: number) {
    this.at(at, (c, d) => stopClock(c, d, this.ctx.calendar))
  }
  get running() {
    return this.clock.stoppedAt === null
  }
  write(appealId: string) {
    if (!this.clock.stoppedAt && !this.clock.pausedSince)
      this.clock = fireDue(this.clock, new Date(this.ctx.t0), this.ctx.calendar, STEP).clock
    const c = derivedColumns(this.clock, this.ctx.calendar, settings)
    this.ctx.tables.clocks.add(
      this.id,
      appealId,
      this.assignmentId,
      this.kind,
      this.cycle,
      this.ctx.dept.get(this.department),
      this.startedAt,
      c.budget_minutes,
      c.elapsed_minutes,
      c.elapsed_at.getTime(),
      c.paused_since?.getTime() ?? null,
      c.stopped_at?.getTime() ?? null,
      c.due_at?.getTime() ?? null,
      `{${c.fired.join(',')}}`,
      c.next_check_at?.getTime() ?? null,
      c.escalation_level,
      c.is_met,
    )
  }
}

function simulate(ctx: Ctx, i: number, createdAt: number): void {
  const rng = rngFor(SEED, i)
  const { fast, t0, tables } = ctx
  const id = appealId(i)
  const text = ctx.texts[rng.int(0, ctx.texts.length)]!
  const category = text.categoryCode
  const trueDept = text.departmentCode
  let tier: Tier = TIER_OF[category] ?? 'normal'
  const r = rng.next()
  if (r < 0.03) tier = 'urgent'
  else if (r < 0.08) tier = 'fast'
  else if (r < 0.14) tier = 'complex'
  const channel = rng.weighted([
    ['mobile', 55],
    ['web', 25],
    ['hotline', 12],
    ['visit', 5],
    ['federation', 3],
  ] as const)
  // Some enterprises file far more than others.
  const who = ctx.enterpriseUsers[Math.floor(ctx.enterpriseUsers.length * rng.next() ** 2)]!
  const byEnterprise = channel === 'mobile' || channel === 'web'
  const local = new Date(createdAt + SHANGHAI)
  const year = local.getUTCFullYear()
  const serial = (ctx.serialByYear.get(year) ?? 0) + 1
  ctx.serialByYear.set(year, serial)

  let status = 'submitted'
  let version = 1
  let updatedAt = createdAt
  const a = {
    cycle: 1,
    returnCount: 0,
    reopenCount: 0,
    isBinding: false,
    firstDispatchedAt: null as number | null,
    firstContactAt: null as number | null,
    repliedAt: null as number | null,
    autoCloseAt: null as number | null,
    closedAt: null as number | null,
    closeReason: null as string | null,
    statusReason: null as string | null,
    mergedInto: null as string | null,
  }
  const event = (at: number, type: string, role: string | null, dept: string | null, visible = true) => {
    if (at > t0) return false
    tables.events.add(
      id,
      at,
      type,
      role,
      dept ? ctx.dept.get(dept) : null,
      visible ? 'enterprise' : 'internal',
    )
    version++
    updatedAt = at
    return true
  }
  tables.events.add(id, createdAt, 'filed', byEnterprise ? 'enterprise' : 'dispatcher', null, 'enterprise')

  const clocks: SimClock[] = []
  const finish = () => {
    tables.appeals.add(
      id,
      `DL-${year}-${String(serial).padStart(6, '0')}`,
      who.enterpriseId,
      byEnterprise ? who.userId : ctx.dispatcherId,
      channel,
      rng.uuid(),
      category,
      tier,
      text.title,
      text.body,
      text.words,
      byEnterprise ? who.phone : null,
      rng.chance(0.03),
      rng.chance(0.1),
      status,
      a.mergedInto,
      a.statusReason,
      a.isBinding,
      a.returnCount,
      a.reopenCount,
      a.cycle,
      a.firstDispatchedAt,
      a.firstContactAt,
      a.repliedAt,
      a.autoCloseAt,
      a.closedAt,
      a.closeReason,
      version,
      createdAt,
      updatedAt,
    )
    for (const c of clocks) c.write(id)
  }

  // Triage: the task force reads it within working hours.
  const triage = Math.min(rng.lognormal(50, 1), 900)
  const triagedAt = fast.add(createdAt, triage)
  const fate = rng.next()
  if (fate < 0.045) {
    const merged = fate < 0.02 && i > 100
    if (event(triagedAt, merged ? 'merge' : 'reject', 'dispatcher', null)) {
      status = merged ? 'merged' : 'rejected'
      a.closedAt = triagedAt
      a.closeReason = status
      a.statusReason = merged ? null : '不属于企业诉求受理范围，已告知企业通过其他渠道办理'
      if (merged) a.mergedInto = appealId(i - rng.int(1, 100))
    }
    return finish()
  }
  if (rng.chance(0.5) && event(fast.add(createdAt, triage * 0.4), 'accept', 'dispatcher', null))
    status = 'accepted'
  if (triagedAt > t0) return finish()

  // Dispatch, with the mis-routes the cold-start table causes (the category's department is not
  // the one that handles it), each returned and dispatched again.
  const categoryDept = CATEGORY_DEFAULT[category] ?? ctx.fallbackCode
  const leads: string[] = []
  if (rng.chance(categoryDept !== trueDept ? 0.3 : 0.03)) {
    leads.push(categoryDept !== trueDept ? categoryDept : otherThan(rng, trueDept))
    if (rng.chance(0.1)) leads.push(otherThan(rng, trueDept, leads[0]))
    if (leads.length === 2 && rng.chance(0.25)) leads.push(otherThan(rng, trueDept, leads[1]))
  }
  leads.push(trueDept)
  const arbitrated = leads.length === 4

  let t = triagedAt
  a.firstDispatchedAt = t
  const contact = new SimClock(ctx, rng.uuid(), 'first_contact', 1, leads[0]!, null, t, tier)
  const resolution = new SimClock(ctx, rng.uuid(), 'resolution', 1, leads[0]!, null, t, tier)
  clocks.push(contact, resolution)
  let sign: SimClock | undefined
  let signedAt = 0
  let finalLead = ''
  let coDept: string | null = null
  for (let k = 0; k < leads.length; k++) {
    const dept = leads[k]!
    const isFinal = k === leads.length - 1
    const assignmentId = rng.uuid()
    const staff = ctx.staff.get(dept)!
    const type = arbitrated && isFinal ? 'arbitrate' : 'dispatch'
    event(t, type, 'dispatcher', dept)
    status = 'dispatched'
    if (type === 'arbitrate') a.isBinding = true
    for (const c of [contact, resolution]) if (c.running) c.department = dept
    sign = new SimClock(ctx, rng.uuid(), 'sign_for', 1, dept, assignmentId, t, tier)
    clocks.push(sign)
    const signBudget = sign.clock.budgetMinutes
    const signAt = fast.add(t, Math.max(1, rng.lognormal(signBudget * 0.2, 0.9)))
    if (isFinal) {
      signedAt = signAt
      finalLead = dept
      if (rng.chance(0.05)) coDept = otherThan(rng, dept)
      const signed = signAt <= t0
      tables.assignments.add(
        assignmentId,
        id,
        ctx.dept.get(dept),
        'lead',
        true,
        t,
        ctx.dispatcherId,
        signed ? signAt : null,
        signed ? rng.pick(staff.handler) : null,
        null,
        null,
      )
      if (coDept)
        tables.assignments.add(
          rng.uuid(),
          id,
          ctx.dept.get(coDept),
          'co',
          true,
          t,
          ctx.dispatcherId,
          null,
          null,
          null,
          null,
        )
      if (signed) {
        event(signAt, 'sign_for', 'handler', dept)
        status = 'handling'
        sign.stop(signAt)
      }
      break
    }
    // A wrong department: it may sign first, then returns it within hours.
    const signsFirst = rng.chance(0.5)
    const returnedAt = fast.add(t, rng.lognormal(150, 0.7))
    const signed = signsFirst && signAt < returnedAt && signAt <= t0
    const returned = returnedAt <= t0
    tables.assignments.add(
      assignmentId,
      id,
      ctx.dept.get(dept),
      'lead',
      !returned,
      t,
      ctx.dispatcherId,
      signed ? signAt : null,
      signed ? rng.pick(staff.handler) : null,
      returned ? returnedAt : null,
      returned ? '经核实不属于本部门职责范围，建议转交相关部门办理' : null,
    )
    if (signed) {
      event(signAt, 'sign_for', 'handler', dept)
      status = 'handling'
      sign.stop(signAt)
    }
    if (!returned) return finish()
    event(returnedAt, 'return', 'handler', dept, false)
    sign.stop(returnedAt)
    a.returnCount++
    status = a.returnCount > settings.maxReturns ? 'arbitration' : 'returned'
    t = fast.add(returnedAt, rng.lognormal(status === 'arbitration' ? 300 : 60, 0.8))
    if (t > t0) return finish()
  }
  if (signedAt > t0) return finish()

  // Handling: first contact, perhaps a documented pause, a withdrawal now and then, the reply.
  const start = a.firstDispatchedAt
  const contactBudget = contact.clock.budgetMinutes
  const contactAt = Math.max(signedAt, fast.add(start, rng.lognormal(contactBudget * 0.3, 0.75)))
  let resolutionUsed =
    resolution.clock.budgetMinutes * (rng.chance(0.05) ? rng.lognormal(0.95, 0.3) : rng.lognormal(0.42, 0.45))
  resolutionUsed = Math.max(resolutionUsed, fast.between(start, contactAt) + 10)
  const pauses = rng.chance(0.06)
  const pauseFrom = pauses
    ? fast.add(contactAt, rng.next() * Math.max(0, resolutionUsed - fast.between(start, contactAt)))
    : 0
  const pauseUntil = pauses ? pauseFrom + rng.lognormal(2 * DAY, 0.6) : 0
  const usedBeforePause = pauses ? fast.between(start, pauseFrom) : 0
  const replyAt = pauses
    ? fast.add(pauseUntil, Math.max(1, resolutionUsed - usedBeforePause))
    : fast.add(start, resolutionUsed)
  const withdrawAt = rng.chance(0.015) ? start + rng.next() * (replyAt - start) : Infinity

  let openPauseRow = -1
  const steps: [number, () => void][] = []
  steps.push([
    contactAt,
    () => {
      if (event(contactAt, 'record_contact', 'handler', finalLead)) {
        a.firstContactAt = contactAt
        contact.stop(contactAt)
      }
    },
  ])
  if (pauses) {
    steps.push([
      pauseFrom,
      () => {
        if (!event(pauseFrom, 'pause', 'handler', finalLead)) return
        status = 'paused'
        const resumed = pauseUntil <= t0
        openPauseRow = tables.pauses.rows
        tables.pauses.add(
          rng.uuid(),
          id,
          rng.chance(0.7) ? 'awaiting_enterprise' : 'awaiting_third_party',
          '等待企业补充相关证明材料',
          pauseFrom,
          rng.pick(ctx.staff.get(finalLead)!.handler),
          resumed ? pauseUntil : null,
        )
        for (const c of clocks) c.pause(pauseFrom)
      },
    ])
    steps.push([
      pauseUntil,
      () => {
        if (!event(pauseUntil, 'resume', 'handler', finalLead)) return
        openPauseRow = -1
        status = 'handling'
        for (const c of clocks) c.resume(pauseUntil)
      },
    ])
  }
  steps.sort((x, y) => x[0] - y[0])
  for (const [at, step] of steps) {
    if (at > withdrawAt) break
    step()
  }
  if (withdrawAt <= replyAt) {
    if (event(withdrawAt, 'withdraw', 'enterprise', finalLead)) {
      status = 'withdrawn'
      a.closedAt = withdrawAt
      a.closeReason = 'withdrawn'
      a.statusReason = '问题已自行解决'
      for (const c of clocks) c.stop(withdrawAt)
      if (openPauseRow >= 0) tables.pauses.patch(openPauseRow, 6, withdrawAt)
    }
    return finish()
  }

  // Replies and ratings, cycle by cycle (a low rating or "not solved" reopens the appeal).
  let reply = replyAt
  let cycleClock = resolution
  for (;;) {
    if (!event(reply, 'reply', 'handler', finalLead)) return finish()
    tables.replies.add(
      rng.uuid(),
      id,
      a.cycle,
      ctx.dept.get(finalLead),
      '经核实，已协调相关科室按规定办理完毕，具体情况已电话告知企业。',
      'approved',
      rng.pick(ctx.staff.get(finalLead)!.handler),
      reply,
    )
    for (const c of clocks) if (c.kind !== 'sign_for') c.stop(reply)
    status = 'replied'
    a.repliedAt = reply
    a.firstContactAt ??= reply
    a.autoCloseAt = fast.addWorkingDays(reply, settings.autoCloseWorkingDays)
    const ratesAt = reply + rng.lognormal(0.8 * DAY, 1)
    const rates = rng.chance(0.78) && ratesAt < a.autoCloseAt
    if (!rates) {
      const closeAt = a.autoCloseAt + rng.next() * 10 * MINUTE
      if (event(closeAt, 'close_without_rating', null, null)) {
        status = 'closed'
        a.closedAt = closeAt
        a.closeReason = 'no_rating'
        a.autoCloseAt = null
      }
      return finish()
    }
    if (ratesAt > t0) return finish()
    const solved = rng.chance(a.cycle === 1 ? 0.93 : 0.97)
    const level = solved ? rng.weighted(LEVELS_SOLVED) : rng.chance(0.5) ? null : rng.int(1, 3)
    const outcome = a.cycle >= 3 ? 'confirm' : ratingOutcome({ solved, level })
    tables.ratings.add(rng.uuid(), id, a.cycle, solved, level, ratesAt)
    event(ratesAt, outcome, 'enterprise', null)
    a.autoCloseAt = null
    if (outcome === 'confirm') {
      status = 'closed'
      a.closedAt = ratesAt
      a.closeReason = 'solved'
      return finish()
    }
    a.cycle++
    a.reopenCount++
    a.repliedAt = null
    status = 'handling'
    cycleClock = new SimClock(ctx, rng.uuid(), 'resolution', a.cycle, finalLead, null, ratesAt, tier)
    clocks.push(cycleClock)
    reply = fast.add(ratesAt, cycleClock.clock.budgetMinutes * rng.lognormal(0.35, 0.5))
  }
}

function otherThan(rng: Rng, ...not: (string | undefined)[]): string {
  for (;;) {
    const code = rng.pick(PROFILE_CODES)
    if (!not.includes(code)) return code
  }
}

const appealId = (i: number) => rngFor(SEED + 1, i).uuid()

/**
 * When appeals arrive: more on working days and in office hours, growing over the year as more
 * enterprises use the platform. Returns N instants in order (the i-th appeal's filing time).
 */
function arrivalTimes(n: number, from: number, to: number, fast: FastWorkingTime): Float64Array {
  const bin = 10 * MINUTE
  const bins = Math.ceil((to - from) / bin)
  const cumulative = new Float64Array(bins + 1)
  const hourWeight = [
    0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.1, 0.3, 0.8, 1.6, 1.7, 1.5, 0.7, 0.8, 1.5, 1.6, 1.5, 1.1, 0.5, 0.4,
    0.35, 0.3, 0.2, 0.1,
  ]
  for (let b = 0; b < bins; b++) {
    const t = from + b * bin
    const hour = Math.floor(((t + SHANGHAI) % DAY) / HOUR)
    const working = fast.between(t - ((t + SHANGHAI) % DAY), t - ((t + SHANGHAI) % DAY) + DAY) > 0
    const growth = 0.8 + (0.4 * b) / bins
    cumulative[b + 1] = cumulative[b]! + hourWeight[hour]! * (working ? 1 : 0.2) * growth
  }
  const out = new Float64Array(n)
  const total = cumulative[bins]!
  let b = 0
  for (let i = 0; i < n; i++) {
    const target = ((i + 0.5) / n) * total
    while (cumulative[b + 1]! < target) b++
    const within = (target - cumulative[b]!) / (cumulative[b + 1]! - cumulative[b]!)
    out[i] = Math.round(from + (b + within) * bin)
  }
  return out
}

/** The same calendar, fast: what the clock functions need from WorkingCalendar. */
function fastCalendar(real: WorkingCalendar, fast: FastWorkingTime): WorkingCalendar {
  return {
    slots: real.slots,
    timeZone: real.timeZone,
    minutesPerDay: real.minutesPerDay,
    resolveDay: real.resolveDay,
    isWorkingDay: (date: string) => real.isWorkingDay(date),
    nextWorkingDate: (date: string) => real.nextWorkingDate(date),
    addWorkingMinutes: (start: Date, minutes: number) => new Date(fast.add(start.getTime(), minutes)),
    workingMinutesBetween: (from: Date, to: Date) => fast.between(from.getTime(), to.getTime()),
    addWorkingDays: (start: Date, n: number) => new Date(fast.addWorkingDays(start.getTime(), n)),
  } as WorkingCalendar
}

// --- the load -----------------------------------------------------------------------------------

const LOADED_TABLES = [
  'appeals',
  'appeal_assignments',
  'appeal_clocks',
  'appeal_events',
  'appeal_ratings',
  'appeal_replies',
  'appeal_pauses',
]

/** A text pool (title, body, their jieba words) shared by the data and the routing bench. */
let corpus:
  { title: string; body: string; words: string[]; categoryCode: string; departmentCode: string }[] | undefined
export function appealCorpus(count = TEXT_POOL) {
  if (!corpus || corpus.length < count)
    corpus = generateAppeals(SEED, count).map((a) => ({ ...a, words: wordsOf(`${a.title} ${a.body}`) }))
  return corpus.slice(0, count)
}

export async function generateAppealsData(
  deps: AppDeps,
  databaseUrl: string,
  options: { appeals: number; t0?: Date; log?: (line: string) => void },
): Promise<AppealsDataInfo> {
  const log = options.log ?? (() => undefined)
  const started = performance.now()
  const t0 = (options.t0 ?? DEFAULT_T0).getTime()
  const from = t0 - 365 * DAY
  const realCalendar = await deps.calendar.calendar(deps.db)
  const fast = new FastWorkingTime(
    realCalendar,
    SHANGHAI,
    new Date(from - 10 * DAY),
    new Date(t0 + 400 * DAY),
  )
  const probe = rngFor(SEED, -7)
  fast.assertMatches(Array.from({ length: 300 }, () => from + probe.next() * 365 * DAY))
  const calendar = fastCalendar(realCalendar, fast)

  // Who is who: departments, an account per enterprise, handlers and a head per department.
  const departments = await deps.db.selectFrom('departments').select(['id', 'code']).execute()
  const dept = new Map(departments.map((d) => [d.code!, d.id]))
  for (const p of DEPARTMENT_PROFILES)
    if (!dept.has(p.code)) throw new Error(`no department ${p.code} in the seed`)
  const dispatcher = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'dispatcher')
    .executeTakeFirstOrThrow()
  const enterprises = await deps.db.selectFrom('enterprises').select('id').orderBy('uscc').execute()
  const ids = rngFor(SEED, -3)
  const enterpriseUsers = enterprises.map((e, k) => ({
    userId: ids.uuid(),
    enterpriseId: e.id,
    phone: `138${String(k).padStart(8, '0')}`,
  }))
  const staff = new Map<string, { handler: string[]; head: string }>()
  const staffRows: { id: string; username: string; code: string }[] = []
  for (const p of DEPARTMENT_PROFILES) {
    const s = { handler: [ids.uuid(), ids.uuid(), ids.uuid()], head: ids.uuid() }
    staff.set(p.code, s)
    s.handler.forEach((id, k) =>
      staffRows.push({ id, username: `bench-handler-${p.code}-${k}`, code: p.code }),
    )
    staffRows.push({ id: s.head, username: `bench-head-${p.code}`, code: p.code })
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('users')
      .values([
        ...enterpriseUsers.map((u) => ({
          id: u.userId,
          kind: 'enterprise' as const,
          phone: u.phone,
          display_name: u.phone,
        })),
        ...staffRows.map((s) => ({
          id: s.id,
          kind: 'staff' as const,
          username: s.username,
          display_name: s.username,
          department_id: dept.get(s.code)!,
        })),
      ])
      .execute()
    await tx
      .insertInto('enterprise_members')
      .values(
        enterpriseUsers.map((u) => ({
          enterprise_id: u.enterpriseId,
          user_id: u.userId,
          role: 'manager' as const,
        })),
      )
      .execute()
    await tx
      .insertInto('user_roles')
      .values(
        staffRows.map((s) => ({
          user_id: s.id,
          role: s.username.startsWith('bench-head') ? ('department_head' as const) : ('handler' as const),
          department_id: dept.get(s.code)!,
        })),
      )
      .execute()
  })

  let mark = performance.now()
  const texts = appealCorpus().map((t) => ({ ...t, words: arrayLiteral(t.words) }))
  const textSeconds = (performance.now() - mark) / 1000
  log(`texts: ${texts.length} in ${textSeconds.toFixed(1)} s`)

  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 8,
    application_name: 'yingshang-bench-load',
    options: '-c session_replication_role=replica -c synchronous_commit=off -c maintenance_work_mem=1GB',
  })
  try {
    // Plain indexes go now and come back after the load.
    const { rows: indexes } = await pool.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [LOADED_TABLES],
    )
    for (const ix of indexes) await pool.query(`DROP INDEX ${ix.indexname}`)

    const tables: Ctx['tables'] = {
      appeals: new Table('appeals', [
        ['id', 'uuid'],
        ['number', 'text'],
        ['enterprise_id', 'uuid'],
        ['submitted_by', 'uuid'],
        ['channel', 'text'],
        ['idempotency_key', 'text'],
        ['category_code', 'text'],
        ['tier', 'text'],
        ['title', 'text'],
        ['body', 'text'],
        ['words', 'textarr'],
        ['contact_phone', 'text'],
        ['hide_identity', 'bool'],
        ['is_public', 'bool'],
        ['status', 'text'],
        ['merged_into', 'uuid'],
        ['status_reason', 'text'],
        ['is_binding', 'bool'],
        ['return_count', 'int'],
        ['reopen_count', 'int'],
        ['cycle', 'int'],
        ['first_dispatched_at', 'ts'],
        ['first_contact_at', 'ts'],
        ['replied_at', 'ts'],
        ['auto_close_at', 'ts'],
        ['closed_at', 'ts'],
        ['close_reason', 'text'],
        ['version', 'int'],
        ['created_at', 'ts'],
        ['updated_at', 'ts'],
      ]),
      assignments: new Table('appeal_assignments', [
        ['id', 'uuid'],
        ['appeal_id', 'uuid'],
        ['department_id', 'uuid'],
        ['role', 'text'],
        ['is_current', 'bool'],
        ['dispatched_at', 'ts'],
        ['dispatched_by', 'uuid'],
        ['signed_at', 'ts'],
        ['signed_by', 'uuid'],
        ['returned_at', 'ts'],
        ['return_reason', 'text'],
      ]),
      clocks: new Table('appeal_clocks', [
        ['id', 'uuid'],
        ['appeal_id', 'uuid'],
        ['assignment_id', 'uuid'],
        ['kind', 'text'],
        ['cycle', 'int'],
        ['department_id', 'uuid'],
        ['started_at', 'ts'],
        ['budget_minutes', 'int'],
        ['elapsed_minutes', 'int'],
        ['elapsed_at', 'ts'],
        ['paused_since', 'ts'],
        ['stopped_at', 'ts'],
        ['due_at', 'ts'],
        ['fired', 'textarr'],
        ['next_check_at', 'ts'],
        ['escalation_level', 'int'],
        ['is_met', 'bool'],
      ]),
      events: new Table('appeal_events', [
        ['appeal_id', 'uuid'],
        ['at', 'ts'],
        ['type', 'text'],
        ['actor_role', 'text'],
        ['department_id', 'uuid'],
        ['audience', 'text'],
      ]),
      ratings: new Table('appeal_ratings', [
        ['id', 'uuid'],
        ['appeal_id', 'uuid'],
        ['cycle', 'int'],
        ['solved', 'bool'],
        ['level', 'int'],
        ['rated_at', 'ts'],
      ]),
      replies: new Table('appeal_replies', [
        ['id', 'uuid'],
        ['appeal_id', 'uuid'],
        ['cycle', 'int'],
        ['department_id', 'uuid'],
        ['body', 'text'],
        ['status', 'text'],
        ['written_by', 'uuid'],
        ['written_at', 'ts'],
      ]),
      pauses: new Table('appeal_pauses', [
        ['id', 'uuid'],
        ['appeal_id', 'uuid'],
        ['reason', 'text'],
        ['note', 'text'],
        ['started_at', 'ts'],
        ['started_by', 'uuid'],
        ['ended_at', 'ts'],
      ]),
    }
    const ctx: Ctx = {
      t0,
      fast,
      calendar,
      texts,
      dept,
      staff,
      enterpriseUsers,
      dispatcherId: dispatcher.id,
      fallbackCode: 'DL-YSJ',
      tables,
      serialByYear: new Map(),
    }

    mark = performance.now()
    const arrivals = arrivalTimes(options.appeals, from, t0, fast)
    const chunk = 20_000
    let inFlight: Promise<unknown>[] = []
    for (let startIndex = 0; startIndex < options.appeals; startIndex += chunk) {
      const end = Math.min(options.appeals, startIndex + chunk)
      for (let i = startIndex; i < end; i++) {
        simulate(ctx, i, arrivals[i]!)
        // Let the event loop stream the previous batch to PostgreSQL meanwhile (its core is idle otherwise).
        if (i % 500 === 499) await new Promise(setImmediate)
      }
      await Promise.all(inFlight)
      inFlight = Object.values(tables).map((table) => table.copyTo(pool))
      if ((end / chunk) % 10 === 0) log(`  ${end} appeals…`)
    }
    await Promise.all(inFlight)
    const loadSeconds = (performance.now() - mark) / 1000
    log(`rows in ${loadSeconds.toFixed(1)} s`)

    // Appeal numbers go on from where the history stops.
    for (const [year, last] of ctx.serialByYear)
      await pool.query(
        'INSERT INTO appeal_counters (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last',
        [year, last],
      )

    // The appeals' read model (lead, nearest deadline, latest rating and clock outcomes), as the server's
    // repair tool rebuilds it from the history just loaded.
    mark = performance.now()
    await rebuildAppealReadModel(deps)
    log(`read model rebuilt in ${((performance.now() - mark) / 1000).toFixed(1)} s`)

    mark = performance.now()
    // Two at a time: the machine's two cores, each build may itself use parallel workers.
    const queue = [...indexes]
    await Promise.all(
      [0, 1].map(async () => {
        for (let ix = queue.shift(); ix; ix = queue.shift()) await pool.query(ix.indexdef)
      }),
    )
    const indexSeconds = (performance.now() - mark) / 1000
    log(`indexes rebuilt in ${indexSeconds.toFixed(1)} s`)
    mark = performance.now()
    for (const table of LOADED_TABLES) await pool.query(`VACUUM ANALYZE ${table}`)
    const vacuumSeconds = (performance.now() - mark) / 1000
    log(`vacuum analyze in ${vacuumSeconds.toFixed(1)} s`)

    return {
      t0: new Date(t0),
      appeals: options.appeals,
      rows: Object.fromEntries(Object.values(tables).map((t) => [t.name, t.total])),
      seconds: {
        texts: textSeconds,
        load: loadSeconds,
        indexes: indexSeconds,
        vacuum: vacuumSeconds,
        total: (performance.now() - started) / 1000,
      },
      departmentIds: dept,
      staff,
      enterpriseUsers,
    }
  } finally {
    await pool.end()
  }
}
