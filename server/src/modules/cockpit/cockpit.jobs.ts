import type { AppDeps } from '../../kernel/http/app-env'
import { refreshRollups } from './cockpit.service'

export const COCKPIT_ROLLUP_QUEUE = 'cockpit.rollup'

/** The monthly rollup at 02:10 and 14:10 UTC: the last two closed months again, older ones once. */
export function registerCockpitJobs(deps: AppDeps): void {
  deps.jobs.register(
    COCKPIT_ROLLUP_QUEUE,
    async () => {
      await refreshRollups(deps)
    },
    { cron: '10 2,14 * * *' },
  )
}
