import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { findSubscriptions, type Catalogue } from '../policies'
import * as pq from './pushes.queries'

/**
 * Tells each enterprise once per run about the items it became eligible for (one message however
 * many items: one contact, within the weekly cap), unless it opted out or subscribed to other
 * topics. Every newly eligible pair is recorded with what happened.
 */
export async function deliverPushes(
  deps: AppDeps,
  tx: Tx,
  runId: number,
  catalogue: Catalogue,
  pairs: { itemId: string; enterpriseId: string }[],
): Promise<number> {
  const candidates = pairs.filter((p) => catalogue.byId.get(p.itemId)?.isPushEnabled)
  if (candidates.length === 0) return 0
  const byEnterprise = new Map<string, string[]>()
  for (const p of candidates)
    byEnterprise.set(p.enterpriseId, [...(byEnterprise.get(p.enterpriseId) ?? []), p.itemId])
  const ids = [...byEnterprise.keys()]
  const subscriptions = new Map((await findSubscriptions(tx, ids)).map((s) => [s.enterprise_id, s]))
  const names = await pq.findEnterpriseNames(tx, ids)
  const rows: Parameters<typeof pq.insertPushes>[1] = []
  const messages: { enterpriseId: string; items: string[] }[] = []
  for (const [enterpriseId, itemIds] of byEnterprise) {
    const sub = subscriptions.get(enterpriseId)
    const notify: string[] = []
    for (const itemId of itemIds) {
      const item = catalogue.byId.get(itemId)!
      const status =
        sub && !sub.is_push_enabled
          ? 'opted_out'
          : sub && sub.topics.length && !item.topics.some((t) => sub.topics.includes(t))
            ? 'not_subscribed'
            : 'notified'
      rows.push({ itemId, enterpriseId, runId, status, notificationId: null })
      if (status === 'notified') notify.push(itemId)
    }
    if (notify.length) messages.push({ enterpriseId, items: notify })
  }
  const notificationIds = await deps.notifier.enqueueMany(
    tx,
    messages.map((m) => ({
      recipient: { enterpriseId: m.enterpriseId },
      template: 'policies.push',
      params: {
        enterprise: names.get(m.enterpriseId) ?? '',
        title: catalogue.byId.get(m.items[0]!)!.title,
        count: m.items.length,
        itemId: m.items[0]!,
      },
      channels: ['inbox', 'sms'],
    })),
  )
  const notificationOf = new Map(messages.map((m, i) => [m.enterpriseId, notificationIds[i]!]))
  for (const row of rows)
    if (row.status === 'notified') row.notificationId = notificationOf.get(row.enterpriseId) ?? null
  await pq.insertPushes(tx, rows)
  return messages.length
}
