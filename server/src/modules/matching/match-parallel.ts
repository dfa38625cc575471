import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Node } from '../../shared/rules/ast'
import type { FactDefinition } from '../../shared/rules/fact-schema'
import type { Population } from './match-population'
import { evaluateItemsInto, VectorEvaluator, type ItemBits, type VectorContext } from './match-vector'
import type { SharedColumn, WorkerMessage } from './match-worker'

/**
 * A full run over a big population uses every core: the enterprises are split into word-aligned
 * ranges, one per core; this thread takes the first, worker threads the others, each evaluating every
 * item on its range over the same shared memory. Below PARALLEL_ROWS one thread is faster.
 */
export const PARALLEL_ROWS = 200_000
const BATCH_ITEMS = 100

type PoolWorker = { worker: Worker; pending: Map<string, (m: { type: string; message?: string }) => void> }

const pool: PoolWorker[] = []

function spawn(): PoolWorker {
  // The worker is TypeScript like the rest: a one-line module registers tsx's loader, then loads it.
  const bootstrap = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}`,
    'register()',
    `await import(${JSON.stringify(new URL('./match-worker.ts', import.meta.url).href)})`,
  ].join('\n')
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`))
  worker.unref()
  const entry: PoolWorker = { worker, pending: new Map() }
  const failAll = (m: { type: string; message?: string }) => {
    for (const r of entry.pending.values()) r(m)
    entry.pending.clear()
  }
  worker.on('message', (m: { type: string; id?: number; message?: string }) => {
    if (m.type === 'error') return failAll(m)
    const key = m.type === 'done' ? `done:${m.id}` : 'ready'
    entry.pending.get(key)?.(m)
    entry.pending.delete(key)
  })
  worker.on('error', (error) => failAll({ type: 'error', message: error.stack ?? String(error) }))
  return entry
}

function request(w: PoolWorker, message: WorkerMessage, expect: string): Promise<void> {
  return new Promise((resolve, reject) => {
    w.pending.set(expect, (m) => (m.type === 'error' ? reject(new Error(m.message)) : resolve()))
    w.worker.postMessage(message)
  })
}

function sharedColumns(population: Population): SharedColumn[] {
  return [...population.columns].map(([key, c]): SharedColumn => {
    if (c.kind === 'numeric')
      return { key, kind: 'numeric', buffer: c.data.buffer as SharedArrayBuffer, length: c.data.length }
    if (c.kind === 'code')
      return {
        key,
        kind: 'code',
        buffer: c.data.buffer as SharedArrayBuffer,
        length: c.data.length,
        dictionary: c.dictionary,
      }
    return {
      key,
      kind: 'tags',
      buffer: c.data.buffer as SharedArrayBuffer,
      length: c.data.length,
      words: c.words,
      positions: [...c.positions],
      known: c.known.buffer as SharedArrayBuffer,
      knownLength: c.known.length,
    }
  })
}

/** Stops the worker threads (a script that wants to exit, a test). The next run starts new ones. */
export async function stopMatchWorkers(): Promise<void> {
  const workers = pool.splice(0)
  await Promise.all(workers.map((w) => w.worker.terminate()))
}

export function threadCount(): number {
  return Math.max(1, os.availableParallelism())
}

/**
 * Every item's outcome bitmaps over the population, item by item in order, computed in batches on
 * all cores. `shared` are the sub-expressions worth keeping for the whole run.
 */
export async function* evaluateAllItems(
  population: Population,
  ctx: VectorContext & { definitions: readonly FactDefinition[] },
  items: Node[][],
  shared: Set<string>,
  threads = population.size >= PARALLEL_ROWS ? threadCount() : 1,
  /** called between items on this thread: a background run yields here (decision 0029) */
  pause: () => Promise<void> = async () => {},
): AsyncGenerator<{ index: number } & ItemBits> {
  for await (const batch of evaluateItemBatches(population, ctx, items, shared, threads, pause))
    for (const item of batch) yield item
}

/** The same, a batch (up to BATCH_ITEMS items, all computed) at a time. */
export async function* evaluateItemBatches(
  population: Population,
  ctx: VectorContext & { definitions: readonly FactDefinition[] },
  items: Node[][],
  shared: Set<string>,
  threads = population.size >= PARALLEL_ROWS ? threadCount() : 1,
  pause: () => Promise<void> = async () => {},
): AsyncGenerator<({ index: number } & ItemBits)[]> {
  const totalWords = population.words
  const parts = Math.max(1, Math.min(threads, Math.floor(totalWords / 64)))
  const bounds = Array.from({ length: parts + 1 }, (_, k) => Math.round((k * totalWords) / parts))
  while (pool.length < parts - 1) pool.push(spawn())
  const helpers = pool.slice(0, parts - 1)
  const own = population.slice(bounds[0]!, bounds[1]!)
  const evaluator = new VectorEvaluator(own, ctx, shared)
  const columns = sharedColumns(population)
  await Promise.all(
    helpers.map((w, k) =>
      request(
        w,
        {
          type: 'begin',
          columns,
          present: population.present.buffer as SharedArrayBuffer,
          presentLength: population.present.length,
          size: population.size,
          fromWord: bounds[k + 1]!,
          toWord: bounds[k + 2]!,
          definitions: [...ctx.definitions],
          derived: [...ctx.derived],
          today: ctx.today,
          shared: [...shared],
        },
        'ready',
      ),
    ),
  )
  try {
    for (let start = 0, batch = 0; start < items.length; start += BATCH_ITEMS, batch++) {
      const slice = items.slice(start, start + BATCH_ITEMS)
      const result = new SharedArrayBuffer(slice.length * 2 * totalWords * 4)
      const out = new Uint32Array(result)
      const others = helpers.map((w) =>
        request(w, { type: 'batch', id: batch, items: slice, result, totalWords }, `done:${batch}`),
      )
      // this thread's share item by item, pausing between them so waiting requests get the thread
      for (let i = 0; i < slice.length; i++) {
        evaluateItemsInto(
          own,
          evaluator,
          [slice[i]!],
          out.subarray(2 * i * totalWords),
          totalWords,
          bounds[0]!,
        )
        await pause()
      }
      await Promise.all(others)
      yield slice.map((_, i) => ({
        index: start + i,
        eligible: out.subarray(2 * i * totalWords, (2 * i + 1) * totalWords),
        undetermined: out.subarray((2 * i + 1) * totalWords, (2 * i + 2) * totalWords),
      }))
    }
  } finally {
    for (const w of helpers) w.worker.postMessage({ type: 'end' } satisfies WorkerMessage)
  }
}
