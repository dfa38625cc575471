import { systemActor } from '../../kernel/auth/actor'
import { writeAudits } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { notifyApplicant, notifyEach } from '../../kernel/cases/outbox'
import { openSupervisionCases } from '../supervision'
import { staffToNotify } from '../users'
import * as q from './commitments.queries'

/**
 * The daily overdue sweep: open commitments past their day become overdue (each with its timeline
 * step and audit row; an instalment of a repayment plan is a second breach, and so is its payable);
 * an overdue payable opens a supervision case (source overdue_payment, subject payable), an overdue
 * promise or contract one of its own (source overdue_commitment, subject commitment), each then
 * climbing the supervision ladder on its own; every overdue payable's interest is accrued to today.
 *
 * Set-wise: the state move and the accrual are one UPDATE each, so 100,000 rows cost two statements
 * (bench/src/commitments-bench.ts); the rows that moved today cost a few statements together (their
 * events, audit rows and supervision cases, each written many at once).
 */
export type SweepResult = {
  movedOverdue: number
  accrued: number
  supervisionCasesOpened: number
  /** complaints not verified by their day, told to the bureau's leadership this run */
  lateComplaints: number
}

export async function moveOverdue(
  deps: AppDeps,
  tx: Tx,
  options: { today: string; at: Date; onlyId?: string },
): Promise<{ moved: number; supervisionCasesOpened: number }> {
  const moved = await q.markOverdue(tx, options.today, options.onlyId)
  if (moved.length === 0) return { moved: 0, supervisionCasesOpened: 0 }
  await q.insertOverdueEvents(
    tx,
    moved.map((r) => r.id),
    options.at,
  )
  const actor = systemActor('commitments.sweep')
  // one statement for the audit rows and a few for the supervision cases, however many moved
  await writeAudits(
    tx,
    actor,
    moved.map((row) => ({
      action: 'commitment.overdue',
      entityType: 'commitment',
      entityId: row.id,
      before: { status: 'open' },
      after: { status: 'overdue', dueOn: row.due_on, isSecondBreach: row.parent_id !== null },
    })),
  )
  const supervision = await openSupervisionCases(
    deps,
    tx,
    actor,
    moved.map((row) =>
      row.kind === 'payable'
        ? {
            source: 'overdue_payment' as const,
            subjectType: 'payable' as const,
            subjectId: row.id,
            departmentId: row.department_id,
            reason: `逾期未支付中小企业款项：${row.number} ${row.title}`,
            at: options.at,
            data: { dueOn: row.due_on, number: row.number },
          }
        : {
            source: 'overdue_commitment' as const,
            subjectType: 'commitment' as const,
            subjectId: row.id,
            departmentId: row.department_id,
            reason: `逾期未兑现政府承诺：${row.number} ${row.title}`,
            at: options.at,
            data: { dueOn: row.due_on, number: row.number, kind: row.kind },
          },
    ),
  )
  const opened = supervision.filter((s) => s.isNew).length
  await q.markParentsSecondBreach(tx, [
    ...new Set(moved.flatMap((r) => (r.parent_id === null ? [] : [r.parent_id]))),
  ])
  return { moved: moved.length, supervisionCasesOpened: opened }
}

/** One run: everything in one transaction, so a crash leaves yesterday's ledger, not half of today's. */
export async function sweepOverdueCommitments(deps: AppDeps, at: Date = new Date()): Promise<SweepResult> {
  const today = cityToday(deps, at)
  return deps.db.transaction().execute(async (tx) => {
    const { moved, supervisionCasesOpened } = await moveOverdue(deps, tx, { today, at })
    const accrued = await q.accrueInterest(tx, today)
    const lateComplaints = await tellLateComplaints(deps, tx, at)
    return { movedOverdue: moved, accrued, supervisionCasesOpened, lateComplaints }
  })
}

/**
 * A complaint the bureau did not verify by its day (the configured working days) goes up: the bureau's
 * leaders are told, once, and the enterprise is told its complaint is late and was taken up — a
 * deadline that passes in silence is how a promise to verify gets broken too.
 */
async function tellLateComplaints(deps: AppDeps, tx: Tx, at: Date): Promise<number> {
  const late = await q.stampLateComplaints(tx, at)
  if (!late.length) return 0
  const leaders = await staffToNotify(tx, null, ['bureau_leader'])
  for (const complaint of late) {
    const params = {
      number: complaint.number,
      title: complaint.title,
      verifyBy: cityToday(deps, complaint.verify_by),
    }
    await notifyEach(deps.notifier, tx, leaders, { template: 'commitments.complaint_late', params })
    await notifyApplicant(deps.notifier, tx, complaint.enterprise_id, {
      template: 'commitments.complaint_late_enterprise',
      params,
    })
  }
  return late.length
}
