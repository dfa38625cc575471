/**
 * Which pushed matches this enterprise has opened. The server records the view when the detail is
 * opened but its list does not say so yet (MatchSchema has pushedAt, no viewedAt); until it does,
 * the phone remembers what it opened, so a "new" mark goes away once read. A `viewedAt` in the
 * answer wins whenever the server sends one.
 */
const storageKey = (enterpriseId: string) => `ys.seenPushes.${enterpriseId}`

export function readSeen(enterpriseId: string): Set<string> {
  try {
    const raw = localStorage.getItem(storageKey(enterpriseId))
    const parsed: unknown = raw ? JSON.parse(raw) : []
    return new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [])
  } catch {
    return new Set()
  }
}

export function markSeen(enterpriseId: string, itemId: string): void {
  const seen = readSeen(enterpriseId)
  if (seen.has(itemId)) return
  seen.add(itemId)
  try {
    // The newest 500 are enough: older pushes are long read.
    localStorage.setItem(storageKey(enterpriseId), JSON.stringify([...seen].slice(-500)))
  } catch {
    // Storage off (private mode): the mark just stays until the server says it was viewed.
  }
}

/** Pushed, and neither the server nor this phone knows it was opened. */
export function isNewPush(
  match: { item: { id: string }; pushedAt: string | null; viewedAt?: string | null },
  seen: ReadonlySet<string>,
): boolean {
  if (!match.pushedAt) return false
  if (match.viewedAt !== undefined) return match.viewedAt === null
  return !seen.has(match.item.id)
}
