import {
  DRAW_ALGORITHM,
  DRAW_TIERS,
  commitTo,
  computeSeed,
  runDraw,
  sha256Hex,
  type DrawList,
} from './draw-algorithm'

/**
 * Re-running a published draw (the core of server/scripts/draw-rerun.ts): from the public JSON and the
 * downloaded list alone, check the list hash, every reveal against its commitment, the seed, and the
 * result. Imports only the algorithm file, so anyone can lift the two files out and run them.
 */

export type RerunVerdict = { agrees: boolean; problems: string[]; targets: number }

type PublishedParty = { position: number; commitment: string | null; secret: string | null }
type PublishedTarget = { enterpriseId: string; inspectors: { inspectorId: string }[] }
type PublishedDraw = {
  id: string
  algorithm: string
  listHash: string | null
  beacon: string | null
  seed: string | null
  parties: PublishedParty[]
  result: { targets: PublishedTarget[] } | null
}

function isPublishedDraw(value: unknown): value is PublishedDraw {
  const v = value as PublishedDraw | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.algorithm === 'string' &&
    Array.isArray(v.parties)
  )
}

function parseList(listText: string): DrawList | null {
  try {
    const list = JSON.parse(listText) as DrawList
    const wellFormed =
      Array.isArray(list.enterprises) &&
      Array.isArray(list.inspectors) &&
      Array.isArray(list.conflicts) &&
      Number.isInteger(list.inspectorsPerTarget) &&
      DRAW_TIERS.every((t) => Number.isInteger(list.ratios?.[t]))
    return wellFormed ? list : null
  } catch {
    return null
  }
}

const describeTarget = (t: { enterpriseId: string; inspectorIds: string[] }) =>
  `${t.enterpriseId} [${t.inspectorIds.join(', ')}]`

/** Compares the recomputed targets with the published ones, position by position. */
function compareTargets(
  computed: { enterpriseId: string; inspectorIds: string[] }[],
  published: PublishedTarget[],
): string[] {
  const problems: string[] = []
  const shown = published.map((t) => ({
    enterpriseId: t.enterpriseId,
    inspectorIds: t.inspectors.map((i) => i.inspectorId),
  }))
  if (computed.length !== shown.length)
    problems.push(`recomputed ${computed.length} targets, the draw publishes ${shown.length}`)
  for (let i = 0; i < Math.max(computed.length, shown.length); i++) {
    const a = computed[i]
    const b = shown[i]
    if (a && b && describeTarget(a) === describeTarget(b)) continue
    problems.push(
      `target ${i + 1}: recomputed ${a ? describeTarget(a) : '(none)'}, published ${b ? describeTarget(b) : '(none)'}`,
    )
  }
  return problems
}

/** The verdict on a published draw and its list; never throws on bad input (it is a problem). */
export function rerunPublishedDraw(published: unknown, listText: string): RerunVerdict {
  const refuse = (problem: string): RerunVerdict => ({ agrees: false, problems: [problem], targets: 0 })
  if (!isPublishedDraw(published)) return refuse('the published JSON is not a draw')
  if (published.algorithm !== DRAW_ALGORITHM)
    return refuse(`unknown algorithm ${published.algorithm} (this script runs ${DRAW_ALGORITHM})`)
  if (!published.listHash) return refuse('the draw has no frozen list yet')
  const listHash = sha256Hex(listText)
  if (listHash !== published.listHash)
    return refuse(
      `list hash mismatch: the list given hashes to ${listHash}, the draw published ${published.listHash} — a different list`,
    )
  const list = parseList(listText)
  if (!list) return refuse('the list is not a yingshang-draw-v1 list')
  if (list.drawId !== published.id)
    return refuse(`the list belongs to draw ${list.drawId}, not ${published.id}`)

  const problems: string[] = []
  const parties = [...published.parties].sort((a, b) => a.position - b.position)
  for (const p of parties) {
    if (!p.secret || !p.commitment) problems.push(`party ${p.position} has not revealed`)
    else if (commitTo(p.secret) !== p.commitment)
      problems.push(`party ${p.position}: the reveal does not match its commitment`)
  }
  if (problems.length) return { agrees: false, problems, targets: 0 }
  const seed = computeSeed(
    listHash,
    parties.map((p) => p.secret!),
    published.beacon,
  )
  if (seed !== published.seed) return refuse(`seed mismatch: recomputed ${seed}, published ${published.seed}`)

  const outcome = runDraw(list, seed)
  if (!outcome.ok)
    return refuse(`the draw cannot be made: enterprise ${outcome.enterpriseId} has too few inspectors`)
  if (!published.result) return refuse('the draw publishes no result yet')
  const differences = compareTargets(outcome.targets, published.result.targets)
  return { agrees: differences.length === 0, problems: differences, targets: outcome.targets.length }
}

/** What the script prints: AGREES or DISAGREES on the first line, then the differences. */
export function describeVerdict(verdict: RerunVerdict, drawId: string): string {
  if (verdict.agrees)
    return `AGREES — draw ${drawId}: ${verdict.targets} targets recomputed, identical to the published result`
  return [`DISAGREES — draw ${drawId}:`, ...verdict.problems.map((p) => `  - ${p}`)].join('\n')
}
