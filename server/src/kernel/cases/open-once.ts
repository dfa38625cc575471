import type { Db, Tx } from '../db/database'

/**
 * Opens a case once per idempotency key: a retry (or a double tap) of the same request answers the
 * case the key first opened, and never opens a second. The module finds the case a key opened and
 * checks the retry is the same request (`replay`: kernel/idempotency.ts refuses a reused key with
 * IDEMPOTENCY_KEY_REUSED); the kit runs the race: when two submits with one key collide on the
 * unique index (or on a refusal the module names with `isLostRace`), the loser answers the winner's
 * case; if no case of this key won, the loser's own error stands (or `noWinner` says what to answer).
 */
export async function openOnce<T>(
  db: Db,
  steps: {
    replay: () => Promise<T | undefined>
    open: (tx: Tx) => Promise<T>
    isLostRace?: (error: unknown) => boolean
    noWinner?: (error: unknown) => Error
  },
): Promise<{ opened: T; replayed: boolean }> {
  const first = await steps.replay()
  if (first !== undefined) return { opened: first, replayed: true }
  try {
    return { opened: await db.transaction().execute(steps.open), replayed: false }
  } catch (error) {
    if (!isUniqueViolation(error) && !(steps.isLostRace?.(error) ?? false)) throw error
    const winner = await steps.replay()
    if (winner !== undefined) return { opened: winner, replayed: true }
    throw steps.noWinner ? steps.noWinner(error) : error
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505'
}
