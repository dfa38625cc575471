import { systemActor } from '../../kernel/auth/actor'
import { writeAudits } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { openSupervisionCases } from '../supervision'
import * as q from './commitments.queries'

/**
 * The daily overdue sweep: open commitments past their day become overdue (each with its timeline
 * step and audit row; an instalment of a repayment plan is a second breach, and so is its payable);
 * an overdue payable opens a supervision case (source overdue_payment, subject payable) that then
 * climbs the supervision ladder on its own; every overdue payable's interest is accrued to today.
 *
 * Set-wise: the state move and the accrual are one UPDATE each, so 100,000 rows cost two statements
 * (bench/src/commitments-bench.ts); the rows that moved today cost a few statements together (their
 * events, audit rows and supervision cases, each written many at once).
 */
export type SweepResult = { movedOverdue: number; accrued: number; supervisionCasesOpened: number }

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
    moved
      .filter((row) => row.kind === 'payable')
      .map((row) => ({
        source: 'overdue_payment' as const,
        subjectType: 'payable' as const,
        subjectId: row.id,
        departmentId: row.department_id,
        reason: `逾期未支付中小企业款项：${row.number} ${row.title}`,
        at: options.at,
        data: { dueOn: row.due_on, number: row.number },
      })),
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
    return { movedOverdue: moved, accrued, supervisionCasesOpened }
  })
}
