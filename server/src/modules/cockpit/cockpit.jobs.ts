import type { AppDeps } from '../../kernel/http/app-env'
import { refreshRollups } from './cockpit.service'

export const COCKPIT_ROLLUP_QUEUE = 'cockpit.rollup'

/** The rollup every 10 minutes: the last two closed months again, older ones once (the current month is live). */
export function registerCockpitJobs(deps: AppDeps): void {
  deps.jobs.register(
    COCKPIT_ROLLUP_QUEUE,
    async () => {
      await refreshRollups(deps)
    },
    { cron: '*/10 * * * *' },
  )
}
