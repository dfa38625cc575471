/** How long a poll waits for what another connection or node brings in its own time. */
const GIVE_UP_MS = 20_000
const EVERY_MS = 10

/**
 * Reads until the value holds — a notification heard, a lock taken by another connection — and
 * returns it; fails naming what never came. Waits for an event, asserts nothing about how long.
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  holds: (value: T) => boolean,
  what = 'the condition',
): Promise<T> {
  for (let waited = 0; ; waited += EVERY_MS) {
    const value = await read()
    if (holds(value)) return value
    if (waited > GIVE_UP_MS) throw new Error(`never: ${what}`)
    await new Promise((r) => setTimeout(r, EVERY_MS))
  }
}

/** Waits until the condition is true. */
export async function until(condition: () => boolean | Promise<boolean>, what?: string): Promise<void> {
  await eventually(condition, Boolean, what)
}
