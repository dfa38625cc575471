/**
 * Which messages go first when the outbox has a backlog (issue 10 item 4). Delivery takes due
 * messages by priority, then by time: a burst of filings or a policy push to thousands of
 * enterprises never holds back a sign-in code, which expires in minutes.
 *
 *   0 — codes and security messages: a person is waiting with the screen open, or something changed
 *       that the enterprise must be able to stop (its settlement account, who acts for it)
 *   1 — deadlines and clock warnings: a case about to breach its limit
 *   2 — everything else (receipts, replies, pushes, reviews)
 *
 * Decided by template so that no caller can forget it; a template not listed here is ordinary.
 */
export type NotificationPriority = 0 | 1 | 2

export const URGENT_PRIORITY: NotificationPriority = 0
export const ORDINARY_PRIORITY: NotificationPriority = 2

const PRIORITY_BY_TEMPLATE: Readonly<Record<string, NotificationPriority>> = {
  // 0: a one-time code someone waits for
  'auth.sign_in_code': 0,
  'enterprise_claim.code': 0,
  'settlement_account.code': 0,
  // 0: security — the money's destination changed, a person now acts for the enterprise
  'settlement_account.changed': 0,
  'enterprise.member_added': 0,
  // 1: working-time clocks
  'appeal.warning': 1,
  'appeal.breach': 1,
  'appeal.escalated': 1,
  'appeal.extension_requested': 1,
  'appeal.extension_decided': 1,
}

export function notificationPriority(template: string): NotificationPriority {
  return Object.hasOwn(PRIORITY_BY_TEMPLATE, template) ? PRIORITY_BY_TEMPLATE[template]! : ORDINARY_PRIORITY
}
