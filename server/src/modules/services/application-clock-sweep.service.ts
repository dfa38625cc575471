import { systemActor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import { acceptanceChanges, termsOf } from './application-acceptance'
import { runSystemApplicationAction } from './application-action'
import { openSupervisionCaseForDeemedAcceptance } from '../supervision'
import { localDate } from '../../kernel/calendar/zoned-time'
import { tellApplicant } from './application-intake-notices'
import * as q from './services.queries'

/** What one sweep moved: deemed accepted, terminated (容缺), deemed withdrawn (补正逾期). */
export type SweepCounts = { deemed: number; terminated: number; withdrawn: number }

/**
 * The licensing clock's job, in one transaction per batch: (a) an application still in its
 * completeness check when the 5 working days are over is accepted by law from the day its
 * (last) materials arrived (视为受理, 第32条); (b) a 容缺 acceptance whose materials did not come by
 * their deadline ends (终止办理); (c) an application whose one supplement request went unanswered
 * past its deadline is deemed withdrawn (逾期未补正，视为撤回申请), as the request told the applicant.
 * It reads only what is due through partial indexes, so a sweep with nothing due costs three index
 * probes whatever the number of applications in flight; locked rows are skipped (another node, or a
 * person acting on the application, has them) and taken next time. Idempotent: a row once moved no
 * longer matches any of the three queries.
 */
export async function sweepApplicationClocks(
  deps: AppDeps,
  now = new Date(),
  batch = 200,
): Promise<SweepCounts> {
  const system = systemActor('licensing-clock')
  return deps.db.transaction().execute(async (tx) => {
    const overdue = await q.lockOverdueChecks(tx, now, batch)
    const missed = await q.lockMissedTolerances(tx, now, batch)
    const lapsed = await q.lockLapsedSupplements(tx, now, batch)
    if (overdue.length === 0 && missed.length === 0 && lapsed.length === 0)
      return { deemed: 0, terminated: 0, withdrawn: 0 }
    const calendar = await deps.calendar.calendar(tx)
    for (const row of overdue) {
      await runSystemApplicationAction(deps, tx, system, row, 'deem_accepted', now, async (ctx) => {
        const changes = await acceptanceChanges(ctx, calendar, await termsOf(tx, row), { deemed: true })
        return { changes, event: { audience: 'enterprise' } }
      })
      // The department's late check is a cause for supervision (督办), once per application.
      await openSupervisionCaseForDeemedAcceptance(deps, tx, system, {
        applicationId: row.id,
        departmentId: row.department_id,
        at: now,
      })
    }
    for (const row of missed)
      await runSystemApplicationAction(deps, tx, system, row, 'terminate', now, async (ctx) => {
        await tellApplicant(ctx, calendar, 'termination', '终止办理通知书', (when) => [
          `您在容缺承诺书中承诺于${when(row.tolerance_due_at)}前补交以下材料：${row.tolerance_items.join('、')}。`,
          `逾期未补交，本机关依照容缺受理的规定终止办理您的申请。`,
        ])
        return {
          changes: { closed_at: now },
          event: { audience: 'enterprise', data: { toleranceDueAt: row.tolerance_due_at?.toISOString() } },
        }
      })
    for (const row of lapsed)
      await runSystemApplicationAction(deps, tx, system, row, 'deem_withdrawn', now, async (ctx) => {
        // stored as the next day's 00:00: the applicant was told the day before it
        const lastDay = localDate(new Date(row.supplement_due_at!.getTime() - 1), calendar.timeZone)
        await tellApplicant(ctx, calendar, 'withdrawal', '视为撤回申请通知书', () => [
          `本机关于补正材料告知书中告知您于${lastDay}（含当日）前一次性补正申请材料。`,
          `您未在期限内提交补正材料，您的申请视为撤回，本机关不再办理。您可以重新提出申请。`,
        ])
        return {
          changes: { closed_at: now },
          event: { audience: 'enterprise', data: { supplementDueAt: row.supplement_due_at?.toISOString() } },
        }
      })
    return { deemed: overdue.length, terminated: missed.length, withdrawn: lapsed.length }
  })
}
