import type { AppDeps } from '../../kernel/http/app-env'
import { signDailyCheckpoint } from './audit.service'

export const AUDIT_CHECKPOINT_QUEUE = 'audit.checkpoint'

/** Daily at 00:05 city time (16:05 UTC): sign the audit chain's head (decision 0027). */
export function registerAuditJobs(deps: AppDeps): void {
  deps.jobs.register(
    AUDIT_CHECKPOINT_QUEUE,
    async () => {
      try {
        await signDailyCheckpoint(deps)
      } catch (error) {
        deps.logger.error({ err: error }, 'audit checkpoint NOT signed: the chain does not hold')
        throw error
      }
    },
    { cron: '5 16 * * *' },
  )
}
