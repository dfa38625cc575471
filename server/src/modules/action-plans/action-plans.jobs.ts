import type { AppDeps } from '../../kernel/http/app-env'
import { sweepPlanTasks } from './action-plans.service'

export const ACTION_PLAN_SWEEP_QUEUE = 'action_plans.sweep'

/** Reminders before the deadline and escalation of overdue tasks, checked every hour (each once per task). */
export function registerActionPlanJobs(deps: AppDeps): void {
  deps.jobs.register(ACTION_PLAN_SWEEP_QUEUE, async () => void (await sweepPlanTasks(deps)), {
    cron: '17 * * * *',
  })
}
