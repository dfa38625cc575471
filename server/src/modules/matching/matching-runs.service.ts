import { cityToday } from '../../kernel/calendar/city-today'
import os from 'node:os'
import type { Tx } from '../../kernel/db/database'
import { SliceClock } from '../../kernel/slices'
import { requireRole, type Actor } from '../../kernel/auth/actor'
import type { AppDeps } from '../../kernel/http/app-env'
import { dayNumber } from '../../shared/rules/dates'
import { effectiveItems, findItemIds, loadCatalogue, type Catalogue, type CompiledItem } from '../policies'
import { countBits } from './match-bitmap'
import { chunkBytes, CHUNK_BITS, ELIGIBLE, isZero, sameBytes, UNDETERMINED } from './match-chunks'
import { withMatchLease, type Lease } from './match-lease'
import { evaluateItemBatches } from './match-parallel'
import { sharedSubexpressions } from './match-vector'
import { syncPopulation, resetEngine, type Slicing, type SlicePhase } from './population.service'
import { deliverPushes } from './pushes.service'
import * as q from './matching.queries'
import * as pq from './pushes.queries'

/**
 * The matching engine's runs. Every in-force item against every enterprise, column-wise over the
 * population held in memory (population.service.ts); results stored as one bitmap per item and
 * outcome in chunks (match-chunks.ts); the enterprises that became eligible are told (政策直达,
 * pushes.service.ts). Also one policy's items when it is published; one enterprise against every
 * item when its facts change is rematch.service.ts.
 */

export type RunSummary = {
  runId: number
  kind: 'full' | 'items' | 'enterprises'
  isBaseline: boolean
  enterprises: number
  items: number
  newlyEligible: number
  pushes: number
  loadMs: number
  computeMs: number
  persistMs: number
}

/**
 * A matching run: every in-force item (`full`), or the items of one policy (`items`, after it was
 * published, revised, repealed or expired). Writes only the chunks that changed and tells the
 * enterprises that became eligible. The very first full run is a baseline: it records the state
 * without telling anyone (a city switching the platform on should not flood every enterprise).
 *
 * The run works in slices (decision 0029): the population is read a slice at a time (COPY on
 * PostgreSQL), this thread's share of the evaluation pauses between items, and each slice of items
 * is written in a short transaction of its own — its chunks, its counts and the pairs it found newly
 * eligible — with a yield after it, so that on the embedded database's one connection a request never
 * waits behind more than a slice. The pushes are delivered at the end from those pairs, a slice of
 * enterprises at a time; a run that stopped half-way leaves its pairs for the next run to deliver.
 */
export async function runMatching(
  deps: AppDeps,
  options: { kind: 'full' } | { kind: 'items'; policyId: string },
  settings: { rebuild?: boolean; push?: boolean; onSlice?: (phase: SlicePhase) => void } = {},
): Promise<RunSummary> {
  if (settings.rebuild) resetEngine(deps)
  return withMatchLease(deps, async (lease) => {
    const slicing: Slicing = { clock: new SliceClock(), onSlice: settings.onSlice }
    const today = cityToday(deps)
    const catalogue = await loadCatalogue(deps, deps.db)
    await deliverPendingPushes(deps, catalogue, lease, slicing) // left by a run that stopped half-way
    const { population, seq, loadMs } = await syncPopulation(deps, deps.db, catalogue.schema, today, slicing)
    const effective = effectiveItems(catalogue, today)
    let targets: CompiledItem[] = []
    let removed: string[] = []
    const { run, isBaseline } = await deps.db.transaction().execute(async (tx) => {
      await lease.renew(tx)
      const counts = new Set((await q.findCounts(tx)).map((c) => c.item_id))
      if (options.kind === 'full') {
        targets = effective
        const live = new Set(targets.map((t) => t.id))
        removed = [...counts].filter((id) => !live.has(id))
      } else {
        targets = effective.filter((i) => i.policyId === options.policyId)
        const live = new Set(targets.map((t) => t.id))
        removed = (await findItemIds(tx, options.policyId)).filter((id) => counts.has(id) && !live.has(id))
      }
      const isBaseline = options.kind === 'full' && (await q.countRuns(tx, 'full')) === 0
      const run = await q.insertRun(tx, { kind: options.kind, isBaseline, factSeq: seq })
      return { run, isBaseline }
    })
    const push = settings.push !== false && !isBaseline

    let computeMs = 0
    let persistMs = 0
    let newlyEligible = 0
    const words = population.words
    const presentCount = countBits(population.present.subarray(0, words))
    const nodes = targets.map((t) => t.conditions.map((c) => c.node))
    const batches = evaluateItemBatches(
      population,
      {
        schema: catalogue.schema.schema,
        derived: catalogue.schema.derived,
        today: dayNumber(today),
        definitions: catalogue.schema.definitions,
      },
      nodes,
      sharedSubexpressions(nodes.flat()),
      undefined,
      () => slicing.clock.pause(),
    )
    for (;;) {
      let t0 = performance.now()
      const next = await batches.next()
      computeMs += performance.now() - t0
      if (next.done) break
      const results = next.value
      // the batch's items written a slice at a time: as many as fit in the budget, then yield
      for (let at = 0; at < results.length;) {
        t0 = performance.now()
        await slicing.clock.yield()
        at = await deps.db.transaction().execute(async (tx) => {
          await lease.renew(tx)
          let k = at
          do {
            const bits = results[k]!
            newlyEligible += await persistItem(tx, {
              item: targets[bits.index]!,
              rank: bits.index,
              bits,
              chunks: Math.ceil(population.size / CHUNK_BITS),
              present: presentCount,
              ids: population.ids,
              runId: run.id,
              push,
            })
            k++
          } while (k < results.length && !slicing.clock.isDue())
          return k
        })
        persistMs += performance.now() - t0
        slicing.onSlice?.('persist')
      }
    }
    await slicing.clock.yield()
    const t0 = performance.now()
    const pushes = await deliverCandidates(deps, catalogue, run.id, lease, slicing)
    const summary: RunSummary = {
      runId: run.id,
      kind: options.kind,
      isBaseline,
      enterprises: presentCount,
      items: targets.length,
      newlyEligible,
      pushes,
      loadMs,
      computeMs,
      persistMs: 0,
    }
    await deps.db.transaction().execute(async (tx) => {
      await lease.renew(tx)
      await q.deleteItemState(tx, removed)
      await q.saveMatchState(tx, seq)
      summary.persistMs = persistMs + performance.now() - t0
      await q.finishRun(tx, run.id, summary)
    })
    deps.logger.info({ ...summary, cpus: os.cpus().length }, 'policy matching run')
    return summary
  })
}

/**
 * One item's outcome written in the caller's slice: the chunks that changed, its counts, and the
 * enterprises that became eligible (set now, not set before; an item matched for the first time:
 * everyone eligible) as push candidates. Answers how many became eligible.
 */
async function persistItem(
  tx: Tx,
  input: {
    item: CompiledItem
    rank: number
    bits: { eligible: Uint32Array; undetermined: Uint32Array }
    chunks: number
    present: number
    ids: readonly (string | undefined)[]
    runId: number
    push: boolean
  },
): Promise<number> {
  const { item, bits } = input
  const previous = new Map((await q.findChunks(tx, item.id)).map((c) => [`${c.outcome}:${c.chunk}`, c.bits]))
  const writes: Parameters<typeof q.upsertChunks>[1] = []
  const deletes: { itemId: string; outcome: number; chunk: number }[] = []
  const newly: number[] = []
  for (let chunk = 0; chunk < input.chunks; chunk++) {
    for (const [outcome, bitmap] of [
      [ELIGIBLE, bits.eligible],
      [UNDETERMINED, bits.undetermined],
    ] as const) {
      const bytes = chunkBytes(bitmap, chunk)
      const before = previous.get(`${outcome}:${chunk}`)
      if (sameBytes(bytes, before)) continue
      if (isZero(bytes)) deletes.push({ itemId: item.id, outcome, chunk })
      else writes.push({ itemId: item.id, outcome, chunk, bits: new Uint8Array(bytes), runId: input.runId })
      if (outcome === ELIGIBLE && input.push) {
        const prior = before ?? new Uint8Array(0)
        for (let b = 0; b < bytes.length; b++) {
          const gained = bytes[b]! & ~(prior[b] ?? 0)
          if (!gained) continue
          for (let bit = 0; bit < 8; bit++)
            if (gained & (1 << bit)) newly.push(chunk * CHUNK_BITS + b * 8 + bit)
        }
      }
    }
  }
  await q.upsertChunks(tx, writes)
  await q.deleteChunks(tx, deletes)
  const eligible = countBits(bits.eligible)
  const undetermined = countBits(bits.undetermined)
  await q.upsertCounts(tx, [
    {
      itemId: item.id,
      ruleVersion: item.ruleVersion,
      eligible,
      undetermined,
      ineligible: input.present - eligible - undetermined,
      runId: input.runId,
    },
  ])
  if (newly.length)
    await pq.insertPushCandidates(
      tx,
      input.runId,
      newly.map((index) => ({ itemId: item.id, enterpriseId: input.ids[index]!, rank: input.rank })),
    )
  return newly.length
}

/** Enterprises told per slice when a run delivers its pushes. */
const PUSH_SLICE = 500

/** Delivers a run's push candidates, a slice of enterprises per transaction. Answers how many were told. */
async function deliverCandidates(
  deps: AppDeps,
  catalogue: Catalogue,
  runId: number,
  lease: Lease,
  slicing: Slicing,
): Promise<number> {
  let told = 0
  for (;;) {
    const delivered = await deps.db.transaction().execute(async (tx) => {
      await lease.renew(tx)
      const rows = await pq.findPushCandidates(tx, runId, PUSH_SLICE)
      if (!rows.length) return null
      const pairs = rows.flatMap((r) =>
        r.item_ids.map((itemId) => ({ itemId, enterpriseId: r.enterprise_id })),
      )
      const messages = await deliverPushes(deps, tx, runId, catalogue, pairs)
      await pq.deletePushCandidates(
        tx,
        runId,
        rows.map((r) => r.enterprise_id),
      )
      return messages
    })
    if (delivered === null) return told
    told += delivered
    slicing.onSlice?.('push')
    await slicing.clock.yield()
  }
}

/** Pushes a run that stopped half-way found but did not deliver. */
async function deliverPendingPushes(deps: AppDeps, catalogue: Catalogue, lease: Lease, slicing: Slicing) {
  for (const runId of await pq.findRunsWithPushCandidates(deps.db))
    await deliverCandidates(deps, catalogue, runId, lease, slicing)
}

// The bureau's view of the runs

/** The latest runs with their timings. Refuses: FORBIDDEN (not the bureau's leadership, a dispatcher or an admin). */
export async function listRecentRuns(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'bureau_leader', 'dispatcher', 'admin')
  const rows = await q.findRuns(deps.db, 30)
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      isBaseline: r.is_baseline,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
      enterprises: r.enterprises,
      items: r.items,
      newlyEligible: r.newly_eligible,
      pushes: r.pushes,
      computeMs: r.compute_ms,
      persistMs: r.persist_ms,
    })),
  }
}

/** A full run now, waited for. Refuses: FORBIDDEN (not the bureau's leadership or an admin). */
export async function startFullRun(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'bureau_leader', 'admin')
  const run = await runMatching(deps, { kind: 'full' })
  return {
    id: run.runId,
    items: run.items,
    enterprises: run.enterprises,
    newlyEligible: run.newlyEligible,
    pushes: run.pushes,
  }
}
