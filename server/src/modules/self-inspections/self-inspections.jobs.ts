import type { AppDeps } from '../../kernel/http/app-env'
import { remindNearDeadlines } from './self-inspections.service'

export const SELF_INSPECTION_REMINDER_QUEUE = 'self_inspections.reminders'

/** Near-deadline reminders to department heads, checked every hour (each copy is reminded once). */
export function registerSelfInspectionJobs(deps: AppDeps): void {
  deps.jobs.register(SELF_INSPECTION_REMINDER_QUEUE, async () => void (await remindNearDeadlines(deps)), {
    cron: '7 * * * *',
  })
}
