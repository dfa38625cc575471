import { requireStaff, type Actor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import { countAppealWork } from '../appeals'
import { countClaimWork } from '../benefits'
import { countClaimWork as countEnterpriseClaimWork } from '../enterprise-claims'
import { countUnread } from '../notifications'
import { countExposureWork } from '../exposures'
import { countReportWork } from '../misconduct-reports'
import { countOpenCases } from '../supervision'
import type { WorkItem } from './worklist.schema'

/**
 * What waits for this member of staff and their department, counted by each module with its lists' own
 * queries (so a count and the list it opens agree): to triage, to sign for, parts owed, overdue,
 * approvals, claims to review, payouts to make, licences to check, open supervision cases, unread
 * messages. The console's home shows them first. Refuses: FORBIDDEN (not staff).
 */
export async function getWorklist(deps: AppDeps, actor: Actor): Promise<{ items: WorkItem[] }> {
  const user = requireStaff(actor)
  const parts = await Promise.all([
    countAppealWork(deps, user),
    countClaimWork(deps, user),
    countEnterpriseClaimWork(deps, user),
    countOpenCases(deps, user),
    countReportWork(deps, user),
    countExposureWork(deps, user),
    countUnread(deps, user).then((count) => [{ key: 'inbox.unread', count, path: '/staff/inbox' }]),
  ])
  return { items: parts.flat() }
}
