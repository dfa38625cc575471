import { cityToday } from '../../kernel/calendar/city-today'
import os from 'node:os'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { dayNumber } from '../../shared/rules/dates'
import { Evaluator, UNKNOWN } from '../../shared/rules/evaluate'
import type { MatchOutcome } from '../../shared/policies'
import {
  feedPopulation,
  findChangedEnterprises,
  findFactSeq,
  findMaxMatchIndex,
  loadFactSheets,
  type FactSheet,
  type LoadedSchema,
} from '../facts/facts.service'
import { countBits } from './match-bitmap'
import { Population } from './match-population'
import { evaluateAllItems } from './match-parallel'
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

/** The population as of now: loaded whole on first use (or when the schema or the year changed), then by changes. */
export async function syncPopulation(deps: AppDeps, tx: Tx, loaded: LoadedSchema, today: string) {
  const state = engineOf(deps)
  const schemaKey = schemaKeyOf(loaded)
  const started = performance.now()
  if (!state.population || state.schemaKey !== schemaKey || state.year !== today.slice(0, 4)) {
    const seq = await findFactSeq(tx)
    const max = await findMaxMatchIndex(tx)
    const population = new Population(loaded.definitions, max + 1)
    const sink = (index: number, _id: string, key: string, value: unknown) =>
      population.setValue(index, key, value as never)
    for (let from = 0; from <= max; from += LOAD_BATCH) {
      const seen = await feedPopulation(tx, loaded, today, sink, { range: [from, from + LOAD_BATCH] })
      for (const e of seen) population.addEnterprise(e.id, e.index)
    }
    Object.assign(state, { population, seq, year: today.slice(0, 4), schemaKey })
    return { population, seq, changed: population.size, loadMs: performance.now() - started }
  }
  const population = state.population
  let changed = 0
  for (;;) {
    const rows = await findChangedEnterprises(tx, Math.max(0, state.seq - FEED_LOOKBACK), LOAD_BATCH)
    const fresh = rows.filter((r) => r.seq > state.seq)
    if (fresh.length === 0) break
    const seen = await feedPopulation(
      tx,
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
    if (rows.length < LOAD_BATCH) break
  }
  return { population, seq: state.seq, changed, loadMs: performance.now() - started }
}

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

/**
 * A matching run: every in-force item (`full`), or the items of one policy (`items`, after it was
 * published, revised, repealed or expired). Writes only the chunks that changed and tells the
 * enterprises that became eligible. The very first full run is a baseline: it records the state
 * without telling anyone (a city switching the platform on should not flood every enterprise).
 */
export async function runMatching(
  deps: AppDeps,
  options: { kind: 'full' } | { kind: 'items'; policyId: string },
  settings: { rebuild?: boolean; push?: boolean } = {},
): Promise<RunSummary> {
  if (settings.rebuild) resetEngine(deps)
  return deps.db.transaction().execute(async (tx) => {
    await mq.lockMatchState(tx)
    const today = cityToday(deps)
    const catalogue = await loadCatalogue(deps, tx)
    const { population, seq, loadMs } = await syncPopulation(deps, tx, catalogue.schema, today)
    const effective = effectiveItems(catalogue, today)
    const counts = new Map((await mq.findCounts(tx)).map((c) => [c.item_id, c]))
    let targets: CompiledItem[]
    let removed: string[]
    if (options.kind === 'full') {
      targets = effective
      const live = new Set(targets.map((t) => t.id))
      removed = [...counts.keys()].filter((id) => !live.has(id))
    } else {
      targets = effective.filter((i) => i.policyId === options.policyId)
      const live = new Set(targets.map((t) => t.id))
      removed = (await q.findItems(tx, options.policyId))
        .map((i) => i.id)
        .filter((id) => counts.has(id) && !live.has(id))
    }
    const isBaseline = options.kind === 'full' && (await mq.countRuns(tx, 'full')) === 0
    const push = settings.push !== false && !isBaseline
    const run = await mq.insertRun(tx, { kind: options.kind, isBaseline, factSeq: seq })

    let computeMs = 0
    let persistMs = 0
    const words = population.words
    const present = population.present
    const newly: { itemId: string; index: number }[] = []
    const countRows: Parameters<typeof mq.upsertCounts>[1] = []
    const nodes = targets.map((t) => t.conditions.map((c) => c.node))
    const results = evaluateAllItems(
      population,
      {
        schema: catalogue.schema.schema,
        derived: catalogue.schema.derived,
        today: dayNumber(today),
        definitions: catalogue.schema.definitions,
      },
      nodes,
      sharedSubexpressions(nodes.flat()),
    )
    for (;;) {
      let t0 = performance.now()
      const next = await results.next()
      computeMs += performance.now() - t0
      if (next.done) break
      const item = targets[next.value.index]!
      const bits = next.value
      t0 = performance.now()
      const previous = new Map(
        (await mq.findChunks(tx, item.id)).map((c) => [`${c.outcome}:${c.chunk}`, c.bits]),
      )
      const writes: Parameters<typeof mq.upsertChunks>[1] = []
      const deletes: { itemId: string; outcome: number; chunk: number }[] = []
      const chunks = Math.ceil(population.size / CHUNK_BITS)
      for (let chunk = 0; chunk < chunks; chunk++) {
        for (const [outcome, bitmap] of [
          [ELIGIBLE, bits.eligible],
          [UNDETERMINED, bits.undetermined],
        ] as const) {
          const bytes = chunkBytes(bitmap, chunk)
          const before = previous.get(`${outcome}:${chunk}`)
          if (sameBytes(bytes, before)) continue
          if (isZero(bytes)) deletes.push({ itemId: item.id, outcome, chunk })
          else writes.push({ itemId: item.id, outcome, chunk, bits: new Uint8Array(bytes), runId: run.id })
          if (outcome === ELIGIBLE && push) {
            // newly eligible: set now, not set before (an item matched for the first time: everyone eligible)
            const prior = before ?? new Uint8Array(0)
            for (let b = 0; b < bytes.length; b++) {
              const gained = bytes[b]! & ~(prior[b] ?? 0)
              if (!gained) continue
              for (let bit = 0; bit < 8; bit++)
                if (gained & (1 << bit))
                  newly.push({ itemId: item.id, index: chunk * CHUNK_BITS + b * 8 + bit })
            }
          }
        }
      }
      await mq.upsertChunks(tx, writes)
      await mq.deleteChunks(tx, deletes)
      const eligible = countBits(bits.eligible)
      const undetermined = countBits(bits.undetermined)
      countRows.push({
        itemId: item.id,
        ruleVersion: item.ruleVersion,
        eligible,
        undetermined,
        ineligible: countBits(present.subarray(0, words)) - eligible - undetermined,
        runId: run.id,
      })
      persistMs += performance.now() - t0
    }
    const t0 = performance.now()
    await mq.upsertCounts(tx, countRows)
    await mq.deleteItemState(tx, removed)
    const pushes = push
      ? await deliverPushes(
          deps,
          tx,
          run.id,
          catalogue,
          newly.map((n) => ({ itemId: n.itemId, enterpriseId: population.ids[n.index]! })),
        )
      : 0
    await mq.saveMatchState(tx, seq)
    persistMs += performance.now() - t0
    const summary: RunSummary = {
      runId: run.id,
      kind: options.kind,
      isBaseline,
      enterprises: countBits(present.subarray(0, words)),
      items: targets.length,
      newlyEligible: newly.length,
      pushes,
      loadMs,
      computeMs,
      persistMs,
    }
    await mq.finishRun(tx, run.id, summary)
    deps.logger.info({ ...summary, cpus: os.cpus().length }, 'policy matching run')
    return summary
  })
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
 * eligible are told. Items never run yet are left to their item run.
 */
export async function rematchEnterprises(deps: AppDeps, enterpriseIds: string[], seq: number | null = null) {
  return deps.db.transaction().execute(async (tx) => {
    await mq.lockMatchState(tx)
    const today = cityToday(deps)
    const catalogue = await loadCatalogue(deps, tx)
    const counts = new Set((await mq.findCounts(tx)).map((c) => c.item_id))
    const run = await mq.insertRun(tx, { kind: 'enterprises', isBaseline: false, factSeq: seq ?? 0 })
    const newly: { itemId: string; enterpriseId: string }[] = []
    let t0 = performance.now()
    let changedBits = 0
    const sheets = await loadFactSheets(tx, catalogue.schema, enterpriseIds, today)
    for (const enterpriseId of enterpriseIds) {
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
    const computeMs = performance.now() - t0
    t0 = performance.now()
    const pushes = await deliverPushes(deps, tx, run.id, catalogue, newly)
    if (seq !== null) await mq.saveMatchState(tx, seq)
    const summary = {
      enterprises: enterpriseIds.length,
      items: changedBits,
      newlyEligible: newly.length,
      pushes,
      computeMs,
      persistMs: performance.now() - t0,
    }
    await mq.finishRun(tx, run.id, summary)
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
