import { deleteExpiredSessions } from '../../kernel/auth/session.queries'
import type { AppDeps } from '../../kernel/http/app-env'
import { scrubOldMessages } from '../../kernel/notify/notify.queries'
import { deleteOldFailures } from './auth.queries'

export const AUTH_CLEANUP_QUEUE = 'auth.cleanup'

/** Hourly: drop expired sessions and failure records older than a day; blank sign-in codes older than an hour. */
export function registerAuthJobs(deps: AppDeps): void {
  deps.jobs.register(
    AUTH_CLEANUP_QUEUE,
    async () => {
      const now = new Date()
      await deleteExpiredSessions(deps.db, now)
      await deleteOldFailures(deps.db, new Date(now.getTime() - 86_400_000))
      await scrubOldMessages(deps.db, 'auth.sign_in_code', new Date(now.getTime() - 3_600_000))
    },
    { cron: '17 * * * *' },
  )
}
