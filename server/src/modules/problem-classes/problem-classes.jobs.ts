import type { AppDeps } from '../../kernel/http/app-env'
import { CLUSTER_QUEUE, queueLastMonthRun, runClustering } from './problem-classes.service'

export const MONTHLY_RUN_QUEUE = 'problem-classes.monthly'

/**
 * A clustering run per request (the bureau's button, or the timer). The timer looks daily at 02:30
 * in Beijing (18:30 UTC: cron counts in UTC) and queues the month that ended if nobody ran it yet —
 * on the 1st normally, or the first day back after downtime.
 */
export function registerProblemClassesJobs(deps: AppDeps): void {
  deps.jobs.register<{ runId: string }>(CLUSTER_QUEUE, async (data) => runClustering(deps, data.runId))
  deps.jobs.register(MONTHLY_RUN_QUEUE, async () => queueLastMonthRun(deps), { cron: '30 18 * * *' })
}
