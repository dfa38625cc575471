/**
 * How an item's outcome is stored: one bitmap per item and outcome, cut into chunks of CHUNK_BITS
 * enterprises (by match index), a chunk written only when it changed.
 */
export const CHUNK_BITS = 65_536
const CHUNK_WORDS = CHUNK_BITS / 32
export const ELIGIBLE = 1
export const UNDETERMINED = 2

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1)
  throw new Error('The matching engine stores bitmaps as little-endian words')

export const chunkBytes = (bits: Uint32Array, chunk: number) => {
  const from = chunk * CHUNK_WORDS
  const to = Math.min(bits.length, from + CHUNK_WORDS)
  return new Uint8Array(bits.buffer, bits.byteOffset + from * 4, Math.max(0, to - from) * 4)
}

export const isZero = (bytes: Uint8Array) => bytes.every((b) => b === 0)

export function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  if (!b) return isZero(a)
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return false
  return true
}
