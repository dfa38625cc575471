import { systemActor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './supervision.queries'
import { escalateSupervisionCaseWork } from './supervision.service'
import { runSystemSupervisionAction } from './supervision-action'

/**
 * The ladder's sweep, one transaction per batch: every case whose unit did not respond by the
 * deadline climbs one level (section → bureau → city) with the next level's deadline in working
 * days, audited and on its timeline, and the next level's readers hear of it. A city case past its
 * deadline stays where it is (overdue, and the figures count it). Locked rows are skipped and taken
 * next time; a case once escalated has a new deadline and no longer matches.
 */
export async function sweepSupervisionLadder(deps: AppDeps, now = new Date(), batch = 200) {
  const system = systemActor('supervision-ladder')
  return deps.db.transaction().execute(async (tx) => {
    const due = await q.lockCasesDueForEscalation(tx, now, batch)
    for (const row of due)
      await runSystemSupervisionAction(deps, tx, system, row, 'escalate', now, (ctx) =>
        escalateSupervisionCaseWork(ctx, null),
      )
    return { escalated: due.length }
  })
}
