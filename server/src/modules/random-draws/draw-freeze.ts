import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { sha256Hex, type DrawRatios } from './draw-algorithm'
import {
  buildDrawList,
  CopiedListText,
  factsOf,
  listTextAround,
  listWithoutEnterprises,
  type ListFacts,
} from './draw-list'
import * as q from './random-draws.queries'

/**
 * The freeze's list, two ways that write the same text byte for byte (the tests hold them equal):
 * from the enterprises' rows as the query gives them (any database), or streamed with COPY
 * (PostgreSQL: a million enterprises in 1.2–2.5 s against 2.0–3.3 s from the rows, decision 0061).
 */

type DrawOfList = { id: string; ratios: DrawRatios; inspectors_per_target: number }

export type FrozenList = { text: string; listHash: string; facts: ListFacts }
export type Conflicts = Awaited<ReturnType<typeof q.findConflicts>>

/** The list the ordinary way: the enterprises' rows read by the query, the text by JSON.stringify. */
export function freezeFromRows(
  draw: DrawOfList,
  enterprises: Awaited<ReturnType<typeof q.findDrawableEnterprises>>,
  inspectors: string[],
  conflicts: Conflicts,
): FrozenList {
  const { list, text } = buildDrawList(draw, enterprises, inspectors, conflicts)
  return { text, listHash: sha256Hex(text), facts: factsOf(list) }
}

/**
 * The list on PostgreSQL (decision 0061): PostgreSQL writes each enterprise's row of the text and
 * streams them with COPY, in the snapshot of the freeze's transaction (so the rows are those the
 * transaction reads); Node joins and hashes them as they arrive, and never holds a million rows as
 * objects. Null — build it from the rows instead — on the embedded database (no COPY), with a pool
 * of one connection (COPY needs a second), or when a credit code would not be written as is.
 */
export async function freezeByCopy(
  deps: AppDeps,
  tx: Tx,
  draw: DrawOfList,
  filter: { divisionCode: string | null; industryCode: string | null },
  inspectors: string[],
  conflicts: Conflicts,
): Promise<FrozenList | null> {
  const pool = deps.database.pool
  if (deps.database.kind !== 'postgres' || pool.options.max < 2) return null
  const snapshot = await q.exportSnapshot(tx)
  const { head } = listTextAround(listWithoutEnterprises(draw, inspectors, [], new Set()))
  const copied = new CopiedListText(head)
  const answer = await q.copyDrawableEnterpriseRows(
    tx,
    pool,
    snapshot,
    filter,
    conflicts.map((c) => c.enterprise_id),
    (chunk) => copied.push(chunk),
  )
  if (!answer || !copied.isUsable) return null
  const rest = listWithoutEnterprises(draw, inspectors, conflicts, answer.listedConflictEnterprises)
  const { text, listHash, firstEnterpriseId } = copied.finish(listTextAround(rest).tail)
  return {
    text,
    listHash,
    facts: {
      inspectors: rest.inspectors,
      conflicts: rest.conflicts,
      inspectorsPerTarget: rest.inspectorsPerTarget,
      enterpriseCount: copied.enterpriseCount,
      firstEnterpriseId,
    },
  }
}
