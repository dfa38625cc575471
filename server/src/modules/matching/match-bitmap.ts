/**
 * Bitmaps over the population: bit i is the enterprise whose match index is i. 32 enterprises per
 * word, so "eligible for this item and not for that one" over a million enterprises is 31,250 word
 * operations.
 */
export type Bitmap = Uint32Array

export const wordsFor = (size: number) => (size + 31) >>> 5

export function emptyBitmap(size: number): Bitmap {
  return new Uint32Array(wordsFor(size))
}

export function getBit(b: Bitmap, i: number): boolean {
  return (b[i >>> 5]! & (1 << (i & 31))) !== 0
}

export function setBit(b: Bitmap, i: number, on = true): void {
  if (on) b[i >>> 5]! |= 1 << (i & 31)
  else b[i >>> 5]! &= ~(1 << (i & 31))
}

export function and(a: Bitmap, b: Bitmap): Bitmap {
  const out = new Uint32Array(a.length)
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!
  return out
}

export function or(a: Bitmap, b: Bitmap): Bitmap {
  const out = new Uint32Array(a.length)
  for (let i = 0; i < a.length; i++) out[i] = a[i]! | b[i]!
  return out
}

export function andNot(a: Bitmap, b: Bitmap): Bitmap {
  const out = new Uint32Array(a.length)
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & ~b[i]!
  return out
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

export function countBits(b: Bitmap): number {
  let n = 0
  for (let i = 0; i < b.length; i++) if (b[i]) n += popcount32(b[i]!)
  return n
}

/** The indexes of the set bits, ascending. */
export function* setBits(b: Bitmap): Generator<number> {
  for (let w = 0; w < b.length; w++) {
    let word = b[w]!
    while (word !== 0) {
      const low = word & -word
      yield (w << 5) + (31 - Math.clz32(low))
      word ^= low
    }
  }
}

export function isEmpty(b: Bitmap): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]) return false
  return true
}

export function equalBitmaps(a: Bitmap, b: Bitmap): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** A bitmap grown (zero-filled) or cut to a population size. */
export function resized(b: Bitmap, size: number): Bitmap {
  const words = wordsFor(size)
  if (b.length === words) return b
  const out = new Uint32Array(words)
  out.set(b.subarray(0, Math.min(words, b.length)))
  return out
}
