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

// Pushes and subscriptions

/** Newly eligible pairs found by a slice, kept until delivered (`rank`: the item's place in the run). */
export async function insertPushCandidates(
  tx: Tx,
  runId: number,
  pairs: { itemId: string; enterpriseId: string; rank: number }[],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += 20_000) {
    const batch = pairs.slice(i, i + 20_000)
    await sql`
      INSERT INTO policy_push_candidates (run_id, enterprise_id, item_id, item_rank)
      SELECT ${runId}, e, i, r
        FROM unnest(${batch.map((p) => p.enterpriseId)}::uuid[], ${batch.map((p) => p.itemId)}::uuid[],
                    ${batch.map((p) => p.rank)}::int[]) AS t(e, i, r)
      ON CONFLICT DO NOTHING`.execute(tx)
  }
}

/** Runs with pairs still to deliver (the current one, or one that stopped half-way), oldest first. */
export async function findRunsWithPushCandidates(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('policy_push_candidates')
    .select('run_id')
    .distinct()
    .orderBy('run_id')
    .execute()
  return rows.map((r) => r.run_id)
}

/** The next enterprises of a run to tell, each with its items in the run's order. */
export async function findPushCandidates(db: Executor, runId: number, limit: number) {
  const rows = await sql<{ enterprise_id: string; item_ids: string[] }>`
    SELECT enterprise_id, array_agg(item_id::text ORDER BY item_rank, item_id) AS item_ids
      FROM policy_push_candidates WHERE run_id = ${runId}
     GROUP BY enterprise_id ORDER BY enterprise_id LIMIT ${limit}`.execute(db)
  return rows.rows
}

export async function deletePushCandidates(tx: Tx, runId: number, enterpriseIds: string[]): Promise<void> {
  if (!enterpriseIds.length) return
  await sql`DELETE FROM policy_push_candidates
             WHERE run_id = ${runId} AND enterprise_id = ANY(${enterpriseIds}::uuid[])`.execute(tx)
}

export async function findSubscriptions(db: Executor, enterpriseIds: string[]) {
  const rows: { enterprise_id: string; topics: string[]; is_push_enabled: boolean }[] = []
  for (let i = 0; i < enterpriseIds.length; i += 5000) {
    const ids = enterpriseIds.slice(i, i + 5000)
    rows.push(
      ...(await db
        .selectFrom('policy_subscriptions')
        .select(['enterprise_id', 'topics', 'is_push_enabled'])
        .where('enterprise_id', 'in', ids)
        .execute()),
    )
  }
  return rows
}

export async function findEnterpriseNames(db: Executor, ids: string[]) {
  const map = new Map<string, string>()
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute()
    for (const r of rows) map.set(r.id, r.name)
  }
  return map
}

export async function insertPushes(
  tx: Tx,
  rows: {
    itemId: string
    enterpriseId: string
    runId: number
    status: 'notified' | 'not_subscribed' | 'opted_out'
    notificationId: string | null
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto('policy_pushes')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          item_id: r.itemId,
          enterprise_id: r.enterpriseId,
          run_id: r.runId,
          status: r.status,
          notification_id: r.notificationId,
        })),
      )
      .execute()
  }
}

export async function findPushesOf(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('policy_pushes')
    .select(['item_id', 'detected_at', 'status', 'viewed_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('detected_at', 'desc')
    .execute()
}

export async function markPushViewed(tx: Executor, enterpriseId: string, itemId: string): Promise<void> {
  await tx
    .updateTable('policy_pushes')
    .set({ viewed_at: new Date() })
    .where('enterprise_id', '=', enterpriseId)
    .where('item_id', '=', itemId)
    .where('viewed_at', 'is', null)
    .execute()
}

export async function findSubscription(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('policy_subscriptions')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst()
}

export async function upsertSubscription(
  tx: Executor,
  enterpriseId: string,
  topics: string[],
  isPushEnabled: boolean,
) {
  await tx
    .insertInto('policy_subscriptions')
    .values({ enterprise_id: enterpriseId, topics, is_push_enabled: isPushEnabled, updated_at: new Date() })
    .onConflict((oc) =>
      oc
        .column('enterprise_id')
        .doUpdateSet({ topics, is_push_enabled: isPushEnabled, updated_at: new Date() }),
    )
    .execute()
}

// Needs (企业点菜)

export async function insertNeed(
  tx: Executor,
  row: { enterpriseId: string; topic: string; text: string; by: string },
) {
  return tx
    .insertInto('enterprise_needs')
    .values({ enterprise_id: row.enterpriseId, topic: row.topic, text: row.text, created_by: row.by })
    .returningAll()
    .executeTakeFirstOrThrow()
}

function needsQuery(db: Executor) {
  return db
    .selectFrom('enterprise_needs as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .selectAll('n')
    .select(['e.name as enterprise_name', 'e.division_code'])
}

export type NeedRow = Awaited<ReturnType<ReturnType<typeof needsQuery>['execute']>>[number]

export async function findNeedsOf(db: Executor, enterpriseId: string) {
  return needsQuery(db)
    .where('n.enterprise_id', '=', enterpriseId)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute()
}

export async function findNeed(db: Executor, id: string) {
  return needsQuery(db).where('n.id', '=', id).executeTakeFirst()
}

export async function findNeeds(
  db: Executor,
  filter: { topic?: string | undefined; divisionCode?: string | undefined; status?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = needsQuery(db)
  if (filter.topic) query = query.where('n.topic', '=', filter.topic)
  if (filter.divisionCode) query = query.where('e.division_code', '=', filter.divisionCode)
  if (filter.status) query = query.where('n.status', '=', filter.status as 'open')
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query.orderBy('n.created_at', 'desc').limit(page.limit).offset(page.offset).execute()
  return { rows, total: Number(total.n) }
}

/** Demand signals: needs grouped by topic, by district, and by both. */
export async function countNeeds(db: Executor) {
  return db
    .selectFrom('enterprise_needs as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .select(['n.topic', 'e.division_code'])
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('n.id').filterWhere('n.status', '=', 'open').as('open'),
    ])
    .groupBy(['n.topic', 'e.division_code'])
    .execute()
}

export async function answerNeed(
  tx: Executor,
  id: string,
  row: { answer: string; by: string; close: boolean },
) {
  return tx
    .updateTable('enterprise_needs')
    .set({
      answer: row.answer,
      answered_by: row.by,
      answered_at: new Date(),
      status: row.close ? 'closed' : 'answered',
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}
