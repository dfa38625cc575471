import crypto from 'node:crypto'
import { andNot, countBits, setBits, type Bitmap, type Tri } from '../matching'

/**
 * The arithmetic of a publication preview over the engine's bitmaps: outcomes counted in total and per
 * group (district, size class), the estimated cost of the eligible and of those who could qualify,
 * what became eligible against the stored bitmaps, and the digest a publication confirms. Pure.
 */
export type Counts = { eligible: number; undetermined: number; ineligible: number }

/** Rows with no group (a code column's -1) are counted under `groups.length`: "unknown". */
export function tallyOutcomes(
  present: Bitmap,
  eligible: Bitmap,
  undetermined: Bitmap,
  groupOf: Int32Array | null,
  groups: number,
): { total: Counts; byGroup: Counts[] } {
  const byGroup = Array.from({ length: groups + 1 }, () => ({ eligible: 0, undetermined: 0, ineligible: 0 }))
  const words = Math.min(present.length, eligible.length, undetermined.length)
  const total = { eligible: 0, undetermined: 0, ineligible: 0 }
  const tallies: [keyof Counts, Bitmap][] = [
    ['eligible', eligible.subarray(0, words)],
    ['undetermined', undetermined.subarray(0, words)],
    ['ineligible', andNot(andNot(present.subarray(0, words), eligible), undetermined)],
  ]
  for (const [outcome, bits] of tallies) {
    total[outcome] = countBits(bits)
    if (!groupOf) continue
    for (const i of setBits(bits)) {
      const g = groupOf[i]!
      byGroup[g < 0 || g >= groups ? groups : g]![outcome]++
    }
  }
  return { total, byGroup }
}

/** Enterprises for which a condition is false: present, neither true nor unknown. */
export function countFalse(present: Bitmap, tri: Tri): number {
  return countBits(andNot(andNot(present.subarray(0, tri.t.length), tri.t), tri.u))
}

/**
 * What the enterprises of a bitmap would receive: a fixed amount each, or per enterprise from the
 * formula's values (NaN where a fact is missing: counted as not estimated). Each amount is rounded to
 * the fen and never negative, as one enterprise's amount is; the sum is in whole fen, so it never drifts.
 */
export function estimateCost(
  who: Bitmap,
  amount: { fixed: number } | { values: Float64Array },
): { yuan: number; unestimated: number } {
  if ('fixed' in amount)
    return { yuan: (countBits(who) * Math.round(amount.fixed * 100)) / 100, unestimated: 0 }
  let fen = 0
  let unestimated = 0
  for (const i of setBits(who)) {
    const v = amount.values[i]!
    if (!Number.isFinite(v)) unestimated++
    else fen += Math.max(0, Math.round(v * 100))
  }
  return { yuan: fen / 100, unestimated }
}

/**
 * An item's stored eligible bitmap (chunks of `chunkBits` enterprises, little-endian bytes) as one
 * bitmap over `words` words: the enterprises the version in force already found eligible.
 */
export function storedBitmap(
  chunks: readonly { chunk: number; bits: Uint8Array }[],
  words: number,
  chunkBits: number,
): Bitmap {
  const out = new Uint32Array(words)
  const bytes = new Uint8Array(out.buffer)
  for (const { chunk, bits } of chunks) {
    const at = (chunk * chunkBits) / 8
    if (at >= bytes.length) continue
    bytes.set(bits.subarray(0, Math.max(0, bytes.length - at)), at)
  }
  return out
}

/** The budget line of a money item: what is paid and would be paid against its cap. */
export function budgetOf(input: {
  cap: number | null
  paid: number
  cost: number | null
  noCapReason: string | null
}): { share: number | null; isOver: boolean | null; isReasonNeeded: boolean } {
  const { cap, paid, cost } = input
  if (cost === null) return { share: null, isOver: null, isReasonNeeded: false }
  if (cap === null) return { share: null, isOver: null, isReasonNeeded: !input.noCapReason }
  const spent = Math.round(paid * 100) + Math.round(cost * 100)
  const capFen = Math.round(cap * 100)
  return {
    share: capFen === 0 ? (spent === 0 ? 0 : null) : Math.round((spent / capFen) * 10_000) / 10_000,
    isOver: spent > capFen,
    isReasonNeeded: false,
  }
}

/**
 * The digest a publication confirms: the numbers that decide it, and nothing that changes by itself
 * (the time, how long it took). The same numbers give the same digest; any of them moving, another.
 */
export function digestOf(numbers: unknown): string {
  return crypto.createHash('sha256').update(stableJson(numbers)).digest('hex')
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}
