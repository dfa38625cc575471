import type { AppDeps } from '../../kernel/http/app-env'
import { expirePolicies } from '../policies'
import { runMatching } from './matching-runs.service'
import { syncChangedEnterprises } from './rematch.service'

// The queues keep their policies.* names: jobs already queued under them must still be found.
/** A policy's items, after it was published, revised, repealed or expired (the policies module sends it). */
export const MATCH_ITEMS_QUEUE = 'policies.match_items'
export const MATCH_SYNC_QUEUE = 'policies.match_changes'
export const MATCH_NIGHTLY_QUEUE = 'policies.match_nightly'
/** A full run on demand (after demo data is seeded, or by an administrator's script). */
export const MATCH_FULL_QUEUE = 'policies.match_full'

/**
 * Matching is durable work: a policy's items are matched when it is published or leaves force;
 * changed facts every minute; and every night (UTC 17:30 = 01:30 in Dalian) policies past their end
 * expire and everything is matched again from a freshly loaded population.
 */
export function registerMatchingJobs(deps: AppDeps): void {
  deps.jobs.register<{ policyId: string }>(
    MATCH_ITEMS_QUEUE,
    async ({ policyId }) => {
      await runMatching(deps, { kind: 'items', policyId })
    },
    { pollingIntervalSeconds: 2 },
  )
  deps.jobs.register(
    MATCH_SYNC_QUEUE,
    async () => {
      await syncChangedEnterprises(deps)
    },
    { cron: '* * * * *' },
  )
  deps.jobs.register(MATCH_FULL_QUEUE, async () => {
    await runMatching(deps, { kind: 'full' })
  })
  deps.jobs.register(
    MATCH_NIGHTLY_QUEUE,
    async () => {
      await expirePolicies(deps)
      await runMatching(deps, { kind: 'full' }, { rebuild: true })
    },
    { cron: '30 17 * * *' },
  )
}
