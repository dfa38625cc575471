import type { AppDeps } from '../../kernel/http/app-env'
import { planDueRechecks } from './inspection-results.service'

export const INSPECTION_RECHECK_QUEUE = 'inspections.recheck_sweep'

/** Re-checks of corrections whose deadline passed (不罚≠不管), planned every hour; a backlog in batches. */
export function registerInspectionResultJobs(deps: AppDeps): void {
  deps.jobs.register(
    INSPECTION_RECHECK_QUEUE,
    async () => {
      for (let i = 0; i < 50; i++) if ((await planDueRechecks(deps)).planned === 0) break
    },
    { cron: '17 * * * *' },
  )
}
