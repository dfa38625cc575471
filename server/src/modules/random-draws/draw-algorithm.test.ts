import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  DRAW_ALGORITHM,
  commitTo,
  computeSeed,
  runDraw,
  sampleSize,
  serializeDrawList,
  sha256Hex,
  type DrawList,
  type DrawTier,
} from './draw-algorithm'

/** The draw's algorithm (yingshang-draw-v1), pure: tables of cases and the properties decision 0061 promises. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const inspector = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const TIERS: DrawTier[] = ['A', 'B', 'C', 'D', 'U']

function list(overrides: Partial<DrawList> = {}): DrawList {
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: 'd0000000-0000-4000-8000-000000000001',
    ratios: { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 },
    inspectorsPerTarget: 2,
    enterprises: Array.from({ length: 100 }, (_, i) => [
      id(i),
      `91210200MA${String(i).padStart(8, '0')}`,
      TIERS[i % 5]!,
    ]),
    inspectors: [1, 2, 3, 4, 5].map(inspector),
    conflicts: [],
    ...overrides,
  }
}
const SEED = sha256Hex('a fixed seed for tests')

describe('sampleSize: k = ceil(ratio × n) in integers', () => {
  it.each([
    [500, 20, 1],
    [500, 1, 1],
    [500, 0, 0],
    [0, 1000, 0],
    [1000, 20, 2],
    [1000, 21, 3],
    [3000, 20, 6],
    [10_000, 7, 7],
    [500, 1_000_000, 50_000],
    [2100, 3, 1],
  ])('%i bp of %i → %i', (bp, n, k) => expect(sampleSize(bp, n)).toBe(k))
})

describe('hashes', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('sha256Hex(%j) is the standard digest', (text, hex) => expect(sha256Hex(text)).toBe(hex))

  it('a commitment is SHA-256 of the secret', () => {
    expect(commitTo('secret-of-the-bureau-0001')).toBe(
      createHash('sha256').update('secret-of-the-bureau-0001').digest('hex'),
    )
  })

  it.each([
    [
      ['s1-aaaaaaaaaaaaaaaa', 's2-bbbbbbbbbbbbbbbb', 's3-cccccccccccccccc'],
      null,
      'yingshang-draw-v1|H|s1-aaaaaaaaaaaaaaaa|s2-bbbbbbbbbbbbbbbb|s3-cccccccccccccccc|',
    ],
    [
      ['s1-aaaaaaaaaaaaaaaa', 's2-bbbbbbbbbbbbbbbb', 's3-cccccccccccccccc'],
      '20261206:0815',
      'yingshang-draw-v1|H|s1-aaaaaaaaaaaaaaaa|s2-bbbbbbbbbbbbbbbb|s3-cccccccccccccccc|20261206:0815',
    ],
  ])('the seed is SHA-256 of the joined input (%#)', (secrets, beacon, input) => {
    expect(computeSeed('H', secrets, beacon)).toBe(sha256Hex(input))
  })

  it('the order of the parties changes the seed', () => {
    expect(computeSeed('H', ['a', 'b', 'c'], null)).not.toBe(computeSeed('H', ['b', 'a', 'c'], null))
  })
})

describe('serializeDrawList: one canonical text', () => {
  it('sorts every array and fixes the key order, whatever order it was given in', () => {
    const a = list()
    const b = list({
      enterprises: [...a.enterprises].reverse(),
      inspectors: [...a.inspectors].reverse(),
      ratios: { U: 1000, D: 7000, C: 3000, B: 1000, A: 500 },
    })
    expect(serializeDrawList(b)).toBe(serializeDrawList(a))
    expect(serializeDrawList(a).startsWith('{"algorithm":"yingshang-draw-v1","drawId":')).toBe(true)
    expect(serializeDrawList(a)).not.toMatch(/\s/)
  })
})

describe('runDraw', () => {
  it('draws ceil(ratio × n) per tier, tier by tier, each with its inspectors', () => {
    const outcome = runDraw(list(), SEED)
    if (!outcome.ok) throw new Error('refused')
    // 20 enterprises per tier: A 5 % → 1, B 10 % → 2, C 30 % → 6, D 70 % → 14, U 10 % → 2
    const perTier = TIERS.map((t) => outcome.targets.filter((x) => x.tier === t).length)
    expect(perTier).toEqual([1, 2, 6, 14, 2])
    expect(outcome.targets.map((t) => t.tier)).toEqual(
      [...outcome.targets.map((t) => t.tier)].sort((a, b) => TIERS.indexOf(a) - TIERS.indexOf(b)),
    )
    for (const t of outcome.targets) {
      expect(t.inspectorIds).toHaveLength(2)
      expect(new Set(t.inspectorIds).size).toBe(2)
      expect(t.ticket).toBe(sha256Hex(`${SEED}|${t.enterpriseId}`))
    }
  })

  it('takes the smallest tickets: no enterprise left out has a smaller ticket than one chosen', () => {
    const outcome = runDraw(list(), SEED)
    if (!outcome.ok) throw new Error('refused')
    const chosenD = outcome.targets.filter((t) => t.tier === 'D')
    const largest = chosenD
      .map((t) => t.ticket)
      .sort()
      .at(-1)!
    const leftOut = list()
      .enterprises.filter(([, , tier]) => tier === 'D')
      .map(([e]) => e)
      .filter((e) => !chosenD.some((t) => t.enterpriseId === e))
    for (const e of leftOut) expect(sha256Hex(`${SEED}|${e}`) > largest).toBe(true)
  })

  it('is consistent: a larger ratio draws a superset of a smaller one', () => {
    const small = runDraw(list({ ratios: { A: 100, B: 500, C: 2100, D: 6100, U: 500 } }), SEED)
    const large = runDraw(list({ ratios: { A: 500, B: 2000, C: 6000, D: 10_000, U: 2000 } }), SEED)
    if (!small.ok || !large.ok) throw new Error('refused')
    const chosen = new Set(large.targets.map((t) => t.enterpriseId))
    for (const t of small.targets) expect(chosen.has(t.enterpriseId)).toBe(true)
  })

  it('is deterministic and depends on the seed', () => {
    expect(runDraw(list(), SEED)).toEqual(runDraw(list(), SEED))
    expect(runDraw(list(), SEED)).not.toEqual(runDraw(list(), sha256Hex('another seed')))
  })

  it('never assigns an inspector with a declared conflict', () => {
    const first = runDraw(list(), SEED)
    if (!first.ok) throw new Error('refused')
    const target = first.targets[0]!
    const conflicts: [string, string][] = target.inspectorIds.map((i) => [i, target.enterpriseId])
    const again = runDraw(list({ conflicts }), SEED)
    if (!again.ok) throw new Error('refused')
    const same = again.targets.find((t) => t.enterpriseId === target.enterpriseId)!
    expect(same.inspectorIds.some((i) => target.inspectorIds.includes(i))).toBe(false)
    expect(same.inspectorIds).toHaveLength(2)
  })

  it.each([
    ['three inspectors, two in conflict with a target', 3, 2],
    ['two inspectors, one in conflict', 2, 1],
  ])('refuses a target with too few eligible inspectors: %s', (_, inspectors, inConflict) => {
    const base = list({ inspectors: [1, 2, 3, 4, 5].slice(0, inspectors).map(inspector) })
    const first = runDraw(base, SEED)
    if (!first.ok) throw new Error('refused')
    const target = first.targets[0]!.enterpriseId
    const conflicts: [string, string][] = base.inspectors.slice(0, inConflict).map((i) => [i, target])
    expect(runDraw({ ...base, conflicts }, SEED)).toEqual({
      ok: false,
      reason: 'too_few_inspectors',
      enterpriseId: target,
      eligible: inspectors - inConflict,
    })
  })

  it('an empty tier and a ratio of 0 draw nothing', () => {
    const outcome = runDraw(
      list({
        enterprises: [[id(1), '91210200MA00000001', 'B']],
        ratios: { A: 500, B: 0, C: 3000, D: 7000, U: 1000 },
      }),
      SEED,
    )
    expect(outcome).toEqual({ ok: true, targets: [] })
  })
})

/**
 * The specification read plainly (decision 0061, steps 3 and 4): every ticket in hex, one full sort per
 * tier and per target. The sampler's shortcuts (48-bit heads, tickets as bytes until chosen, a short
 * list of the best inspectors) must give exactly this.
 */
function drawBySpecification(l: DrawList, seed: string) {
  const ticket = (text: string) => createHash('sha256').update(text).digest('hex')
  const byTicket = (a: { t: string; id: string }, b: { t: string; id: string }) =>
    a.t < b.t ? -1 : a.t > b.t ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  return TIERS.flatMap((tier) => {
    const ids = l.enterprises.filter(([, , t]) => t === tier).map(([e]) => e)
    return ids
      .map((e) => ({ id: e, t: ticket(`${seed}|${e}`) }))
      .sort(byTicket)
      .slice(0, sampleSize(l.ratios[tier], ids.length))
      .map((chosen) => ({
        enterpriseId: chosen.id,
        tier,
        ticket: chosen.t,
        inspectorIds: l.inspectors
          .filter((i) => !l.conflicts.some(([ci, ce]) => ci === i && ce === chosen.id))
          .map((i) => ({ id: i, t: ticket(`${seed}|${chosen.id}|${i}`) }))
          .sort(byTicket)
          .slice(0, l.inspectorsPerTarget)
          .map((i) => i.id),
      }))
  })
}

describe('the sampler gives what the specification says', () => {
  it.each([
    ['100 enterprises, 20 a tier (the few-entry path), 5 inspectors', list(), 'one'],
    [
      '1,000 enterprises, 200 a tier (the 48-bit path), 30 inspectors, 3 per target, conflicts',
      list({
        enterprises: Array.from({ length: 1000 }, (_, i) => [
          id((i * 7919) % 1000),
          `91210200MA${String(i).padStart(8, '0')}`,
          TIERS[(i * 31) % 5]!,
        ]),
        inspectors: Array.from({ length: 30 }, (_, i) => inspector(i + 1)),
        inspectorsPerTarget: 3,
        conflicts: Array.from({ length: 300 }, (_, i) => [inspector((i % 30) + 1), id((i * 13) % 1000)]),
      }),
      'two',
    ],
    ['ratios of 100 %', list({ ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000, U: 10_000 } }), 'three'],
  ])('%s', (_, l, seedText) => {
    const seed = sha256Hex(seedText)
    expect(runDraw(l, seed)).toEqual({ ok: true, targets: drawBySpecification(l, seed) })
  })
})

/**
 * Golden values, computed by the first implementation of yingshang-draw-v1: any later speed-up must
 * give byte-for-byte the same canonical text and the same draw, or it is a new algorithm version.
 */
describe('yingshang-draw-v1 golden values', () => {
  const golden = list({
    // ids out of order, several tiers, a conflict, 30 inspectors: every branch of the sampler
    enterprises: Array.from({ length: 2000 }, (_, i) => [
      id((i * 7919) % 2000),
      `91210200MA${String(i).padStart(8, '0')}`,
      TIERS[(i * 31) % 5]!,
    ]),
    inspectors: Array.from({ length: 30 }, (_, i) => inspector(30 - i)),
    conflicts: [
      [inspector(3), id(17)],
      [inspector(1), id(17)],
      [inspector(2), id(1999)],
    ],
  })

  it('the canonical text hashes to the recorded value', () => {
    expect(sha256Hex(serializeDrawList(golden))).toBe(
      'd6a3485b730699f9ad59a14f2cf409fc27fa63bd6d625151e5d74748cf131ae5',
    )
  })

  it('the draw hashes to the recorded value', () => {
    const outcome = runDraw(JSON.parse(serializeDrawList(golden)) as DrawList, SEED)
    expect(outcome.ok && outcome.targets.length).toBe(500)
    expect(sha256Hex(JSON.stringify(outcome))).toBe(
      'dc0520b25a7939dc8c169e2a5101b2d4f9d8c593708494c5010043643c4c2bb0',
    )
  })
})
