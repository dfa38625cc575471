import type { AppDeps } from '../../kernel/http/app-env'
import { sweepSupervisionLadder } from './supervision-sweep.service'

export const SUPERVISION_LADDER_QUEUE = 'supervision.ladder_sweep'

/** The ladder's sweep every ten minutes; a backlog is worked off in batches within one run. */
export function registerSupervisionJobs(deps: AppDeps): void {
  deps.jobs.register(
    SUPERVISION_LADDER_QUEUE,
    async () => {
      for (let i = 0; i < 50; i++) if ((await sweepSupervisionLadder(deps)).escalated === 0) break
    },
    { cron: '*/10 * * * *' },
  )
}
