import { createHash, hash } from 'node:crypto'

/**
 * The random draw's algorithm, "yingshang-draw-v1" (双随机一公开; decision 0061 spells it out so an
 * outsider can reimplement it). Pure and with no import besides node:crypto: the server that makes a
 * draw and the re-run script anyone runs (server/scripts/draw-rerun.ts) share this one file, so the
 * two cannot drift apart. Change nothing here without a new version name.
 */

export const DRAW_ALGORITHM = 'yingshang-draw-v1'

/** Credit tiers (SAMR A–D) and U: not rated — a stratum of its own. */
export const DRAW_TIERS = ['A', 'B', 'C', 'D', 'U'] as const
export type DrawTier = (typeof DRAW_TIERS)[number]

/** Sample ratio per tier in basis points (1 bp = 0.01 %): integers, so k is exact everywhere. */
export type DrawRatios = Record<DrawTier, number>

/** The frozen list: what the draw is made from. Its canonical text is what the list hash covers. */
export type DrawList = {
  algorithm: string
  drawId: string
  ratios: DrawRatios
  inspectorsPerTarget: number
  /** [enterprise id, credit code, tier], sorted by id */
  enterprises: [string, string, DrawTier][]
  /** inspector (user) ids, sorted */
  inspectors: string[]
  /** declared conflicts [inspector id, enterprise id], sorted */
  conflicts: [string, string][]
}

export type DrawnTarget = { enterpriseId: string; tier: DrawTier; ticket: string; inspectorIds: string[] }

export type DrawOutcome =
  | { ok: true; targets: DrawnTarget[] }
  | { ok: false; reason: 'too_few_inspectors'; enterpriseId: string; eligible: number }

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * SHA-256 as lowercase hex. crypto.hash (Node ≥ 20.12) is one native call: about three times as fast
 * as createHash for the short inputs the sampler hashes a million times, and asking for hex rather
 * than a Buffer avoids an allocation per ticket (a Buffer costs more than the hash itself).
 */
export const sha256Hex: (text: string) => string =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * SHA-256 as 32 latin1 characters, each the code of one byte ('binary' is Node's other name for
 * latin1, the one its types accept here): for the sampler's tickets, which are only compared until
 * one is chosen. Compared as strings they order as their hex does (the same bytes, one character
 * each instead of two), and no hex is encoded for the million that are not chosen; a chosen
 * enterprise's ticket is turned into hex once (`hexOf`).
 */
const sha256Bytes: (text: string) => string =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'binary')
    : (text) => createHash('sha256').update(text, 'utf8').digest('binary')

const hexOf = (bytes: string) => Buffer.from(bytes, 'binary').toString('hex')

/** The first 48 bits of a digest from sha256Bytes as a number (exact: below 2^53). */
const head48 = (d: string) =>
  (d.charCodeAt(0) * 0x10000 + d.charCodeAt(1) * 0x100 + d.charCodeAt(2)) * 0x1000000 +
  d.charCodeAt(3) * 0x10000 +
  d.charCodeAt(4) * 0x100 +
  d.charCodeAt(5)

/**
 * The list's canonical text: JSON with the keys in this order, no whitespace, every array sorted by
 * its first element then its second (plain code-unit order; every value is ASCII).
 */
export function serializeDrawList(list: DrawList): string {
  const pairOrder = (a: readonly string[], b: readonly string[]) =>
    byCodeUnits(a[0]!, b[0]!) || byCodeUnits(a[1]!, b[1]!)
  return JSON.stringify({
    algorithm: list.algorithm,
    drawId: list.drawId,
    ratios: Object.fromEntries(DRAW_TIERS.map((t) => [t, list.ratios[t]])),
    inspectorsPerTarget: list.inspectorsPerTarget,
    // the server hands the enterprises over already in order (by id): then no copy is sorted
    enterprises: inCanonicalOrder(list.enterprises, 3)
      ? list.enterprises
      : [...list.enterprises].sort(pairOrder).map(([id, uscc, tier]) => [id, uscc, tier]),
    inspectors: [...list.inspectors].sort(byCodeUnits),
    conflicts: [...list.conflicts].sort(pairOrder).map(([i, e]) => [i, e]),
  })
}

/** Tuples of exactly `width` strings already sorted by their first element, then their second. */
function inCanonicalOrder(rows: readonly (readonly string[])[], width: number): boolean {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    if (row.length !== width) return false
    if (i === 0) continue
    const before = rows[i - 1]!
    if (before[0]! > row[0]! || (before[0] === row[0] && before[1]! > row[1]!)) return false
  }
  return true
}

/** A party's commitment to its secret: SHA-256 of the secret's UTF-8 bytes, lowercase hex. */
export function commitTo(secret: string): string {
  return sha256Hex(secret)
}

/** What a secret or a beacon may contain: no separator can hide in it, so the seed input is unambiguous. */
export const SECRET_PATTERN = /^[0-9A-Za-z_-]{16,128}$/
export const BEACON_PATTERN = /^[0-9A-Za-z._:-]{1,200}$/

/** seed = SHA-256("yingshang-draw-v1|" + listHash + "|" + secret₁ + "|" … + "|" + secretₙ + "|" + beacon). */
export function computeSeed(listHash: string, secretsInPartyOrder: readonly string[], beacon: string | null) {
  return sha256Hex([DRAW_ALGORITHM, listHash, ...secretsInPartyOrder, beacon ?? ''].join('|'))
}

/** k = ceil(ratio × n), in integers: ceil(bp × n / 10000). */
export function sampleSize(basisPoints: number, n: number): number {
  return Math.ceil((basisPoints * n) / 10_000)
}

/**
 * Order of two tickets: by the digest (its bytes, as sha256Bytes gives them, compare as the 256-bit
 * number), then by the id.
 */
type Ticket = { id: string; ticket: string }
const byTicket = (a: Ticket, b: Ticket) => byCodeUnits(a.ticket, b.ticket) || byCodeUnits(a.id, b.id)

/**
 * The k entries with the smallest ticket SHA-256(prefix + id), the digest read as a 256-bit big-endian
 * number (the same order as its lowercase hex), ties by id; each ticket as sha256Bytes gives it. For a
 * large population the first 48 bits (exact as a float below 2^53) find the k-th smallest without
 * keeping a million digests; only the entries at or under it are hashed again for their whole ticket.
 */
function smallestTickets(prefix: string, ids: readonly string[], k: number): Ticket[] {
  if (k <= 0 || ids.length === 0) return []
  const take = Math.min(k, ids.length)
  if (ids.length <= 64) return smallestOfFew(prefix, ids, take)
  const heads = new Float64Array(ids.length)
  for (let i = 0; i < ids.length; i++) heads[i] = head48(sha256Bytes(prefix + ids[i]))
  const threshold = Float64Array.from(heads).sort()[take - 1]!
  const chosen: Ticket[] = []
  for (let i = 0; i < ids.length; i++)
    if (heads[i]! <= threshold) chosen.push({ id: ids[i]!, ticket: sha256Bytes(prefix + ids[i]) })
  return chosen.sort(byTicket).slice(0, take)
}

/**
 * The same for a body's inspectors (a few dozen, hashed once per drawn target, so 1.5 million times
 * in a large draw): every ticket whole, kept in a short sorted list of the best `take`.
 */
function smallestOfFew(prefix: string, ids: readonly string[], take: number): Ticket[] {
  const best: Ticket[] = []
  for (const id of ids) {
    const ticket = sha256Bytes(prefix + id)
    if (best.length === take) {
      const last = best[take - 1]!
      if (ticket > last.ticket || (ticket === last.ticket && id > last.id)) continue
      best.pop()
    }
    let at = best.length
    while (at > 0 && byTicket(best[at - 1]!, { id, ticket }) > 0) at--
    best.splice(at, 0, { id, ticket })
  }
  return best
}

/**
 * The draw: per tier in the order A B C D U, the ceil(ratio × n) enterprises with the smallest ticket
 * SHA-256(seed|enterpriseId); then for each chosen enterprise, in that order, the inspectorsPerTarget
 * inspectors with the smallest SHA-256(seed|enterpriseId|inspectorId) among those with no declared
 * conflict with it. Refuses (ok: false) when a target has fewer eligible inspectors than needed.
 */
export function runDraw(list: DrawList, seed: string): DrawOutcome {
  const { byTier, recused } = splitByTier(list)
  return drawTiers(list, byTier, recused, seed)
}

/** runDraw from the list already split by tier (splitByTier's two maps). */
export function drawTiers(
  list: Pick<DrawList, 'ratios' | 'inspectors' | 'inspectorsPerTarget'>,
  byTier: ReadonlyMap<DrawTier, readonly string[]>,
  recused: ReadonlyMap<string, ReadonlySet<string>>,
  seed: string,
): DrawOutcome {
  const targets: DrawnTarget[] = []
  for (const tier of DRAW_TIERS) {
    const part = drawTier(list, tier, byTier.get(tier)!, recused, seed)
    if (!part.ok) return part
    for (const target of part.targets) targets.push(target)
  }
  return { ok: true, targets }
}

/** The enterprise ids of each tier, in list order, and the inspectors each enterprise may not have. */
export function splitByTier(list: Pick<DrawList, 'enterprises' | 'conflicts'>) {
  const byTier = new Map<DrawTier, string[]>(DRAW_TIERS.map((t) => [t, []]))
  for (const [id, , tier] of list.enterprises) byTier.get(tier)?.push(id)
  // only enterprises with a declared conflict are here
  const recused = new Map<string, Set<string>>()
  for (const [inspectorId, enterpriseId] of list.conflicts) {
    const set = recused.get(enterpriseId) ?? new Set<string>()
    set.add(inspectorId)
    recused.set(enterpriseId, set)
  }
  return { byTier, recused }
}

/**
 * One tier of the draw: its targets in ticket order, each with its inspectors, or the first of them
 * refused. The tiers do not depend on one another, so runDraw is this, tier by tier, in the order
 * A B C D U (and the draw may make tiers on different threads: draw-threads.ts).
 */
export function drawTier(
  list: Pick<DrawList, 'ratios' | 'inspectors' | 'inspectorsPerTarget'>,
  tier: DrawTier,
  ids: readonly string[],
  recused: ReadonlyMap<string, ReadonlySet<string>>,
  seed: string,
): DrawOutcome {
  const targets: DrawnTarget[] = []
  for (const chosen of smallestTickets(`${seed}|`, ids, sampleSize(list.ratios[tier], ids.length))) {
    const out = recused.get(chosen.id)
    const eligible = out ? list.inspectors.filter((i) => !out.has(i)) : list.inspectors
    if (eligible.length < list.inspectorsPerTarget)
      return { ok: false, reason: 'too_few_inspectors', enterpriseId: chosen.id, eligible: eligible.length }
    const inspectors = smallestTickets(`${seed}|${chosen.id}|`, eligible, list.inspectorsPerTarget)
    targets.push({
      enterpriseId: chosen.id,
      tier,
      ticket: hexOf(chosen.ticket),
      inspectorIds: inspectors.map((i) => i.id),
    })
  }
  return { ok: true, targets }
}
