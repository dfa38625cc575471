import type { AppDeps } from '../../kernel/http/app-env'
import { sweepRatings } from './ratings-sweep.service'

export const RATINGS_SWEEP_QUEUE = 'ratings.sweep'

/** Invitations and default ratings every hour (a day's granularity needs no finer). */
export function registerRatingsJobs(deps: AppDeps): void {
  deps.jobs.register(
    RATINGS_SWEEP_QUEUE,
    async () => {
      for (let i = 0; i < 20; i++) {
        const swept = await sweepRatings(deps)
        if (swept.invited === 0 && swept.defaulted === 0) break
      }
    },
    { cron: '17 * * * *' },
  )
}
