/**
 * Background work in slices. The embedded database is one connection and Node is one thread: a job
 * that holds either for seconds makes every request wait behind it. A job works in slices instead —
 * each a short transaction of about SLICE_BUDGET_MS of work — and yields between them, so requests
 * queued meanwhile take the connection (the pool hands a released connection to the first waiter)
 * and the event loop before the job's next slice (decision 0029).
 */
export const SLICE_BUDGET_MS = 50

/** Lets queued I/O callbacks and connection waiters run before the caller continues. */
export function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * How many units (enterprises, rows, items) the next slice takes: measured slices steer the size
 * towards the budget, within [min, max].
 */
export class SliceSizer {
  size: number

  constructor(
    private readonly min: number,
    private readonly max: number,
    initial = min,
    private readonly budgetMs = SLICE_BUDGET_MS,
  ) {
    this.size = clamp(initial, min, max)
  }

  /** A slice of `units` took `ms`: aim the next one at the budget (halfway, so one outlier does not swing it). */
  measured(units: number, ms: number): void {
    if (units <= 0) return
    const target = ms > 0 ? (units * this.budgetMs) / ms : this.max
    this.size = clamp(Math.round((this.size + target) / 2), this.min, this.max)
  }
}

/** CPU work between awaits: `pause()` yields once the budget is spent since the last yield. */
export class SliceClock {
  private since = performance.now()

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  isDue(): boolean {
    return performance.now() - this.since >= this.budgetMs
  }

  async pause(): Promise<void> {
    if (!this.isDue()) return
    await yieldToQueue()
    this.since = performance.now()
  }

  /** Yields now, whatever was spent (after a slice's transaction committed). */
  async yield(): Promise<void> {
    await yieldToQueue()
    this.since = performance.now()
  }
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n))
