import type { AppDeps } from '../../kernel/http/app-env'
import { sweepOverdueCommitments } from './commitments.sweep'

export const COMMITMENT_SWEEP_QUEUE = 'commitments.overdue_sweep'

/** The overdue sweep, daily just after midnight in the city (00:10 Asia/Shanghai = 16:10 UTC). */
export function registerCommitmentJobs(deps: AppDeps): void {
  deps.jobs.register(COMMITMENT_SWEEP_QUEUE, async () => void (await sweepOverdueCommitments(deps)), {
    cron: '10 16 * * *',
  })
}
