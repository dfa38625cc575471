import { localDate } from '../../kernel/calendar/zoned-time'
import type { AppDeps } from '../../kernel/http/app-env'
import { staffToNotify } from '../users'
import * as q from './rectifications.queries'

export const RECTIFICATION_NOTICE_QUEUE = 'rectifications.tell_units'

/**
 * Tells each handling unit of the rectifications opened for it (谁办理谁负责): its handlers and heads
 * get the case and the deadline — never who rated (the unit does not learn that until the case is
 * closed). The bad rating's listener opens the rectification inside the rating's transaction, where
 * no notifier is at hand; this runs every minute, in batches, and stamps what it told, so nothing is
 * told twice and nothing is lost if it stops halfway. Answers how many rectifications it told.
 */
export async function tellUnitsOfOpenedRectifications(deps: AppDeps, batch = 200): Promise<number> {
  let told = 0
  for (;;) {
    const done = await deps.db.transaction().execute(async (tx) => {
      const rows = await q.lockUntoldRectifications(tx, batch)
      for (const row of rows) {
        const staff = await staffToNotify(tx, [row.department_id], ['handler', 'department_head'])
        for (const userId of staff)
          await deps.notifier.enqueue(tx, {
            recipient: { userId },
            template: 'rectifications.opened',
            params: {
              title: row.subject_title ?? row.subject_number ?? '',
              due: localDate(row.due_at, deps.config.timeZone),
            },
          })
      }
      await q.markUnitTold(
        tx,
        rows.map((r) => r.id),
        new Date(),
      )
      return rows.length
    })
    told += done
    if (done < batch) return told
  }
}

export function registerRectificationJobs(deps: AppDeps): void {
  deps.jobs.register(
    RECTIFICATION_NOTICE_QUEUE,
    async () => void (await tellUnitsOfOpenedRectifications(deps)),
    { cron: '* * * * *' },
  )
}
