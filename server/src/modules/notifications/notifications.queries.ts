import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/** Inbox messages of a user: addressed to them, or to an enterprise they act for. */
export async function findInbox(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', userId),
    )
    .leftJoin('enterprises as e', 'e.id', 'n.recipient_enterprise_id')
    .select([
      'n.id',
      'n.template',
      'n.params',
      'n.sent_at',
      'n.created_at',
      'r.read_at',
      'e.name as enterprise_name',
      'n.recipient_enterprise_id',
    ])
    .where('n.status', '=', 'sent')
    .where(sql<boolean>`'inbox' = ANY(n.channels)`)
    .where((eb) =>
      eb.or([
        eb('n.recipient_user_id', '=', userId),
        eb(
          'n.recipient_enterprise_id',
          'in',
          eb.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('n.sent_at', 'desc')
    .limit(limit)
    .execute()
}

export async function isInInbox(db: Executor, notificationId: string, userId: string): Promise<boolean> {
  const rows = await findInboxItem(db, notificationId, userId)
  return rows !== undefined
}

async function findInboxItem(db: Executor, notificationId: string, userId: string) {
  return db
    .selectFrom('notifications as n')
    .select('n.id')
    .where('n.id', '=', notificationId)
    .where('n.status', '=', 'sent')
    .where((eb) =>
      eb.or([
        eb('n.recipient_user_id', '=', userId),
        eb(
          'n.recipient_enterprise_id',
          'in',
          eb.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirst()
}

export async function markRead(db: Executor, notificationId: string, userId: string): Promise<void> {
  await db
    .insertInto('notification_reads')
    .values({ notification_id: notificationId, user_id: userId })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute()
}

/** Marks every message in the user's inbox read; answers how many were unread. */
export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const result = await db
    .insertInto('notification_reads')
    .columns(['notification_id', 'user_id'])
    .expression((eb) =>
      eb
        .selectFrom('notifications as n')
        .select(['n.id', sql<string>`${userId}::uuid`.as('user_id')])
        .where('n.status', '=', 'sent')
        .where(sql<boolean>`'inbox' = ANY(n.channels)`)
        .where((w) =>
          w.or([
            w('n.recipient_user_id', '=', userId),
            w(
              'n.recipient_enterprise_id',
              'in',
              w.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', userId),
            ),
          ]),
        ),
    )
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** What left the platform by SMS or e-mail recently (development only). */
export async function findRecentOutgoing(db: Executor, limit: number) {
  return db
    .selectFrom('notification_deliveries')
    .select(['id', 'channel', 'address', 'rendered_text', 'status', 'at'])
    .where('channel', 'in', ['sms', 'email'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', userId),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.status', '=', 'sent')
    .where(sql<boolean>`'inbox' = ANY(n.channels)`)
    .where('r.read_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('n.recipient_user_id', '=', userId),
        eb(
          'n.recipient_enterprise_id',
          'in',
          eb.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every notification addressed to an enterprise, newest first, whatever its channel or status. */
export async function findNotificationsOfEnterprise(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('notifications')
    .select(['id', 'template', 'params', 'channels', 'status', 'created_at', 'sent_at'])
    .where('recipient_enterprise_id', '=', enterpriseId)
    .orderBy('created_at', 'desc')
    .execute()
}
