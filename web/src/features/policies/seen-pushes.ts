/**
 * Whether a match is a push the enterprise has not opened yet: the server records the view when
 * the item's explanation is opened and says so in `viewedAt`, on every device alike.
 */
export function isNewPush(match: { pushedAt: string | null; viewedAt: string | null }): boolean {
  return match.pushedAt !== null && match.viewedAt === null
}
