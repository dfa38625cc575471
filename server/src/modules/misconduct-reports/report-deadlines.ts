import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'

/**
 * The clocks of a misconduct report, from 检举控告工作规则 (2020), in working days on the city calendar:
 * - acknowledge: a real-name reporter is told within 15 working days of receipt whether the report
 *   was accepted (an anonymous one has nobody to tell: no clock; they read it by the receipt code);
 * - transfer: a report for another organ is sent on within 5 working days of receipt;
 * - result: the reporter is told the result within 15 working days of closing.
 * Pure: the service stores the due instants these return, and reads the clocks back with `reportClocks`.
 */
export const REPORT_LIMITS = { acknowledgeDays: 15, transferDays: 5, resultDays: 15 } as const

export function dueOnFiling(calendar: WorkingCalendar, filedAt: Date, isAnonymous: boolean) {
  return {
    acknowledgeDueAt: isAnonymous
      ? null
      : dueAfterWorkingDays(calendar, filedAt, REPORT_LIMITS.acknowledgeDays),
    transferDueAt: dueAfterWorkingDays(calendar, filedAt, REPORT_LIMITS.transferDays),
  }
}

export function resultDueOnClosing(calendar: WorkingCalendar, closedAt: Date): Date {
  return dueAfterWorkingDays(calendar, closedAt, REPORT_LIMITS.resultDays)
}

export type ReportClock = {
  kind: 'acknowledge' | 'transfer' | 'result'
  dueAt: Date
  doneAt: Date | null
  /** past due and not done, or done after the due instant */
  isOverdue: boolean
}

export type ClockedReport = {
  status: string
  acknowledgeDueAt: Date | null
  acknowledgedAt: Date | null
  transferDueAt: Date
  transferredAt: Date | null
  resultDueAt: Date | null
  resultNotifiedAt: Date | null
}

function clock(kind: ReportClock['kind'], dueAt: Date, doneAt: Date | null, now: Date): ReportClock {
  const isOverdue = doneAt ? doneAt > dueAt : now > dueAt
  return { kind, dueAt, doneAt, isOverdue }
}

/**
 * The clocks that apply to a report now. The transfer clock shows while the report is still to be
 * decided (it may be for another organ) and once it was transferred; an accepted or refused report
 * was not transferred and has no transfer clock.
 */
export function reportClocks(report: ClockedReport, now: Date): ReportClock[] {
  const clocks: ReportClock[] = []
  if (report.acknowledgeDueAt)
    clocks.push(clock('acknowledge', report.acknowledgeDueAt, report.acknowledgedAt, now))
  if (report.status === 'received' || report.status === 'transferred')
    clocks.push(clock('transfer', report.transferDueAt, report.transferredAt, now))
  if (report.resultDueAt) clocks.push(clock('result', report.resultDueAt, report.resultNotifiedAt, now))
  return clocks
}

/** Whether any clock of the report is overdue and still open (what the worklist counts). */
export function isReportOverdue(report: ClockedReport, now: Date): boolean {
  return reportClocks(report, now).some((c) => c.isOverdue && !c.doneAt)
}
