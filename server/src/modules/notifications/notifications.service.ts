import { requireSignedIn, type Actor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { renderNotification } from '../../kernel/notify/notifier'
import { requireEnterpriseAccess } from '../enterprises'
import * as q from './notifications.queries'

/** The caller's in-app messages, rendered in the caller's language. */
export async function listInbox(deps: AppDeps, actor: Actor) {
  const user = requireSignedIn(actor)
  const rows = await q.findInbox(deps.db, user.userId, 100)
  return rows.map((r) => {
    const text = renderNotification(r.template, r.params, currentLocale())
    return {
      id: r.id,
      title: text.title,
      body: text.body,
      enterpriseName: r.enterprise_name,
      sentAt: (r.sent_at ?? r.created_at).toISOString(),
      isRead: r.read_at !== null,
      subject: subjectOf(r.params, r.recipient_enterprise_id),
    }
  })
}

/** What a message is about, from the parameters the sender put in it. */
function subjectOf(params: Record<string, string | number>, enterpriseId: string | null) {
  if (typeof params.itemId === 'string' && enterpriseId)
    return { kind: 'policy_item' as const, itemId: params.itemId, enterpriseId }
  if (typeof params.appealId === 'string') return { kind: 'appeal' as const, appealId: params.appealId }
  if (typeof params.claimId === 'string') return { kind: 'claim' as const, claimId: params.claimId }
  return null
}

/** Refuses: NOT_FOUND (not in the caller's inbox). */
export async function markInboxRead(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const user = requireSignedIn(actor)
  if (!(await q.isInInbox(deps.db, id, user.userId))) throw notFound()
  await q.markRead(deps.db, id, user.userId)
}

/** Everything in the caller's inbox read at once; answers how many were unread. */
export async function markAllInboxRead(deps: AppDeps, actor: Actor): Promise<number> {
  const user = requireSignedIn(actor)
  return q.markAllRead(deps.db, user.userId)
}

/**
 * Development only (the route exists only when DEV_INBOX is on): the SMS and e-mails the logging
 * adapters "sent", so a developer can read a sign-in code without a phone.
 */
const presentOutgoing = definePresenter({
  id: 'id',
  channel: 'channel',
  to: 'address',
  text: 'rendered_text',
  status: 'status',
  at: 'at',
})

export async function listDevOutgoing(deps: AppDeps) {
  const rows = await q.findRecentOutgoing(deps.db, 50)
  return rows.map(presentOutgoing)
}

/** How many of the caller's in-app messages are unread (the console's worklist shows it). */
export async function countUnread(deps: AppDeps, actor: Actor): Promise<number> {
  const user = requireSignedIn(actor)
  return q.countUnread(deps.db, user.userId)
}

/**
 * Every notification addressed to one enterprise, whatever its channel, rendered in the caller's
 * language (the enterprise's data export). Members and staff read them. Refuses: NOT_FOUND.
 */
export async function listNotificationsOfEnterprise(deps: AppDeps, actor: Actor, enterpriseId: string) {
  await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  const rows = await q.findNotificationsOfEnterprise(deps.db, enterpriseId)
  return rows.map((r) => {
    const text = renderNotification(r.template, r.params, currentLocale())
    return {
      title: text.title,
      body: text.body,
      channels: r.channels,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    }
  })
}
