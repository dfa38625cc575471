import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/** A preview reads the match state whole, in one transaction (several nodes may run the jobs). */
export async function lockMatchState(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('policy-match'))`.execute(tx)
}

/**
 * One run at a time: a run is many short transactions, so it holds a lease in the state row rather
 * than a transaction's lock. Takes (or renews) the lease when it is free, lapsed or already ours;
 * answers whether we hold it.
 */
export async function claimMatchLease(db: Executor, owner: string, seconds: number): Promise<boolean> {
  const row = await db
    .updateTable('policy_match_state')
    .set({ lease_owner: owner, lease_until: sql<Date>`now() + make_interval(secs => ${seconds})` })
    .where('id', '=', 1)
    .where((eb) =>
      eb.or([
        eb('lease_until', 'is', null),
        eb('lease_until', '<', sql<Date>`now()`),
        eb('lease_owner', '=', owner),
      ]),
    )
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function releaseMatchLease(db: Executor, owner: string): Promise<void> {
  await db
    .updateTable('policy_match_state')
    .set({ lease_owner: null, lease_until: null })
    .where('id', '=', 1)
    .where('lease_owner', '=', owner)
    .execute()
}

export async function findMatchState(db: Executor) {
  return db.selectFrom('policy_match_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
}

export async function saveMatchState(tx: Tx, factSeq: number): Promise<void> {
  await tx.updateTable('policy_match_state').set({ fact_seq: factSeq }).where('id', '=', 1).execute()
}

export async function countRuns(db: Executor, kind?: 'full'): Promise<number> {
  let query = db.selectFrom('policy_match_runs')
  if (kind) query = query.where('kind', '=', kind)
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertRun(
  tx: Executor,
  row: { kind: 'full' | 'items' | 'enterprises'; isBaseline: boolean; factSeq: number },
) {
  return tx
    .insertInto('policy_match_runs')
    .values({ kind: row.kind, is_baseline: row.isBaseline, fact_seq: row.factSeq })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function finishRun(
  tx: Tx,
  id: number,
  row: {
    enterprises: number
    items: number
    newlyEligible: number
    pushes: number
    computeMs: number
    persistMs: number
  },
) {
  await tx
    .updateTable('policy_match_runs')
    .set({
      finished_at: new Date(),
      enterprises: row.enterprises,
      items: row.items,
      newly_eligible: row.newlyEligible,
      pushes: row.pushes,
      compute_ms: Math.round(row.computeMs),
      persist_ms: Math.round(row.persistMs),
    })
    .where('id', '=', id)
    .execute()
}

export async function findRuns(db: Executor, limit: number) {
  return db.selectFrom('policy_match_runs').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

// Chunks

export async function findChunks(db: Executor, itemId: string) {
  return db
    .selectFrom('policy_match_chunks')
    .select(['outcome', 'chunk', 'bits'])
    .where('item_id', '=', itemId)
    .execute()
}

/** One enterprise's byte in every item's chunk: its previous outcome for each item, without reading whole bitmaps. */
export async function findBytesAt(db: Executor, chunk: number, byteOffset: number) {
  const rows = await sql<{ item_id: string; outcome: number; byte: Uint8Array | null }>`
    SELECT item_id, outcome, substring(bits FROM ${byteOffset + 1} FOR 1) AS byte
      FROM policy_match_chunks WHERE chunk = ${chunk}`.execute(db)
  return rows.rows
}

export async function upsertChunks(
  tx: Tx,
  rows: { itemId: string; outcome: number; chunk: number; bits: Uint8Array; runId: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200)
    await tx
      .insertInto('policy_match_chunks')
      .values(
        batch.map((r) => ({
          item_id: r.itemId,
          outcome: r.outcome,
          chunk: r.chunk,
          bits: r.bits,
          run_id: r.runId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['item_id', 'outcome', 'chunk']).doUpdateSet((eb) => ({
          bits: eb.ref('excluded.bits'),
          run_id: eb.ref('excluded.run_id'),
        })),
      )
      .execute()
  }
}

export async function deleteChunks(
  tx: Tx,
  keys: { itemId: string; outcome: number; chunk: number }[],
): Promise<void> {
  for (const k of keys)
    await tx
      .deleteFrom('policy_match_chunks')
      .where('item_id', '=', k.itemId)
      .where('outcome', '=', k.outcome)
      .where('chunk', '=', k.chunk)
      .execute()
}

export async function deleteItemState(tx: Tx, itemIds: string[]): Promise<void> {
  if (!itemIds.length) return
  await tx.deleteFrom('policy_match_chunks').where('item_id', 'in', itemIds).execute()
  await tx.deleteFrom('policy_match_counts').where('item_id', 'in', itemIds).execute()
}

/** Sets one enterprise's bit in one chunk (a chunk that does not exist yet is created). */
export async function setChunkBit(
  tx: Tx,
  row: {
    itemId: string
    outcome: number
    chunk: number
    bit: number
    on: boolean
    length: number
    runId: number
  },
): Promise<void> {
  const existing = await tx
    .selectFrom('policy_match_chunks')
    .select('bits')
    .where('item_id', '=', row.itemId)
    .where('outcome', '=', row.outcome)
    .where('chunk', '=', row.chunk)
    .forUpdate()
    .executeTakeFirst()
  const bits = new Uint8Array(Math.max(row.length, existing?.bits.length ?? 0))
  if (existing) bits.set(existing.bits)
  const byte = row.bit >>> 3
  const mask = 1 << (row.bit & 7)
  bits[byte] = row.on ? bits[byte]! | mask : bits[byte]! & ~mask
  await upsertChunks(tx, [
    { itemId: row.itemId, outcome: row.outcome, chunk: row.chunk, bits, runId: row.runId },
  ])
}

// Counts

export async function findCounts(db: Executor) {
  return db.selectFrom('policy_match_counts').selectAll().execute()
}

export async function upsertCounts(
  tx: Tx,
  rows: {
    itemId: string
    ruleVersion: number
    eligible: number
    undetermined: number
    ineligible: number
    runId: number
  }[],
): Promise<void> {
  if (!rows.length) return
  await tx
    .insertInto('policy_match_counts')
    .values(
      rows.map((r) => ({
        item_id: r.itemId,
        rule_version: r.ruleVersion,
        eligible: r.eligible,
        undetermined: r.undetermined,
        ineligible: r.ineligible,
        run_id: r.runId,
        computed_at: new Date(),
      })),
    )
    .onConflict((oc) =>
      oc.column('item_id').doUpdateSet((eb) => ({
        rule_version: eb.ref('excluded.rule_version'),
        eligible: eb.ref('excluded.eligible'),
        undetermined: eb.ref('excluded.undetermined'),
        ineligible: eb.ref('excluded.ineligible'),
        run_id: eb.ref('excluded.run_id'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute()
}

/** Moves an item's counts by one enterprise's change of outcome. */
export async function shiftCounts(
  tx: Tx,
  itemId: string,
  from: 'eligible' | 'undetermined' | 'ineligible',
  to: typeof from,
) {
  await tx
    .updateTable('policy_match_counts')
    .set((eb) => ({ [from]: eb(from, '-', 1), [to]: eb(to, '+', 1) }) as never)
    .where('item_id', '=', itemId)
    .execute()
}

// Names

export async function findDepartmentNames(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
