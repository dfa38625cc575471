import { localDate } from '../../kernel/calendar/zoned-time'
import type { AppDeps } from '../../kernel/http/app-env'
import { staffToNotify } from '../users'
import * as q from './random-draws.queries'

export const LATE_PUBLICATION_QUEUE = 'random_draws.tell_late_publications'

/**
 * 双随机一公开: a draw's result is public within the configured working days. A result still not
 * published on its day is told, once, to whoever may publish it — the inspecting body's heads and the
 * bureau's task force — so the deadline does not pass in silence. Answers how many draws were late.
 */
export async function tellLatePublications(deps: AppDeps, at: Date = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const late = await q.stampLatePublications(tx, at)
    if (!late.length) return 0
    const taskForce = await staffToNotify(tx, null, ['dispatcher'])
    for (const draw of late) {
      const staff = new Set([
        ...(await staffToNotify(tx, [draw.department_id], ['department_head'])),
        ...taskForce,
      ])
      for (const userId of staff)
        await deps.notifier.enqueue(tx, {
          recipient: { userId },
          template: 'randomDraws.publicationLate',
          params: {
            title: draw.title,
            due: draw.publish_due_at ? localDate(draw.publish_due_at, deps.config.timeZone) : '',
          },
        })
    }
    return late.length
  })
}

export function registerRandomDrawJobs(deps: AppDeps): void {
  deps.jobs.register(LATE_PUBLICATION_QUEUE, async () => void (await tellLatePublications(deps)), {
    cron: '7 * * * *',
  })
}
