import type { ResolvedSession } from './sessions'

type Entry = { session: ResolvedSession; keptUntil: number; sessionExpiresAt: number }

/**
 * Resolved sessions kept for a moment, so a burst of reads does not look the same session up again
 * (decision 0031). Only reads use it: every write resolves its session from the database. A change
 * made on this node (sign-out, role change, disabling, consent) forgets the user's entries at once; a
 * change made on another node, or one that only the clock brings (a session expiring is checked here,
 * a legal document coming into effect is not), reaches this node's reads within `ttlMs`.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>()
  #generation = 0

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 10_000,
  ) {}

  /** The cached session for a token hash, while it is fresh and the session itself is live. */
  get(tokenHash: string, now: number): ResolvedSession | undefined {
    if (this.ttlMs <= 0) return undefined
    const entry = this.#entries.get(tokenHash)
    if (!entry) return undefined
    if (now >= entry.keptUntil || now >= entry.sessionExpiresAt || now < entry.keptUntil - this.ttlMs) {
      this.#entries.delete(tokenHash)
      return undefined
    }
    return entry.session
  }

  /** Taken before a database lookup: a fill whose lookup began before a forget is dropped. */
  get generation(): number {
    return this.#generation
  }

  set(
    tokenHash: string,
    session: ResolvedSession,
    sessionExpiresAt: Date,
    lookupGeneration: number,
    now: number,
  ): void {
    if (this.ttlMs <= 0 || lookupGeneration !== this.#generation) return
    if (this.#entries.size >= this.maxEntries) {
      // Oldest first (a Map keeps insertion order): a full cache costs lookups, never memory.
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
    // Shared by every request that hits it: nobody may change it in place.
    Object.freeze(session.actor.roles)
    Object.freeze(session.actor)
    Object.freeze(session)
    this.#entries.delete(tokenHash)
    this.#entries.set(tokenHash, {
      session,
      keptUntil: now + this.ttlMs,
      sessionExpiresAt: sessionExpiresAt.getTime(),
    })
  }

  forgetSession(sessionId: string): void {
    this.#forget((e) => e.session.actor.sessionId === sessionId)
  }

  forgetUser(userId: string): void {
    this.#forget((e) => e.session.actor.userId === userId)
  }

  /** A change that concerns everyone (a new legal document). */
  forgetAll(): void {
    this.#generation++
    this.#entries.clear()
  }

  #forget(matches: (entry: Entry) => boolean): void {
    this.#generation++
    for (const [key, entry] of this.#entries) if (matches(entry)) this.#entries.delete(key)
  }
}
