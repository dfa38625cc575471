import { deleteExpiredSessions } from '../../kernel/auth/session.queries'
import { deleteQuietThrottles } from '../../kernel/auth/throttle'
import { DEVICE_TRUST_MS, deleteUnusedTrustedDevices } from '../../kernel/auth/trusted-devices'
import type { AppDeps } from '../../kernel/http/app-env'
import { scrubOldMessages } from '../../kernel/notify/notify.queries'

export const AUTH_CLEANUP_QUEUE = 'auth.cleanup'

/**
 * Hourly: drop expired sessions, sign-in throttles nobody has touched for a day (long forgotten by
 * their rule) and browsers whose trust has lapsed; blank sign-in codes older than an hour.
 */
export function registerAuthJobs(deps: AppDeps): void {
  deps.jobs.register(
    AUTH_CLEANUP_QUEUE,
    async () => {
      const now = new Date()
      await deleteExpiredSessions(deps.db, now)
      await deleteQuietThrottles(deps.db, new Date(now.getTime() - 86_400_000))
      await deleteUnusedTrustedDevices(deps.db, new Date(now.getTime() - DEVICE_TRUST_MS))
      await scrubOldMessages(deps.db, 'auth.sign_in_code', new Date(now.getTime() - 3_600_000))
    },
    { cron: '17 * * * *' },
  )
}
