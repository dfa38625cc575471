import type { AppDeps } from '../../kernel/http/app-env'
import { sweepAppealClocks } from './appeal-clock-sweep.service'
import { closeUnratedReplies } from './appeals-closing.service'
import { refreshWordFrequencies } from './appeals-intake.service'
import { retrainRouting } from './appeals-routing.service'

export const APPEAL_CLOCK_SWEEP_QUEUE = 'appeals.clock_sweep'
export const APPEAL_AUTO_CLOSE_QUEUE = 'appeals.auto_close'
export const APPEAL_ROUTING_QUEUE = 'appeals.retrain_routing'
export const APPEAL_WORD_FREQUENCIES_QUEUE = 'appeals.word_frequencies'

/**
 * Durable timers: deadlines every minute, unrated replies and the word counts of the similar-appeals
 * search every ten, routing every night (UTC 18:30 = 02:30 in Dalian).
 */
export function registerAppealJobs(deps: AppDeps): void {
  deps.jobs.register(
    APPEAL_CLOCK_SWEEP_QUEUE,
    async () => {
      // Drain: a backlog (after downtime) is worked off in batches within the same run.
      for (let i = 0; i < 20; i++) if ((await sweepAppealClocks(deps)).clocks === 0) break
    },
    { cron: '* * * * *' },
  )
  deps.jobs.register(
    APPEAL_AUTO_CLOSE_QUEUE,
    async () => {
      while ((await closeUnratedReplies(deps)) > 0) {
        // keep going until nothing is due
      }
    },
    { cron: '*/10 * * * *' },
  )
  deps.jobs.register(
    APPEAL_WORD_FREQUENCIES_QUEUE,
    async () => {
      await refreshWordFrequencies(deps)
    },
    { cron: '5-55/10 * * * *' },
  )
  deps.jobs.register(
    APPEAL_ROUTING_QUEUE,
    async () => {
      await retrainRouting(deps)
    },
    { cron: '30 18 * * *' },
  )
}
