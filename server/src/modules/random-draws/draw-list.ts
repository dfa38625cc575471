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

export function buildDrawList(
  draw: { id: string; ratios: DrawRatios; inspectors_per_target: number },
  enterprises: readonly { id: string; uscc: string; tier: string | null }[],
  inspectorIds: readonly string[],
  conflicts: readonly { inspector_user_id: string; enterprise_id: string }[],
): { list: DrawList; text: string } {
  const onList = new Set(enterprises.map((e) => e.id))
  const list: DrawList = {
    algorithm: DRAW_ALGORITHM,
    drawId: draw.id,
    ratios: Object.fromEntries(DRAW_TIERS.map((t) => [t, draw.ratios[t]])) as DrawRatios,
    inspectorsPerTarget: draw.inspectors_per_target,
    enterprises: enterprises.map((e) => [e.id, e.uscc.trim(), tierOf(e.tier)]),
    inspectors: [...inspectorIds],
    // only the conflicts that can matter: with an enterprise on the list
    conflicts: conflicts
      .filter((c) => onList.has(c.enterprise_id))
      .map((c) => [c.inspector_user_id, c.enterprise_id]),
  }
  const text = serializeDrawList(list)
  // the list as frozen is the list as parsed back: what the script re-runs
  return { list: JSON.parse(text) as DrawList, text }
}

/**
 * The first enterprise that could be drawn but would have fewer eligible inspectors than the draw
 * needs (any enterprise may be drawn, so every one must have enough); null when all have enough.
 */
export function firstTargetWithoutInspectors(
  list: DrawList,
): { enterpriseId: string; eligible: number; needed: number } | null {
  const conflictsOf = new Map<string, number>()
  for (const [, enterpriseId] of list.conflicts)
    conflictsOf.set(enterpriseId, (conflictsOf.get(enterpriseId) ?? 0) + 1)
  const needed = list.inspectorsPerTarget
  if (list.inspectors.length < needed && list.enterprises.length)
    return { enterpriseId: list.enterprises[0]![0], eligible: list.inspectors.length, needed }
  for (const [enterpriseId, count] of conflictsOf) {
    const eligible = list.inspectors.length - count
    if (eligible < needed) return { enterpriseId, eligible, needed }
  }
  return null
}
