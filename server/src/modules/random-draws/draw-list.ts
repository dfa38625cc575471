import { createHash } from 'node:crypto'
import {
  DRAW_ALGORITHM,
  DRAW_TIERS,
  serializeDrawList,
  type DrawList,
  type DrawRatios,
  type DrawTier,
} from './draw-algorithm'
import { RATIO_BOUNDS } from './random-draws.schema'

/**
 * Building the frozen list from the database's rows, and the checks made before anything is written:
 * ratios within their tier's bounds, and enough inspectors free of conflict for every enterprise.
 */

const RATED = new Set<string>(['A', 'B', 'C', 'D'])

/** A tier the market-regulation data gave, or U (not rated: its own stratum). */
export function tierOf(value: string | null): DrawTier {
  return value && RATED.has(value) ? (value as DrawTier) : 'U'
}

export function findTierProblems(ratios: DrawRatios) {
  return DRAW_TIERS.flatMap((tier) => {
    const [min, max] = RATIO_BOUNDS[tier]
    const value = ratios[tier]
    return value < min || value > max ? [{ tier, min, max, value }] : []
  })
}

/**
 * The list from the database's rows, and its canonical text. `list` is what the text was made from
 * (not the text parsed back: 66 MB parsed again cost 0.3–0.7 s; the arrays may be in the
 * query's order rather than the text's, which neither the checks below nor runDraw depend on).
 */
export function buildDrawList(
  draw: { id: string; ratios: DrawRatios; inspectors_per_target: number },
  enterprises: readonly { id: string; uscc: string; tier: string | null }[],
  inspectorIds: readonly string[],
  conflicts: readonly { inspector_user_id: string; enterprise_id: string }[],
): { list: DrawList; text: string } {
  const onList = new Set(enterprises.map((e) => e.id))
  const list: DrawList = {
    ...listWithoutEnterprises(draw, inspectorIds, conflicts, onList),
    enterprises: enterprises.map((e) => [e.id, e.uscc.trim(), tierOf(e.tier)]),
  }
  return { list, text: serializeDrawList(list) }
}

/** Everything of the list but its enterprises; only the conflicts with an enterprise on the list count. */
export function listWithoutEnterprises(
  draw: { id: string; ratios: DrawRatios; inspectors_per_target: number },
  inspectorIds: readonly string[],
  conflicts: readonly { inspector_user_id: string; enterprise_id: string }[],
  onList: { has(enterpriseId: string): boolean },
): Omit<DrawList, 'enterprises'> {
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: draw.id,
    ratios: Object.fromEntries(DRAW_TIERS.map((t) => [t, draw.ratios[t]])) as DrawRatios,
    inspectorsPerTarget: draw.inspectors_per_target,
    inspectors: [...inspectorIds],
    conflicts: conflicts
      .filter((c) => onList.has(c.enterprise_id))
      .map((c) => [c.inspector_user_id, c.enterprise_id]),
  }
}

/**
 * The canonical text around the enterprises' rows: `head` ends with `"enterprises":[`, `tail` starts
 * with the `]` after the last row. The text of a list is head + its rows' texts joined by commas + tail.
 * Cut from serializeDrawList's own output (with no enterprises), so the two cannot differ; the key
 * cannot occur earlier, as a quote inside a JSON string is always escaped.
 */
export function listTextAround(list: Omit<DrawList, 'enterprises'>): { head: string; tail: string } {
  const text = serializeDrawList({ ...list, enterprises: [] })
  const key = '"enterprises":['
  const at = text.indexOf(`${key}]`) + key.length
  return { head: text.slice(0, at), tail: text.slice(at) }
}

/**
 * The enterprises' rows as PostgreSQL writes them with COPY (one JSON array a line, see
 * copyDrawableEnterpriseRows), joined into the list text and hashed as they arrive: each newline
 * becomes the comma between two rows, the last one is dropped. A backslash anywhere means a row COPY
 * had to escape or wrote as null (`\N`): `isUsable` turns false and the caller builds the list the
 * ordinary way.
 */
export class CopiedListText {
  private readonly hash = createHash('sha256')
  private readonly chunks: Buffer[] = []
  private size = 0
  /** the last byte received, not yet hashed: the newline after the last row is not part of the text */
  private held: Buffer | null = null
  enterpriseCount = 0
  isUsable = true

  /** `head`: listTextAround's head (which the conflicts do not change: they come after the rows). */
  constructor(private readonly head: string) {
    this.hash.update(head)
  }

  push(chunk: Buffer): void {
    if (!this.isUsable || !chunk.length) return
    if (chunk.includes(0x5c)) {
      this.isUsable = false
      this.chunks.length = 0
      return
    }
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
      chunk[at] = 0x2c
      this.enterpriseCount++
    }
    if (this.held) this.hash.update(this.held)
    this.hash.update(chunk.subarray(0, chunk.length - 1))
    this.held = chunk.subarray(chunk.length - 1)
    this.chunks.push(chunk)
    this.size += chunk.length
  }

  /** The list's text and hash, with the first enterprise's id (null when none): call once, at the end. */
  finish(tail: string): { text: string; listHash: string; firstEnterpriseId: string | null } {
    if (!this.isUsable) throw new Error('the copied rows cannot make the list text')
    const rows = Buffer.concat(this.chunks, this.size)
    this.chunks.length = 0
    this.hash.update(tail)
    // every byte is ASCII (the rows were checked in SQL), so latin1 reads them as they are
    const rowsText = rows.toString('latin1', 0, Math.max(0, rows.length - 1))
    return {
      text: this.head + rowsText + tail,
      listHash: this.hash.digest('hex'),
      firstEnterpriseId: rows.length ? rows.toString('latin1', 2, rows.indexOf(0x22, 2)) : null,
    }
  }
}

/** What the check before freezing needs to know of a list. */
export type ListFacts = Pick<DrawList, 'inspectors' | 'conflicts' | 'inspectorsPerTarget'> & {
  enterpriseCount: number
  firstEnterpriseId: string | null
}

export const factsOf = (list: DrawList): ListFacts => ({
  inspectors: list.inspectors,
  conflicts: list.conflicts,
  inspectorsPerTarget: list.inspectorsPerTarget,
  enterpriseCount: list.enterprises.length,
  firstEnterpriseId: list.enterprises[0]?.[0] ?? null,
})

/**
 * The first enterprise that could be drawn but would have fewer eligible inspectors than the draw
 * needs (any enterprise may be drawn, so every one must have enough); null when all have enough.
 */
export function firstTargetWithoutInspectors(
  list: ListFacts,
): { enterpriseId: string; eligible: number; needed: number } | null {
  const conflictsOf = new Map<string, number>()
  for (const [, enterpriseId] of list.conflicts)
    conflictsOf.set(enterpriseId, (conflictsOf.get(enterpriseId) ?? 0) + 1)
  const needed = list.inspectorsPerTarget
  if (list.inspectors.length < needed && list.firstEnterpriseId)
    return { enterpriseId: list.firstEnterpriseId, eligible: list.inspectors.length, needed }
  for (const [enterpriseId, count] of conflictsOf) {
    const eligible = list.inspectors.length - count
    if (eligible < needed) return { enterpriseId, eligible, needed }
  }
  return null
}
