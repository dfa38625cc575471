import { Worker } from 'node:worker_threads'
import {
  DRAW_TIERS,
  drawTier,
  drawTiers,
  type DrawnTarget,
  type DrawOutcome,
  type DrawTier,
} from './draw-algorithm'
import type { TieredList } from './draw-list-read'
import type { DrawWorkerAnswer, DrawWorkerRequest } from './draw-worker'

/**
 * runDraw on two threads for a large list (decision 0061): the tiers do not depend on one another, so
 * they are split in two halves of about the same number of enterprises; a worker thread makes one
 * half with the same drawTier while this thread makes the other, and the parts are put back in the
 * order A B C D U — the same outcome as runDraw, which the tests hold. Below `minEnterprises` (or
 * with one tier) one thread is faster than handing over the ids.
 */
export const THREADED_DRAW_ENTERPRISES = 200_000

let worker: Worker | null = null
let nextId = 1
const waiting = new Map<number, (answer: DrawWorkerAnswer) => void>()

function drawWorker(): Worker {
  if (worker) return worker
  // The worker is TypeScript like the rest: a one-line module registers tsx's loader, then loads it.
  const bootstrap = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}`,
    'register()',
    `await import(${JSON.stringify(new URL('./draw-worker.ts', import.meta.url).href)})`,
  ].join('\n')
  const started = new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`))
  started.unref()
  started.on('message', (answer: DrawWorkerAnswer) => {
    waiting.get(answer.id)?.(answer)
    waiting.delete(answer.id)
  })
  const fail = (error: unknown) => {
    for (const [id, settle] of waiting) settle({ id, error: String(error) })
    waiting.clear()
    worker = null
  }
  started.on('error', fail)
  started.on('exit', (code) => fail(`the draw worker stopped (${code})`))
  worker = started
  return started
}

/** Starts the worker ahead of a draw (its start overlaps reading the list); a no-op once it runs. */
export function prepareDrawThreads(): void {
  drawWorker()
}

/** Stops the worker thread (a test, a script that wants to exit); the next draw starts another. */
export async function stopDrawThreads(): Promise<void> {
  const running = worker
  worker = null
  if (running) await running.terminate()
}

/**
 * runDraw's outcome from the list split by tier (draw-list-read.ts reads the frozen text that way;
 * `tieredList` splits a parsed one).
 */
export async function runTieredDrawOnThreads(
  list: TieredList,
  seed: string,
  minEnterprises = THREADED_DRAW_ENTERPRISES,
): Promise<DrawOutcome> {
  const { byTier, recused } = list
  const sizes = DRAW_TIERS.map((tier) => ({ tier, n: byTier.get(tier)!.length })).sort((a, b) => b.n - a.n)
  if (list.enterpriseCount < minEnterprises || sizes[1]!.n === 0)
    return drawTiers(list, byTier, recused, seed)
  // the largest tiers first, each to the lighter half
  const here: DrawTier[] = []
  const there: DrawTier[] = []
  let hereSize = 0
  let thereSize = 0
  for (const { tier, n } of sizes)
    if (hereSize <= thereSize) {
      here.push(tier)
      hereSize += n
    } else {
      there.push(tier)
      thereSize += n
    }
  const id = nextId++
  const answered = new Promise<DrawWorkerAnswer>((resolve) => waiting.set(id, resolve))
  drawWorker().postMessage({
    id,
    seed,
    list: {
      ratios: list.ratios,
      inspectors: list.inspectors,
      inspectorsPerTarget: list.inspectorsPerTarget,
      conflicts: list.conflicts,
    },
    tiers: there.map((tier) => ({ tier, ids: byTier.get(tier)! })),
  } satisfies DrawWorkerRequest)
  const parts = new Map<DrawTier, DrawOutcome>()
  for (const tier of here) parts.set(tier, drawTier(list, tier, byTier.get(tier)!, recused, seed))
  const answer = await answered
  // A worker that could not start or failed costs time, never the draw: its tiers are made here.
  if ('error' in answer)
    for (const tier of there) parts.set(tier, drawTier(list, tier, byTier.get(tier)!, recused, seed))
  else for (const part of answer.parts) parts.set(part.tier, part.outcome)
  const targets: DrawnTarget[] = []
  for (const tier of DRAW_TIERS) {
    const part = parts.get(tier)!
    if (!part.ok) return part
    for (const target of part.targets) targets.push(target)
  }
  return { ok: true, targets }
}
