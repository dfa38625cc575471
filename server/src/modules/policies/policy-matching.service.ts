import { cityToday } from '../../kernel/calendar/city-today'
import crypto from 'node:crypto'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Executor, Tx } from '../../kernel/db/database'
import { SliceClock, SliceSizer } from '../../kernel/slices'
import type { AppDeps } from '../../kernel/http/app-env'
import { dayNumber } from '../../shared/rules/dates'
import { Evaluator, UNKNOWN } from '../../shared/rules/evaluate'
import type { MatchOutcome } from '../../shared/policies'
import {
  feedPopulation,
  feedWholePopulation,
  findChangedEnterprises,
  findFactSeq,
  findMaxMatchIndex,
  loadFactSheets,
  type FactSheet,
  type LoadedSchema,
} from '../facts'
import { countBits } from './match-bitmap'
import { Population } from './match-population'
import { evaluateItemBatches } from './match-parallel'
import { sharedSubexpressions } from './match-vector'
import { effectiveItems, loadCatalogue, type Catalogue } from './policy-catalogue.service'
import type { CompiledItem } from './policy-rules'
import * as q from './policies.queries'
import * as mq from './policies-match.queries'

/**
 * The matching engine. Every in-force item against every enterprise, column-wise over the population
 * held in memory (kept current from the facts' change feed); results stored as one bitmap per item
 * and outcome in chunks; the enterprises that became eligible are told (政策直达). Also one
 * enterprise against every item when its facts change, and one policy's items when it is published.
 */
export const CHUNK_BITS = 65_536
const CHUNK_WORDS = CHUNK_BITS / 32
const ELIGIBLE = 1
const UNDETERMINED = 2

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1)
  throw new Error('The matching engine stores bitmaps as little-endian words')

type EngineState = { population: Population | null; seq: number; year: string; schemaKey: string }
const engines = new WeakMap<object, EngineState>()

function engineOf(deps: AppDeps): EngineState {
  let state = engines.get(deps)
  if (!state) {
    state = { population: null, seq: 0, year: '', schemaKey: '' }
    engines.set(deps, state)
  }
  return state
}

/** Forgets the in-memory population (the nightly run rebuilds it from the database). */
export function resetEngine(deps: AppDeps): void {
  engines.delete(deps)
}

const schemaKeyOf = (loaded: LoadedSchema) =>
  loaded.definitions.map((d) => `${d.key}:${d.type}:${d.maxAgeYears ?? ''}`).join(',')

const LOAD_BATCH = 50_000
/**
 * Rows that commit out of sequence order (a transaction that took its number before another but
 * committed after it) are caught by re-reading a little behind the last position; the nightly
 * rebuild catches anything else.
 */
const FEED_LOOKBACK = 1000

/** How a background run pays for its reads: a clock to yield on, and a hook per slice (tests watch it). */
export type Slicing = { clock: SliceClock; onSlice?: ((phase: SlicePhase) => void) | undefined }
export type SlicePhase = 'load' | 'persist' | 'push'

/**
 * The population as of now: loaded whole on first use (or when the schema or the year changed), then
 * by changes. Given a transaction (a preview), everything is read in it; given `slicing` (a run, on
 * `deps.db`), every read is a short query of its own with a yield after it, and the whole load is a
 * COPY stream on PostgreSQL (decision 0029).
 */
export async function syncPopulation(
  deps: AppDeps,
  db: Executor,
  loaded: LoadedSchema,
  today: string,
  slicing?: Slicing,
) {
  const state = engineOf(deps)
  const schemaKey = schemaKeyOf(loaded)
  const started = performance.now()
  if (!state.population || state.schemaKey !== schemaKey || state.year !== today.slice(0, 4)) {
    const seq = await findFactSeq(db)
    const max = await findMaxMatchIndex(db)
    const population = new Population(loaded.definitions, max + 1)
    const sink = (index: number, _id: string, key: string, value: unknown) =>
      population.setValue(index, key, value as never)
    if (slicing) {
      await feedWholePopulation(
        deps,
        loaded,
        today,
        max,
        sink,
        (id, index) => population.addEnterprise(id, index),
        { clock: slicing.clock, onSlice: () => slicing.onSlice?.('load') },
      )
    } else {
      for (let from = 0; from <= max; from += LOAD_BATCH) {
        const seen = await feedPopulation(db, loaded, today, sink, { range: [from, from + LOAD_BATCH] })
        for (const e of seen) population.addEnterprise(e.id, e.index)
      }
    }
    Object.assign(state, { population, seq, year: today.slice(0, 4), schemaKey })
    return { population, seq, changed: population.size, loadMs: performance.now() - started }
  }
  const population = state.population
  let changed = 0
  const batch = slicing ? FEED_SLICE : LOAD_BATCH
  for (;;) {
    const rows = await findChangedEnterprises(db, Math.max(0, state.seq - FEED_LOOKBACK), batch)
    const fresh = rows.filter((r) => r.seq > state.seq)
    if (fresh.length === 0) break
    const seen = await feedPopulation(
      db,
      loaded,
      today,
      (index, id, key, value) => {
        if (population.indexOf(id) === undefined) population.addEnterprise(id, index)
        population.setValue(index, key, value)
      },
      { enterpriseIds: rows.map((r) => r.id) },
    )
    for (const e of seen) population.addEnterprise(e.id, e.index)
    changed += fresh.length
    state.seq = Math.max(state.seq, ...fresh.map((r) => r.seq))
    if (slicing) {
      slicing.onSlice?.('load')
      await slicing.clock.yield()
    }
    if (rows.length < batch) break
  }
  return { population, seq: state.seq, changed, loadMs: performance.now() - started }
}

/** Changed enterprises read per slice by a run (the change feed). */
const FEED_SLICE = 2_000

const chunkBytes = (bits: Uint32Array, chunk: number) => {
  const from = chunk * CHUNK_WORDS
  const to = Math.min(bits.length, from + CHUNK_WORDS)
  return new Uint8Array(bits.buffer, bits.byteOffset + from * 4, Math.max(0, to - from) * 4)
}

const isZero = (bytes: Uint8Array) => bytes.every((b) => b === 0)

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  if (!b) return isZero(a)
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return false
  return true
}

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

/** A run's lease lasts this long unless a slice renews it (a node that died lets it lapse). */
const LEASE_SECONDS = 300
/** How long a run waits before asking again for a lease another run holds. */
const LEASE_RETRY_MS = 250

type Lease = { renew(db: Executor): Promise<void> }

/**
 * One run at a time, across nodes: a run is many short transactions, so it holds a lease in the
 * match state rather than a transaction's lock. Waiting for it holds no connection.
 */
async function withMatchLease<T>(deps: AppDeps, work: (lease: Lease) => Promise<T>): Promise<T> {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`
  while (!(await mq.claimMatchLease(deps.db, owner, LEASE_SECONDS))) await sleep(LEASE_RETRY_MS)
  const lease: Lease = {
    renew: async (db) => {
      if (!(await mq.claimMatchLease(db, owner, LEASE_SECONDS)))
        throw new Error('policy matching: the run lost its lease (a slice took longer than the lease)')
    },
  }
  try {
    return await work(lease)
  } finally {
    await mq.releaseMatchLease(deps.db, owner)
  }
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
      const counts = new Set((await mq.findCounts(tx)).map((c) => c.item_id))
      if (options.kind === 'full') {
        targets = effective
        const live = new Set(targets.map((t) => t.id))
        removed = [...counts].filter((id) => !live.has(id))
      } else {
        targets = effective.filter((i) => i.policyId === options.policyId)
        const live = new Set(targets.map((t) => t.id))
        removed = (await q.findItems(tx, options.policyId))
          .map((i) => i.id)
          .filter((id) => counts.has(id) && !live.has(id))
      }
      const isBaseline = options.kind === 'full' && (await mq.countRuns(tx, 'full')) === 0
      const run = await mq.insertRun(tx, { kind: options.kind, isBaseline, factSeq: seq })
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
      await mq.deleteItemState(tx, removed)
      await mq.saveMatchState(tx, seq)
      summary.persistMs = persistMs + performance.now() - t0
      await mq.finishRun(tx, run.id, summary)
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
  const previous = new Map((await mq.findChunks(tx, item.id)).map((c) => [`${c.outcome}:${c.chunk}`, c.bits]))
  const writes: Parameters<typeof mq.upsertChunks>[1] = []
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
  await mq.upsertChunks(tx, writes)
  await mq.deleteChunks(tx, deletes)
  const eligible = countBits(bits.eligible)
  const undetermined = countBits(bits.undetermined)
  await mq.upsertCounts(tx, [
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
    await mq.insertPushCandidates(
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
      const rows = await mq.findPushCandidates(tx, runId, PUSH_SLICE)
      if (!rows.length) return null
      const pairs = rows.flatMap((r) =>
        r.item_ids.map((itemId) => ({ itemId, enterpriseId: r.enterprise_id })),
      )
      const messages = await deliverPushes(deps, tx, runId, catalogue, pairs)
      await mq.deletePushCandidates(
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
  for (const runId of await mq.findRunsWithPushCandidates(deps.db))
    await deliverCandidates(deps, catalogue, runId, lease, slicing)
}

// One enterprise at a time

/** The outcome of every effective item for one enterprise's fact sheet (three-valued, per condition). */
export function outcomesFor(
  catalogue: Catalogue,
  sheet: FactSheet,
  today: string,
): Map<string, MatchOutcome> {
  const ctx = {
    schema: catalogue.schema.schema,
    derived: catalogue.schema.derived,
    today: dayNumber(today),
    lookup: sheet.lookup,
  }
  const evaluator = new Evaluator(ctx)
  const out = new Map<string, MatchOutcome>()
  for (const item of effectiveItems(catalogue, today)) {
    let unknown = false
    let failed = false
    for (const c of item.conditions) {
      const v = evaluator.evaluate(c.node)
      if (v === false) {
        failed = true
        break
      }
      if (v === UNKNOWN) unknown = true
    }
    out.set(item.id, failed ? 'ineligible' : unknown ? 'undetermined' : 'eligible')
  }
  return out
}

const outcomeOfBits = (eligible: boolean, undetermined: boolean): MatchOutcome =>
  eligible ? 'eligible' : undetermined ? 'undetermined' : 'ineligible'

/**
 * Re-matches some enterprises (their facts changed) against every item: each one's bit in each
 * item's chunk is compared with its new outcome and only what changed is written; the newly
 * eligible are told. Items never run yet are left to their item run. In slices of enterprises, each
 * its own transaction with its pushes, yielding between them (decision 0029).
 */
export async function rematchEnterprises(
  deps: AppDeps,
  enterpriseIds: string[],
  seq: number | null = null,
  settings: { onSlice?: (phase: SlicePhase) => void } = {},
) {
  return withMatchLease(deps, async (lease) => {
    const clock = new SliceClock()
    const today = cityToday(deps)
    const catalogue = await loadCatalogue(deps, deps.db)
    const counts = new Set((await mq.findCounts(deps.db)).map((c) => c.item_id))
    const run = await mq.insertRun(deps.db, { kind: 'enterprises', isBaseline: false, factSeq: seq ?? 0 })
    let computeMs = 0
    let persistMs = 0
    let changedBits = 0
    let newlyEligible = 0
    let pushes = 0
    const sizer = new SliceSizer(10, 1_000, 100)
    for (let from = 0; from < enterpriseIds.length;) {
      const group = enterpriseIds.slice(from, from + sizer.size)
      const started = performance.now()
      await deps.db.transaction().execute(async (tx) => {
        await lease.renew(tx)
        const newly: { itemId: string; enterpriseId: string }[] = []
        let t0 = performance.now()
        const sheets = await loadFactSheets(tx, catalogue.schema, group, today)
        for (const enterpriseId of group) {
          const sheet = sheets.get(enterpriseId)
          if (!sheet) continue
          const outcomes = outcomesFor(catalogue, sheet, today)
          const chunk = Math.floor(sheet.matchIndex / CHUNK_BITS)
          const bit = sheet.matchIndex % CHUNK_BITS
          const before = new Map<string, { eligible: boolean; undetermined: boolean }>()
          for (const row of await mq.findBytesAt(tx, chunk, bit >>> 3)) {
            const on = !!row.byte?.length && (row.byte[0]! & (1 << (bit & 7))) !== 0
            const entry = before.get(row.item_id) ?? { eligible: false, undetermined: false }
            if (row.outcome === ELIGIBLE) entry.eligible = on
            else entry.undetermined = on
            before.set(row.item_id, entry)
          }
          for (const [itemId, outcome] of outcomes) {
            if (!counts.has(itemId)) continue
            const old = before.get(itemId) ?? { eligible: false, undetermined: false }
            const previous = outcomeOfBits(old.eligible, old.undetermined)
            if (previous === outcome) continue
            changedBits++
            const length = (bit >>> 3) + 1
            for (const [o, on] of [
              [ELIGIBLE, outcome === 'eligible'],
              [UNDETERMINED, outcome === 'undetermined'],
            ] as const) {
              if ((o === ELIGIBLE ? old.eligible : old.undetermined) !== on)
                await mq.setChunkBit(tx, { itemId, outcome: o, chunk, bit, on, length, runId: run.id })
            }
            await mq.shiftCounts(tx, itemId, previous, outcome)
            if (outcome === 'eligible') newly.push({ itemId, enterpriseId })
          }
        }
        computeMs += performance.now() - t0
        t0 = performance.now()
        pushes += await deliverPushes(deps, tx, run.id, catalogue, newly)
        newlyEligible += newly.length
        persistMs += performance.now() - t0
      })
      sizer.measured(group.length, performance.now() - started)
      from += group.length
      settings.onSlice?.('persist')
      await clock.yield()
    }
    const summary = {
      enterprises: enterpriseIds.length,
      items: changedBits,
      newlyEligible,
      pushes,
      computeMs,
      persistMs,
    }
    await deps.db.transaction().execute(async (tx) => {
      await lease.renew(tx)
      if (seq !== null) await mq.saveMatchState(tx, seq)
      await mq.finishRun(tx, run.id, summary)
    })
    return { runId: run.id, ...summary }
  })
}

/** How many changed enterprises the per-enterprise path takes; more, and a full run is cheaper. */
const REMATCH_LIMIT = 5_000

/** Job (every minute): what changed in the facts since last time is matched again. */
export async function syncChangedEnterprises(
  deps: AppDeps,
): Promise<{ enterprises: number; mode: 'none' | 'enterprises' | 'full' }> {
  const state = await mq.findMatchState(deps.db)
  if ((await mq.countRuns(deps.db)) === 0) return { enterprises: 0, mode: 'none' } // nothing matched yet
  const changed = await findChangedEnterprises(deps.db, state.fact_seq, REMATCH_LIMIT + 1)
  if (changed.length === 0) return { enterprises: 0, mode: 'none' }
  if (changed.length > REMATCH_LIMIT) {
    const run = await runMatching(deps, { kind: 'full' })
    return { enterprises: run.enterprises, mode: 'full' }
  }
  await rematchEnterprises(
    deps,
    changed.map((c) => c.id),
    Math.max(...changed.map((c) => c.seq)),
  )
  return { enterprises: changed.length, mode: 'enterprises' }
}

// Pushes

/**
 * Tells each enterprise once per run about the items it became eligible for (one message however
 * many items: one contact, within the weekly cap), unless it opted out or subscribed to other
 * topics. Every newly eligible pair is recorded with what happened.
 */
export async function deliverPushes(
  deps: AppDeps,
  tx: Tx,
  runId: number,
  catalogue: Catalogue,
  pairs: { itemId: string; enterpriseId: string }[],
): Promise<number> {
  const candidates = pairs.filter((p) => catalogue.byId.get(p.itemId)?.isPushEnabled)
  if (candidates.length === 0) return 0
  const byEnterprise = new Map<string, string[]>()
  for (const p of candidates)
    byEnterprise.set(p.enterpriseId, [...(byEnterprise.get(p.enterpriseId) ?? []), p.itemId])
  const ids = [...byEnterprise.keys()]
  const subscriptions = new Map((await mq.findSubscriptions(tx, ids)).map((s) => [s.enterprise_id, s]))
  const names = await mq.findEnterpriseNames(tx, ids)
  const rows: Parameters<typeof mq.insertPushes>[1] = []
  const messages: { enterpriseId: string; items: string[] }[] = []
  for (const [enterpriseId, itemIds] of byEnterprise) {
    const sub = subscriptions.get(enterpriseId)
    const notify: string[] = []
    for (const itemId of itemIds) {
      const item = catalogue.byId.get(itemId)!
      const status =
        sub && !sub.is_push_enabled
          ? 'opted_out'
          : sub && sub.topics.length && !item.topics.some((t) => sub.topics.includes(t))
            ? 'not_subscribed'
            : 'notified'
      rows.push({ itemId, enterpriseId, runId, status, notificationId: null })
      if (status === 'notified') notify.push(itemId)
    }
    if (notify.length) messages.push({ enterpriseId, items: notify })
  }
  const notificationIds = await deps.notifier.enqueueMany(
    tx,
    messages.map((m) => ({
      recipient: { enterpriseId: m.enterpriseId },
      template: 'policies.push',
      params: {
        enterprise: names.get(m.enterpriseId) ?? '',
        title: catalogue.byId.get(m.items[0]!)!.title,
        count: m.items.length,
        itemId: m.items[0]!,
      },
      channels: ['inbox', 'sms'],
    })),
  )
  const notificationOf = new Map(messages.map((m, i) => [m.enterpriseId, notificationIds[i]!]))
  for (const row of rows)
    if (row.status === 'notified') row.notificationId = notificationOf.get(row.enterpriseId) ?? null
  await mq.insertPushes(tx, rows)
  return messages.length
}
