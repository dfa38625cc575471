import { sql, type OperationNodeSource, type RawBuilder } from 'kysely'
import type { Executor, Tx } from '../db/database'
import { prepared } from '../db/prepared'
import type { NotificationChannel } from '../db/schema'
import type { JobInsertStatement } from '../jobs'
import { insertJobsSql } from '../jobs.queries'

export type NotificationRow = {
  recipientUserId: string | null
  recipientEnterpriseId: string | null
  recipientPhone: string | null
  recipientRef?: string | null
  channels: NotificationChannel[]
  template: string
  params: Record<string, string | number>
  isUrgent: boolean
  isSolicited: boolean
  priority: number
}

function notificationColumns(row: NotificationRow) {
  return {
    recipient_user_id: row.recipientUserId,
    recipient_enterprise_id: row.recipientEnterpriseId,
    recipient_phone: row.recipientPhone,
    recipient_ref: row.recipientRef ?? null,
    channels: row.channels,
    template: row.template,
    params: JSON.stringify(row.params),
    is_urgent: row.isUrgent,
    is_solicited: row.isSolicited,
    priority: row.priority,
  }
}

export async function insertNotification(tx: Executor, row: NotificationRow): Promise<string> {
  const inserted = await tx
    .insertInto('notifications')
    .values(notificationColumns(row))
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/**
 * The delivery job a statement that writes messages (the CTE `told`) adds beside them: one for all
 * of them, none when it wrote none. A delivery job is a wake-up, not a message's carrier: whichever
 * job a worker takes, it delivers everything due (Notifier.drain), so a filing's receipt and its
 * task-force messages — or a push to 500 enterprises — need one, not one each (decision 0070).
 */
function wakeUpJobSql(queue: string): RawBuilder<unknown> {
  return sql`SELECT json_build_array(json_build_object('name', ${queue}::text,
                      'data', json_build_object('messages', count(*))))
               FROM told HAVING count(*) > 0`
}

/**
 * Many notifications and their delivery job in one statement (pg-boss's own insert as a CTE,
 * decision 0040): the outbox's write costs one round trip, however many messages. `alongside`: a
 * write not yet sent that the messages announce (a notice issued), sent as a CTE of the same
 * statement; its text must not grow with its input (one message's statement is prepared, 0040).
 * Answers the messages' ids in the order given.
 */
export async function insertNotificationsWithJobs(
  tx: Executor,
  rows: NotificationRow[],
  queue: string,
  jobInsert: JobInsertStatement,
  alongside?: OperationNodeSource,
): Promise<string[]> {
  // a write that rides with the messages must never be lost for want of one
  if (rows.length === 0 && alongside) throw new Error('a write alongside messages needs a message')
  if (rows.length === 0) return []
  const told = tx.insertInto('notifications').values(rows.map(notificationColumns)).returning('id')
  const jobs = wakeUpJobSql(queue)
  const also = alongside ? sql`, alongside AS (${alongside})` : sql``
  const statement = sql<{
    id: string
  }>`WITH told AS (${told}), woken AS (${insertJobsSql(jobInsert, jobs)})${also}
    SELECT id FROM told`
  // one message (the common case) is one text per place that sends it: prepared; a batch's grows with it
  const inserted = await (rows.length === 1 ? prepared(statement) : statement).execute(tx)
  return inserted.rows.map((r) => r.id)
}

/**
 * Messages whose recipients and params only the statement that makes the change knows: one per row
 * of `from`, the recipient and the jsonb `params` SQL over its columns.
 */
export type StatementMessageRows = {
  from: RawBuilder<unknown>
  recipientUserId: RawBuilder<string> | null
  recipientEnterpriseId: RawBuilder<string> | null
  params: RawBuilder<unknown>
  channels: NotificationChannel[]
  template: string
  isUrgent: boolean
  isSolicited: boolean
  priority: number
}

/**
 * The outbox as two CTEs of the statement that makes the change (decision 0040): `told` inserts the
 * messages as insertNotificationsWithJobs does, `woken` their delivery job as Notifier.enqueueMany
 * does (pg-boss's own insert). Nothing is inserted when `from` has no rows.
 */
export function outboxSql(
  messages: StatementMessageRows[],
  queue: string,
  jobInsert: JobInsertStatement,
): RawBuilder<unknown> {
  const selects = messages.map(
    (m) =>
      sql`SELECT (${m.recipientUserId ?? sql`NULL`})::uuid, (${m.recipientEnterpriseId ?? sql`NULL`})::uuid, NULL::text,
                 ${m.channels}::text[], ${m.template}::text, ${m.params}, ${m.isUrgent}::boolean,
                 ${m.isSolicited}::boolean, ${m.priority}::smallint
          FROM ${m.from}`,
  )
  const jobs = wakeUpJobSql(queue)
  return sql`told AS (
      INSERT INTO notifications (recipient_user_id, recipient_enterprise_id, recipient_phone, channels,
                                 template, params, is_urgent, is_solicited, priority)
      ${sql.join(selects, sql` UNION ALL `)}
      RETURNING id
    ), woken AS (
      ${insertJobsSql(jobInsert, jobs)}
    )`
}

export async function lockNotificationForDelivery(tx: Tx, id: string) {
  return tx
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
}

/** Serialises deliveries to one enterprise, so two workers cannot both use its last free contact. */
export async function lockEnterpriseContacts(tx: Tx, enterpriseId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'contact-cap:' + enterpriseId}))`.execute(tx)
}

/** Send times of the non-urgent contacts made with an enterprise since `since`, oldest first. */
export async function findRecentContacts(tx: Executor, enterpriseId: string, since: Date): Promise<Date[]> {
  const rows = await tx
    .selectFrom('notifications')
    .select('sent_at')
    .where('recipient_enterprise_id', '=', enterpriseId)
    .where('is_urgent', '=', false)
    .where('is_solicited', '=', false)
    .where('status', '=', 'sent')
    .where('sent_at', '>', since)
    .orderBy('sent_at')
    .execute()
  return rows.map((r) => r.sent_at!)
}

/** Enterprises with at least `cap` counted contacts since `since` (at the cap now: a new message waits). */
export async function findEnterprisesAtCap(db: Executor, since: Date, cap: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('recipient_enterprise_id')
    .where('recipient_enterprise_id', 'is not', null)
    .where('is_urgent', '=', false)
    .where('is_solicited', '=', false)
    .where('status', '=', 'sent')
    .where('sent_at', '>', since)
    .groupBy('recipient_enterprise_id')
    .having((eb) => eb.fn.countAll(), '>=', cap)
    .execute()
  return rows.map((r) => r.recipient_enterprise_id!)
}

export async function markNotificationDeferred(tx: Tx, id: string, notBefore: Date): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({ status: 'deferred', not_before: notBefore, deferral_count: sql`deferral_count + 1` })
    .where('id', '=', id)
    .execute()
}

/** Messages a delivery round sent, marked in one statement. */
export async function markNotificationsSent(tx: Tx, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return
  await tx
    .updateTable('notifications')
    .set({ status: 'sent', sent_at: at, last_error: null })
    .where(sql<boolean>`id = ANY(${ids}::uuid[])`)
    .execute()
}

export async function markNotificationRetry(
  tx: Tx,
  id: string,
  error: string,
  notBefore: Date,
  giveUp: boolean,
): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts: sql`attempts + 1`,
      last_error: error.slice(0, 500),
      not_before: notBefore,
    })
    .where('id', '=', id)
    .execute()
}

/** One send (or failed try) of a message on one channel, as its delivery record keeps it. */
export type DeliveryRecord = {
  notificationId: string
  channel: NotificationChannel
  address: string | null
  status: 'sent' | 'failed'
  text: string
  detail: string | null
}

/** A delivery round's records in one statement. */
export async function insertDeliveries(tx: Executor, rows: DeliveryRecord[]): Promise<void> {
  if (rows.length === 0) return
  await tx
    .insertInto('notification_deliveries')
    .values(
      rows.map((row) => ({
        notification_id: row.notificationId,
        channel: row.channel,
        address: row.address,
        status: row.status,
        rendered_text: row.text,
        detail: row.detail,
      })),
    )
    .execute()
}

/** Phone numbers and e-mail addresses of a user, or of everyone who acts for an enterprise. */
export async function findContactAddresses(
  tx: Executor,
  recipient: { userId: string | null; enterpriseId: string | null },
): Promise<{ phones: string[]; emails: string[] }> {
  let rows: { phone: string | null; email: string | null }[] = []
  if (recipient.userId) {
    rows = await tx
      .selectFrom('users')
      .select(['phone', 'email'])
      .where('id', '=', recipient.userId)
      .execute()
  } else if (recipient.enterpriseId) {
    rows = await tx
      .selectFrom('enterprise_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.phone', 'u.email'])
      .where('m.enterprise_id', '=', recipient.enterpriseId)
      .where('u.is_disabled', '=', false)
      .execute()
  }
  return {
    phones: [...new Set(rows.map((r) => r.phone).filter((p): p is string => !!p))],
    emails: [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))],
  }
}

export type DueNotification = Awaited<ReturnType<typeof lockNotificationForDelivery>> & {}

/**
 * One round of delivery: the due messages, most urgent first, then oldest first, locked for this
 * transaction. SKIP LOCKED lets several nodes (or a worker and the urgent lane) take rounds at the
 * same time without waiting for each other or sending anything twice.
 */
export async function claimDueNotifications(
  tx: Tx,
  now: Date,
  limit: number,
  maxPriority = 2,
): Promise<DueNotification[]> {
  return tx
    .selectFrom('notifications')
    .selectAll()
    .where('status', 'in', ['pending', 'deferred'])
    .where('not_before', '<=', now)
    .where('priority', '<=', maxPriority)
    .orderBy('priority')
    .orderBy('not_before')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

/**
 * Blanks secrets (one-time codes) in old messages of a template: the delivery record keeps that a
 * message went out, not what it said.
 */
export async function scrubOldMessages(db: Executor, template: string, olderThan: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ params: '{}' })
    .where('template', '=', template)
    .where('created_at', '<', olderThan)
    .where(sql<boolean>`params <> '{}'::jsonb`)
    .execute()
  await db
    .updateTable('notification_deliveries')
    .set({ rendered_text: sql`regexp_replace(rendered_text, '[0-9]{6}', '******', 'g')` })
    .where('at', '<', olderThan)
    .where('notification_id', 'in', (eb) =>
      eb
        .selectFrom('notifications as n')
        .select('n.id')
        .where('n.template', '=', template)
        .where('n.created_at', '<', olderThan),
    )
    .where('rendered_text', '~', '[0-9]{6}')
    .execute()
}
