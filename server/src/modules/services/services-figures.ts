import { localDate } from '../../kernel/calendar/zoned-time'
import type { Material } from './matters.schema'
import type { ServicesFiguresRow } from './services-figures.schema'

/**
 * The services figures as docs/METRICS.md ("Online services") writes them: pure, over the stored
 * columns of the applications a period counts, so the same rows always give the same figures.
 * Received figures count an application in the city month of `received_at`; decision figures in
 * the city month of `decided_at`.
 */
export type Grouping = 'matter' | 'department' | 'city'

export type ReceivedFacts = {
  received_at: Date | null
  department_id: string | null
  matter_id: string | null
  deemed_accepted: boolean
  supplements: number
  deemed_withdrawn: boolean
  terminated: boolean
}

export type DecidedFacts = {
  status: string
  department_id: string | null
  matter_id: string | null
  instant: boolean
  visits_made: number
  received_at: Date | null
  accepted_from: Date | null
  decided_at: Date | null
  decision_due_at: Date | null
  statutory_due_at: Date | null
  suspended_minutes: number
  promised_limit_days: number | null
  statutory_limit_days: number | null
  materials: Material[] | null
}

/** Working minutes between two instants, and how many make a day (the city's working calendar). */
export type DayMeter = { workingMinutesBetween(from: Date, to: Date): number; minutesPerDay: number }

type Key = { month: string; departmentId: string | null; matterId: string | null }

type Counts = {
  received: number
  deemedAccepted: number
  supplementRequests: number
  deemedWithdrawn: number
  terminated: number
  finished: number
  approved: number
  refused: number
  instant: number
  zeroVisit: number
  withDecisionClock: number
  finishedEarly: number
  pastPromised: number
  pastStatutory: number
  usedDays: number[]
  promisedDays: number[]
  statutoryDays: number[]
  materialsAsked: number
  materialsSuppliedByPlatform: number
}

const emptyCounts = (): Counts => ({
  received: 0,
  deemedAccepted: 0,
  supplementRequests: 0,
  deemedWithdrawn: 0,
  terminated: 0,
  finished: 0,
  approved: 0,
  refused: 0,
  instant: 0,
  zeroVisit: 0,
  withDecisionClock: 0,
  finishedEarly: 0,
  pastPromised: 0,
  pastStatutory: 0,
  usedDays: [],
  promisedDays: [],
  statutoryDays: [],
  materialsAsked: 0,
  materialsSuppliedByPlatform: 0,
})

/** A share with four decimals; null when nothing was counted (0 of 0 is not 0 %). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10

function mean(values: number[]): number | null {
  return values.length ? oneDecimal(values.reduce((a, b) => a + b, 0) / values.length) : null
}

/** The nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/**
 * Working days the applicant waited for the decision: from the instant the decision clock counts
 * from (`accepted_from`: receipt, the last material, or the deemed receipt; receipt when there was no
 * acceptance, as for an instant matter) to the decision, special steps (`suspended_minutes`) left out.
 */
export function usedWorkingDays(row: DecidedFacts, meter: DayMeter): number | null {
  const start = row.accepted_from ?? row.received_at
  if (!start || !row.decided_at) return null
  const minutes = Math.max(0, meter.workingMinutesBetween(start, row.decided_at) - row.suspended_minutes)
  return oneDecimal(minutes / meter.minutesPerDay)
}

export function computeServicesFigures(input: {
  received: ReceivedFacts[]
  decided: DecidedFacts[]
  by: Grouping
  timeZone: string
  meter: DayMeter
}): (Key &
  Omit<ServicesFiguresRow, 'month' | 'departmentId' | 'matterId' | 'departmentName' | 'matterName'>)[] {
  const groups = new Map<string, { key: Key; counts: Counts }>()
  const countsOf = (at: Date, departmentId: string | null, matterId: string | null) => {
    const key: Key = {
      month: localDate(at, input.timeZone).slice(0, 7),
      departmentId: input.by === 'city' ? null : departmentId,
      matterId: input.by === 'matter' ? matterId : null,
    }
    const id = `${key.month} ${key.departmentId} ${key.matterId}`
    let group = groups.get(id)
    if (!group) groups.set(id, (group = { key, counts: emptyCounts() }))
    return group.counts
  }
  for (const row of input.received) {
    if (!row.received_at) continue
    const c = countsOf(row.received_at, row.department_id, row.matter_id)
    c.received++
    if (row.deemed_accepted) c.deemedAccepted++
    c.supplementRequests += row.supplements
    if (row.deemed_withdrawn) c.deemedWithdrawn++
    if (row.terminated) c.terminated++
  }
  for (const row of input.decided) {
    if (!row.decided_at) continue
    const c = countsOf(row.decided_at, row.department_id, row.matter_id)
    c.finished++
    if (row.status === 'approved') c.approved++
    if (row.status === 'refused') c.refused++
    if (row.instant) c.instant++
    if (row.visits_made === 0) c.zeroVisit++
    if (row.decision_due_at) {
      c.withDecisionClock++
      if (row.decided_at < row.decision_due_at) c.finishedEarly++
      if (row.decided_at > row.decision_due_at) c.pastPromised++
    }
    if (row.statutory_due_at && row.decided_at > row.statutory_due_at) c.pastStatutory++
    const used = usedWorkingDays(row, input.meter)
    if (used !== null) c.usedDays.push(used)
    if (row.promised_limit_days !== null && row.statutory_limit_days !== null) {
      c.promisedDays.push(row.promised_limit_days)
      c.statutoryDays.push(row.statutory_limit_days)
    }
    // What the version asks for, and which of it the platform supplies itself (证照免提交).
    for (const material of row.materials ?? []) {
      c.materialsAsked++
      if (material.platformSupplies) c.materialsSuppliedByPlatform++
    }
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  return [...groups.values()]
    .sort((a, b) =>
      `${a.key.month} ${a.key.departmentId ?? ''} ${a.key.matterId ?? ''}`.localeCompare(
        `${b.key.month} ${b.key.departmentId ?? ''} ${b.key.matterId ?? ''}`,
      ),
    )
    .map(({ key, counts: c }) => ({
      ...key,
      received: c.received,
      deemedAccepted: c.deemedAccepted,
      deemedAcceptedRate: ratio(c.deemedAccepted, c.received),
      supplementRequests: c.supplementRequests,
      supplementsPerApplication: ratio(c.supplementRequests, c.received),
      deemedWithdrawn: c.deemedWithdrawn,
      terminated: c.terminated,
      finished: c.finished,
      approved: c.approved,
      refused: c.refused,
      instant: c.instant,
      instantRate: ratio(c.instant, c.finished),
      zeroVisit: c.zeroVisit,
      zeroVisitRate: ratio(c.zeroVisit, c.finished),
      withDecisionClock: c.withDecisionClock,
      finishedEarly: c.finishedEarly,
      earlyRate: ratio(c.finishedEarly, c.withDecisionClock),
      pastPromised: c.pastPromised,
      pastStatutory: c.pastStatutory,
      usedDaysMean: mean(c.usedDays),
      usedDaysMedian: percentile(c.usedDays, 50),
      usedDaysP90: percentile(c.usedDays, 90),
      promisedDaysMean: mean(c.promisedDays),
      statutoryDaysMean: mean(c.statutoryDays),
      promisedBelowStatutory:
        sum(c.statutoryDays) === 0
          ? null
          : ratio(sum(c.statutoryDays) - sum(c.promisedDays), sum(c.statutoryDays)),
      materialsAsked: c.materialsAsked,
      materialsSuppliedByPlatform: c.materialsSuppliedByPlatform,
      platformSupplyRate: ratio(c.materialsSuppliedByPlatform, c.materialsAsked),
    }))
}
