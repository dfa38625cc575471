import { maskPhone } from '../../shared/phone'
import { resolveSealedRecipient } from './sealed-recipients'
import { formatInstant } from '../calendar/zoned-time'
import type { OperationNodeSource, RawBuilder } from 'kysely'
import type { Db, Tx } from '../db/database'
import { AppError } from '../errors'
import type { NotificationChannel } from '../db/schema'
import { translate } from '../i18n'
import type { Jobs } from '../jobs'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { MessageAdapter } from './adapters'
import { notificationPriority, ORDINARY_PRIORITY, URGENT_PRIORITY } from './priorities'
import {
  claimDueNotifications,
  type DueNotification,
  findContactAddresses,
  findEnterprisesAtCap,
  findRecentContacts,
  insertDeliveries,
  type DeliveryRecord,
  insertNotification,
  insertNotificationsWithJobs,
  lockEnterpriseContacts,
  lockNotificationForDelivery,
  markNotificationDeferred,
  markNotificationRetry,
  markNotificationsSent,
  outboxSql,
} from './notify.queries'

export type Recipient =
  | { userId: string }
  | { enterpriseId: string }
  | { phone: string }
  /** a sealed address, `<kind>:<id>` (sealed-recipients.ts): only the reference is kept */
  | { sealed: string }

/**
 * A message written by the statement that makes the change (Notifier.outboxSql): one per row of
 * `from`, to the user or enterprise an SQL expression over its columns names, with jsonb `params`.
 */
export type StatementMessage = Omit<NotificationRequest, 'recipient' | 'params'> & {
  from: RawBuilder<unknown>
  recipient: { userId: RawBuilder<string> } | { enterpriseId: RawBuilder<string> }
  params: RawBuilder<unknown>
}

export type NotificationRequest = {
  recipient: Recipient
  /** Texts come from the i18n keys notify.<template>.title and notify.<template>.body. */
  template: string
  params?: Record<string, string | number>
  channels?: NotificationChannel[]
  /** Urgent messages (sign-in codes, safety) are not counted against the enterprise's contact cap. */
  isUrgent?: boolean
  /** Answers to the enterprise's own request (a receipt, the reply it waits for): not counted either. */
  isSolicited?: boolean
}

export type DeliveryOutcome = 'sent' | 'deferred' | 'retry' | 'failed' | 'skipped'

export const DELIVER_QUEUE = 'notifications.deliver'
export const SWEEP_QUEUE = 'notifications.sweep'
const WEEK_MS = 7 * 86_400_000
const MAX_ATTEMPTS = 6
/** Messages per delivery round (one transaction): PostgreSQL; the embedded database takes smaller rounds. */
export const DELIVERY_BATCH_SIZE = 100

export function renderNotification(
  template: string,
  params: Record<string, string | number>,
  locale?: 'zh-CN' | 'en',
) {
  return {
    title: translate(`notify.${template}.title`, params, locale),
    body: translate(`notify.${template}.body`, params, locale),
  }
}

/**
 * The outbox. enqueue() writes a notification and its delivery job in the caller's transaction;
 * deliver() sends it through its channels — unless the enterprise has had its weekly share of
 * non-urgent contacts from the government, in which case it waits (never dropped) until a contact
 * leaves the seven-day window.
 */
export class Notifier {
  constructor(
    private readonly deps: {
      db: Db
      jobs: Jobs
      sms: MessageAdapter
      email: MessageAdapter
      contactCapPerWeek: number
      logger: Logger
      metrics: Metrics
      /** Messages per delivery round; smaller on the embedded database, whose one connection requests share. */
      batchSize?: number
    },
  ) {}

  /** The drain running in this process, if any, and whether more became due while it ran. */
  private draining: Promise<number> | null = null
  private drainAgain = false

  register(): void {
    // Data: { messages } from a statement that wrote messages, { id } from a deferral or a retry.
    this.deps.jobs.register<{ messages?: number; id?: string }>(
      DELIVER_QUEUE,
      // Any delivery job drains everything due, most urgent first: a code queued behind 10,000
      // messages goes in the next round, whichever job woke the worker.
      async () => {
        await this.drain()
      },
      // The job a statement that writes messages adds beside them is the durable "there is work"
      // signal (one per statement, decision 0070); a fetch of up to 100 is one wake-up.
      { pollingIntervalSeconds: 1, batchSize: 100, oncePerBatch: true },
    )
    // The safety net: anything whose job was lost or whose deferral ended gets picked up.
    this.deps.jobs.register(
      SWEEP_QUEUE,
      async () => {
        await this.drain()
      },
      { cron: '* * * * *' },
    )
  }

  /** `alongside`: a write not yet sent that the message announces, sent in the same statement. */
  async enqueue(tx: Tx, request: NotificationRequest, alongside?: OperationNodeSource): Promise<string> {
    const [id] = await this.write(tx, [request], alongside)
    return id!
  }

  /**
   * Many messages at once (a policy push to thousands of enterprises): the rows and a delivery job,
   * one statement per 500, in the caller's transaction. Each still meets the contact cap on
   * delivery.
   */
  async enqueueMany(tx: Tx, requests: NotificationRequest[]): Promise<string[]> {
    return this.write(tx, requests)
  }

  private async write(tx: Tx, requests: NotificationRequest[], alongside?: OperationNodeSource) {
    const ids: string[] = []
    if (requests.length === 0 && alongside) throw new Error('a write alongside messages needs a message')
    if (requests.length === 0) return ids
    const jobInsert = await this.deps.jobs.insertStatementOf(DELIVER_QUEUE)
    for (let i = 0; i < requests.length; i += 500) {
      const batch = requests.slice(i, i + 500)
      const inserted = await insertNotificationsWithJobs(
        tx,
        batch.map((request) => {
          const r = request.recipient
          return {
            recipientUserId: 'userId' in r ? r.userId : null,
            recipientEnterpriseId: 'enterpriseId' in r ? r.enterpriseId : null,
            recipientPhone: 'phone' in r ? r.phone : null,
            recipientRef: 'sealed' in r ? r.sealed : null,
            channels: request.channels ?? ('phone' in r ? ['sms'] : ['inbox']),
            template: request.template,
            params: request.params ?? {},
            isUrgent: request.isUrgent ?? false,
            isSolicited: request.isSolicited ?? false,
            priority: notificationPriority(request.template),
          }
        }),
        DELIVER_QUEUE,
        jobInsert,
        i === 0 ? alongside : undefined,
      )
      ids.push(...inserted)
    }
    return ids
  }

  /**
   * The outbox as CTEs of the statement that makes the change (decision 0040): the messages and their
   * delivery job, what enqueueMany writes, without a round trip of their own.
   */
  async outboxSql(messages: StatementMessage[]): Promise<RawBuilder<unknown>> {
    const jobInsert = await this.deps.jobs.insertStatementOf(DELIVER_QUEUE)
    return outboxSql(
      messages.map((m) => ({
        from: m.from,
        recipientUserId: 'userId' in m.recipient ? m.recipient.userId : null,
        recipientEnterpriseId: 'enterpriseId' in m.recipient ? m.recipient.enterpriseId : null,
        params: m.params,
        channels: m.channels ?? ['inbox'],
        template: m.template,
        isUrgent: m.isUrgent ?? false,
        isSolicited: m.isSolicited ?? false,
        priority: notificationPriority(m.template),
      })),
      DELIVER_QUEUE,
      jobInsert,
    )
  }

  /** How many counted contacts the enterprise had in the last seven days, and when the next slot frees if at the cap. */
  async contactStatus(
    db: Db | Tx,
    enterpriseId: string,
    now = new Date(),
  ): Promise<{ count: number; cap: number; freesAt: Date | null }> {
    const cap = this.deps.contactCapPerWeek
    const recent = await findRecentContacts(db, enterpriseId, new Date(now.getTime() - WEEK_MS))
    const atCap = cap > 0 && recent.length >= cap
    return {
      count: recent.length,
      cap,
      freesAt: atCap ? new Date(recent[recent.length - cap]!.getTime() + WEEK_MS) : null,
    }
  }

  /** The enterprises at their weekly cap now: a message to them waits (a publication preview counts them). */
  async findEnterprisesAtCap(db: Db | Tx, now = new Date()): Promise<Set<string>> {
    const cap = this.deps.contactCapPerWeek
    if (cap <= 0) return new Set()
    return new Set(await findEnterprisesAtCap(db, new Date(now.getTime() - WEEK_MS), cap))
  }

  /**
   * A contact made by a person, not through the outbox (a return-visit phone call): it counts against
   * the cap like any message. Refuses CONTACT_CAP_REACHED when the enterprise has had its share, so
   * nobody can ring an enterprise more often than the outbox may message it.
   */
  async recordManualContact(
    tx: Tx,
    input: {
      enterpriseId: string
      template: string
      params?: Record<string, string | number>
      /** for the refusal's "free again at …" */
      timeZone: string
    },
    now = new Date(),
  ): Promise<string> {
    await lockEnterpriseContacts(tx, input.enterpriseId)
    const status = await this.contactStatus(tx, input.enterpriseId, now)
    if (status.freesAt)
      throw new AppError('CONTACT_CAP_REACHED', {
        params: { count: status.count, freesAt: formatInstant(status.freesAt, input.timeZone) },
      })
    const id = await insertNotification(tx, {
      recipientUserId: null,
      recipientEnterpriseId: input.enterpriseId,
      recipientPhone: null,
      channels: ['phone'],
      template: input.template,
      params: input.params ?? {},
      isUrgent: false,
      isSolicited: false,
      priority: ORDINARY_PRIORITY,
    })
    await markNotificationsSent(tx, [id], now)
    return id
  }

  /**
   * Delivers everything due at `now`, in rounds of the batch size, most urgent first (tests and
   * maintenance; the workers use drain()). Returns how many messages were handled.
   */
  async deliverDue(now = new Date()): Promise<number> {
    let total = 0
    for (;;) {
      const handled = await this.deliverRound(now)
      total += handled
      if (handled < this.batchSize) return total
    }
  }

  /**
   * The fast lane: after a request commits a code, deliver the most urgent messages at once instead
   * of waiting for a worker to poll. Only on a node that runs job workers (tests run deliveries
   * themselves); never throws into the request.
   */
  deliverUrgentNow(): void {
    if (!this.deps.jobs.workersRunning) return
    void this.deliverRound(new Date(), URGENT_PRIORITY).catch((error: unknown) =>
      this.deps.logger.error({ err: error }, 'urgent delivery failed'),
    )
  }

  /**
   * Delivers until nothing is due, one round at a time (yielding between rounds). One drain per
   * process: a job arriving while it runs asks it to look once more instead of starting another.
   */
  async drain(): Promise<number> {
    if (this.draining) {
      this.drainAgain = true
      return this.draining
    }
    const run = async () => {
      let total = 0
      for (;;) {
        this.drainAgain = false
        const handled = await this.deliverRound(new Date())
        total += handled
        if (handled < this.batchSize && !this.drainAgain) return total
        // Shutting down: what is left stays due, and the next worker's drain takes it.
        if (this.deps.jobs.isStopping) return total
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    this.draining = run().finally(() => {
      this.draining = null
    })
    return this.draining
  }

  private get batchSize(): number {
    return this.deps.batchSize ?? DELIVERY_BATCH_SIZE
  }

  /**
   * One round: claim up to a batch of due messages (SKIP LOCKED) and deliver them in one transaction.
   * If the round's transaction fails, its messages are tried one by one, each in its own transaction,
   * so one bad message cannot hold back the others.
   */
  private async deliverRound(now: Date, maxPriority = 2): Promise<number> {
    const outcomes: DeliveryOutcome[] = []
    let claimed: string[] = []
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        outcomes.length = 0
        const due = await claimDueNotifications(tx, now, this.batchSize, maxPriority)
        claimed = due.map((n) => n.id)
        const writes = newRoundWrites()
        for (const n of due) outcomes.push(await this.deliverIn(tx, n, now, writes))
        await flushRoundWrites(tx, writes, now)
      })
    } catch (error) {
      if (claimed.length === 0) throw error
      this.deps.logger.warn({ err: error }, 'a delivery round failed: delivering its messages one by one')
      for (const id of claimed) {
        try {
          await this.deliver(id, now)
        } catch (single) {
          this.deps.logger.error({ err: single, notificationId: id }, 'notification delivery failed')
          await this.postpone(id, (single as Error).message, now).catch(() => undefined)
        }
      }
      return claimed.length
    }
    for (const outcome of outcomes) this.deps.metrics.notificationsDelivered.inc({ outcome })
    return outcomes.length
  }

  /** A message whose delivery itself fails is retried later like a failed send, never at once in a loop. */
  private async postpone(id: string, error: string, now: Date): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const n = await lockNotificationForDelivery(tx, id)
      if (!n || (n.status !== 'pending' && n.status !== 'deferred')) return
      const attempts = n.attempts + 1
      const giveUp = attempts >= MAX_ATTEMPTS
      const retryAt = new Date(now.getTime() + 2 ** attempts * 60_000)
      await markNotificationRetry(tx, id, error, retryAt, giveUp)
      if (!giveUp) await this.deps.jobs.send(tx, DELIVER_QUEUE, { id }, { startAfter: retryAt })
    })
  }

  async deliver(id: string, now = new Date()): Promise<DeliveryOutcome> {
    const outcome = await this.deps.db.transaction().execute(async (tx) => {
      const n = await lockNotificationForDelivery(tx, id)
      if (!n) return 'skipped'
      const writes = newRoundWrites()
      const delivered = await this.deliverIn(tx, n, now, writes)
      await flushRoundWrites(tx, writes, now)
      return delivered
    })
    this.deps.metrics.notificationsDelivered.inc({ outcome })
    return outcome
  }

  /**
   * Sends one message. Its delivery records and its "sent" join the round's `writes`, written together
   * at the round's end (two statements for the round, not two a message) — or before a cap check here,
   * which must count what the round already sent.
   */
  private async deliverIn(
    tx: Tx,
    n: DueNotification,
    now: Date,
    writes: RoundWrites,
  ): Promise<DeliveryOutcome> {
    const id = n.id
    if ((n.status !== 'pending' && n.status !== 'deferred') || n.not_before > now) return 'skipped'

    const cap = this.deps.contactCapPerWeek
    if (n.recipient_enterprise_id && !n.is_urgent && !n.is_solicited && cap > 0) {
      await flushRoundWrites(tx, writes, now)
      await lockEnterpriseContacts(tx, n.recipient_enterprise_id)
      const recent = await findRecentContacts(
        tx,
        n.recipient_enterprise_id,
        new Date(now.getTime() - WEEK_MS),
      )
      if (recent.length >= cap) {
        // A slot frees when the contact that keeps the count at the cap leaves the window.
        const freesAt = new Date(recent[recent.length - cap]!.getTime() + WEEK_MS)
        await markNotificationDeferred(tx, id, freesAt)
        await this.deps.jobs.send(tx, DELIVER_QUEUE, { id }, { startAfter: freesAt })
        return 'deferred'
      }
    }

    const text = renderNotification(n.template, n.params, 'zh-CN')
    // A sealed address is opened only here, for the send; its delivery record keeps it masked.
    const sealedPhone = n.recipient_ref ? await resolveSealedRecipient(tx, n.recipient_ref) : null
    // An inbox message needs no address: only a text or an e-mail looks one up.
    const addresses = n.recipient_ref
      ? { phones: sealedPhone ? [sealedPhone] : [], emails: [] }
      : n.recipient_phone
        ? { phones: [n.recipient_phone], emails: [] }
        : n.channels.some((channel) => channel !== 'inbox')
          ? await findContactAddresses(tx, {
              userId: n.recipient_user_id,
              enterpriseId: n.recipient_enterprise_id,
            })
          : { phones: [], emails: [] }
    const recordedAddress = (to: string) => (n.recipient_ref ? maskPhone(to) : to)
    const errors: string[] = []
    let delivered = 0
    for (const channel of n.channels) {
      if (channel === 'inbox') {
        writes.deliveries.push({
          notificationId: id,
          channel,
          address: null,
          status: 'sent',
          text: text.body,
          detail: null,
        })
        delivered++
        continue
      }
      const adapter = channel === 'sms' ? this.deps.sms : this.deps.email
      const targets = channel === 'sms' ? addresses.phones : addresses.emails
      const messageText = channel === 'sms' ? `【营商通】${text.body}` : text.body
      for (const to of targets) {
        try {
          const result = await adapter.send({ to, subject: text.title, text: messageText })
          writes.deliveries.push({
            notificationId: id,
            channel,
            address: recordedAddress(to),
            status: 'sent',
            text: messageText,
            detail: result.detail ?? null,
          })
          delivered++
        } catch (error) {
          const message = (error as Error).message
          errors.push(`${channel} ${recordedAddress(to)}: ${message}`)
          writes.deliveries.push({
            notificationId: id,
            channel,
            address: recordedAddress(to),
            status: 'failed',
            text: messageText,
            detail: message,
          })
        }
      }
    }
    if (delivered > 0 || errors.length === 0) {
      writes.sent.push(id)
      return 'sent'
    }
    const attempts = n.attempts + 1
    const giveUp = attempts >= MAX_ATTEMPTS
    const retryAt = new Date(now.getTime() + 2 ** attempts * 60_000)
    await markNotificationRetry(tx, id, errors.join('; '), retryAt, giveUp)
    if (!giveUp) await this.deps.jobs.send(tx, DELIVER_QUEUE, { id }, { startAfter: retryAt })
    this.deps.logger.warn({ notificationId: id, errors }, 'notification delivery failed')
    return giveUp ? 'failed' : 'retry'
  }
}

/** What a delivery round has done but not yet written. */
type RoundWrites = { deliveries: DeliveryRecord[]; sent: string[] }

const newRoundWrites = (): RoundWrites => ({ deliveries: [], sent: [] })

async function flushRoundWrites(tx: Tx, writes: RoundWrites, now: Date): Promise<void> {
  await insertDeliveries(tx, writes.deliveries.splice(0))
  await markNotificationsSent(tx, writes.sent.splice(0), now)
}
