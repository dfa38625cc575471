import type { AppDeps } from '../../kernel/http/app-env'
import { sweepApplicationClocks } from './application-clock-sweep.service'

export const APPLICATION_CLOCK_SWEEP_QUEUE = 'services.clock_sweep'

/** The licensing clock every minute; a backlog (after downtime) is worked off in batches within one run. */
export function registerServicesJobs(deps: AppDeps): void {
  deps.jobs.register(
    APPLICATION_CLOCK_SWEEP_QUEUE,
    async () => {
      for (let i = 0; i < 50; i++) {
        const swept = await sweepApplicationClocks(deps)
        if (swept.deemed + swept.terminated + swept.withdrawn === 0) break
      }
    },
    { cron: '* * * * *' },
  )
}
