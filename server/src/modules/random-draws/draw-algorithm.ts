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

/** One-shot SHA-256 (crypto.hash, about twice as fast as createHash for short inputs; Node ≥ 20.12). */
const digest: (text: string) => Buffer =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'buffer')
    : (text) => createHash('sha256').update(text, 'utf8').digest()

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

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
    enterprises: [...list.enterprises].sort(pairOrder).map(([id, uscc, tier]) => [id, uscc, tier]),
    inspectors: [...list.inspectors].sort(byCodeUnits),
    conflicts: [...list.conflicts].sort(pairOrder).map(([i, e]) => [i, e]),
  })
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
 * The k entries with the smallest ticket SHA-256(seed|id), the digest read as a 256-bit big-endian
 * number (equal to comparing the lowercase hex). The first 48 bits order almost everything as a
 * float (exact below 2^53); only equal prefixes fall back to the whole digest, then the id.
 */
function smallestTickets(prefix: string, ids: readonly string[], k: number) {
  if (k <= 0 || ids.length === 0) return []
  const heads = new Float64Array(ids.length)
  for (let i = 0; i < ids.length; i++) heads[i] = digest(prefix + ids[i]).readUIntBE(0, 6)
  const take = Math.min(k, ids.length)
  // the take-th smallest head: a sorted copy for large samples, a short scan for a few (inspectors)
  const threshold = take > 8 ? Float64Array.from(heads).sort()[take - 1]! : kthSmallest(heads, take)
  const chosen: { id: string; ticket: string; head: number }[] = []
  for (let i = 0; i < ids.length; i++)
    if (heads[i]! <= threshold)
      chosen.push({ id: ids[i]!, ticket: sha256Hex(prefix + ids[i]), head: heads[i]! })
  chosen.sort((a, b) => a.head - b.head || byCodeUnits(a.ticket, b.ticket) || byCodeUnits(a.id, b.id))
  return chosen.slice(0, take)
}

function kthSmallest(values: Float64Array, k: number): number {
  const best: number[] = []
  for (const v of values) {
    if (best.length < k) best.push(v)
    else if (v < best[k - 1]!) best[k - 1] = v
    else continue
    best.sort((a, b) => a - b)
  }
  return best[k - 1]!
}

/**
 * The draw: per tier in the order A B C D U, the ceil(ratio × n) enterprises with the smallest ticket
 * SHA-256(seed|enterpriseId); then for each chosen enterprise, in that order, the inspectorsPerTarget
 * inspectors with the smallest SHA-256(seed|enterpriseId|inspectorId) among those with no declared
 * conflict with it. Refuses (ok: false) when a target has fewer eligible inspectors than needed.
 */
export function runDraw(list: DrawList, seed: string): DrawOutcome {
  const byTier = new Map<DrawTier, string[]>(DRAW_TIERS.map((t) => [t, []]))
  for (const [id, , tier] of list.enterprises) byTier.get(tier)?.push(id)
  // the inspectors each enterprise may not have (only enterprises with a declared conflict are here)
  const recused = new Map<string, Set<string>>()
  for (const [inspectorId, enterpriseId] of list.conflicts) {
    const set = recused.get(enterpriseId) ?? new Set<string>()
    set.add(inspectorId)
    recused.set(enterpriseId, set)
  }
  const targets: DrawnTarget[] = []
  for (const tier of DRAW_TIERS) {
    const ids = byTier.get(tier)!
    for (const chosen of smallestTickets(`${seed}|`, ids, sampleSize(list.ratios[tier], ids.length))) {
      const out = recused.get(chosen.id)
      const eligible = out ? list.inspectors.filter((i) => !out.has(i)) : list.inspectors
      if (eligible.length < list.inspectorsPerTarget)
        return { ok: false, reason: 'too_few_inspectors', enterpriseId: chosen.id, eligible: eligible.length }
      const inspectors = smallestTickets(`${seed}|${chosen.id}|`, eligible, list.inspectorsPerTarget)
      targets.push({
        enterpriseId: chosen.id,
        tier,
        ticket: chosen.ticket,
        inspectorIds: inspectors.map((i) => i.id),
      })
    }
  }
  return { ok: true, targets }
}
