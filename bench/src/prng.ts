/**
 * Deterministic randomness for generated bench data: the same seed gives the same rows on every
 * machine, so two runs compare the same data.
 */
export type Rng = {
  /** uniform in [0, 1) */
  next(): number
  int(minInclusive: number, maxExclusive: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  /** median × e^(sigma·N(0,1)) */
  lognormal(median: number, sigma: number): number
  weighted<T>(items: readonly (readonly [T, number])[]): T
  uuid(): string
}

function mix(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x21f0aaad)
  h ^= h >>> 15
  h = Math.imul(h, 0x735a2d97)
  h ^= h >>> 15
  return h >>> 0
}

const hex = (n: number) =>
  Math.floor(n * 4294967296)
    .toString(16)
    .padStart(8, '0')

/** sfc32: 128 bits of state, so a million streams never overlap the way 32-bit generators do. */
class Sfc32 implements Rng {
  constructor(
    private a: number,
    private b: number,
    private c: number,
    private d: number,
  ) {
    for (let i = 0; i < 12; i++) this.next()
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  lognormal(median: number, sigma: number): number {
    const u = Math.max(this.next(), 1e-12)
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
    return median * Math.exp(sigma * z)
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.next() * total
    for (const [item, w] of items) {
      r -= w
      if (r < 0) return item
    }
    return items.at(-1)![0]
  }
  uuid(): string {
    const s = hex(this.next()) + hex(this.next()) + hex(this.next()) + hex(this.next())
    const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16)
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`
  }
}

/** A generator of its own for item `index` of stream `seed`: rows do not depend on the batch size. */
export function rngFor(seed: number, index = 0): Rng {
  const a = mix(seed ^ 0x9e3779b9)
  const b = mix(a ^ (index >>> 0))
  const c = mix(b + 0x85ebca6b)
  const d = mix(c ^ Math.imul(index + 1, 0xc2b2ae35))
  return new Sfc32(a, b, c, d)
}
