import { requireRole, type Actor } from '../../kernel/auth/actor'
import { verifyAuditChain } from '../../kernel/audit/audit'
import { listAuditRows, type AuditFilter } from '../../kernel/audit/audit.queries'
import type { AppDeps } from '../../kernel/http/app-env'

/** The audit trail, newest first, for administrators and discipline inspection. */
export async function listAudit(
  deps: AppDeps,
  actor: Actor,
  filter: Omit<AuditFilter, 'from' | 'to'> & {
    from?: string | undefined
    to?: string | undefined
    limit: number
  },
) {
  requireRole(actor, 'admin', 'discipline_inspector')
  const rows = await listAuditRows(
    deps.db,
    {
      ...filter,
      from: filter.from ? new Date(filter.from) : undefined,
      to: filter.to ? new Date(filter.to) : undefined,
    },
    filter.limit + 1,
  )
  // One row more than asked tells whether an older page exists.
  const hasMore = rows.length > filter.limit
  const page = rows.slice(0, filter.limit)
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      ip: r.ip,
      hash: r.hash,
    })),
    nextBeforeSeq: hasMore ? page.at(-1)!.seq : null,
  }
}

/** Re-computes the whole hash chain; names the first broken row. */
export async function verifyAudit(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin', 'discipline_inspector')
  return verifyAuditChain(deps.db)
}
