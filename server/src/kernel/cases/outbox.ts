import type { OperationNodeSource } from 'kysely'
import type { Tx } from '../db/database'
import type { NotificationRequest, Notifier } from '../notify/notifier'

/**
 * What an action tells people goes into the outbox in the action's own transaction: delivered after
 * commit, never for a move that rolled back. Who the staff are comes from the module (it knows which
 * departments and roles a case concerns); the kit writes one message per person.
 */

/** One message per member of staff, each in their own inbox. */
export async function notifyEach(
  notifier: Pick<Notifier, 'enqueue'>,
  tx: Tx,
  userIds: readonly string[],
  message: Omit<NotificationRequest, 'recipient'>,
): Promise<void> {
  for (const userId of userIds) await notifier.enqueue(tx, { ...message, recipient: { userId } })
}

/**
 * Tells the applicant about its own case: an answer to its request, so it never counts against the
 * contact cap (decision 0005). Unsolicited contact (a survey, a push) does not come through here.
 * `alongside`: the write the message announces (a notice issued), not yet sent: one statement for both.
 */
export async function notifyApplicant(
  notifier: Pick<Notifier, 'enqueue'>,
  tx: Tx,
  enterpriseId: string,
  message: Omit<NotificationRequest, 'recipient' | 'isSolicited'>,
  alongside?: OperationNodeSource,
): Promise<void> {
  await notifier.enqueue(tx, { recipient: { enterpriseId }, ...message, isSolicited: true }, alongside)
}
