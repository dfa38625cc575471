import { afterAll, describe, expect, it } from 'vitest'
import { DRAW_ALGORITHM, runDraw, sha256Hex, type DrawList, type DrawTier } from './draw-algorithm'
import { runTieredDrawOnThreads, stopDrawThreads } from './draw-threads'
import { tieredList } from './draw-list-read'

/** The draw on two threads has runDraw's outcome, target for target, refusals included. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const inspector = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const SEED = sha256Hex('a fixed seed for tests')

function list(size: number, tiers: DrawTier[], overrides: Partial<DrawList> = {}): DrawList {
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: 'd0000000-0000-4000-8000-000000000001',
    ratios: { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 },
    inspectorsPerTarget: 2,
    enterprises: Array.from({ length: size }, (_, i) => [
      id(i),
      `91210200MA${String(i).padStart(8, '0')}`,
      tiers[i % tiers.length]!,
    ]),
    inspectors: [1, 2, 3, 4, 5].map(inspector),
    conflicts: [
      [inspector(1), id(3)],
      [inspector(2), id(3)],
      [inspector(4), id(10)],
    ],
    ...overrides,
  }
}

afterAll(() => stopDrawThreads())

describe('runTieredDrawOnThreads', () => {
  it.each([
    ['every tier', list(3000, ['A', 'B', 'B', 'C', 'D', 'U'])],
    ['two tiers', list(2000, ['B', 'C'])],
    ['one tier', list(500, ['U'])],
    ['none', list(0, ['A'])],
    [
      'ratios of 100 %',
      list(400, ['A', 'B', 'C', 'D', 'U'], {
        ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000, U: 10_000 },
      }),
    ],
  ])('%s: the same outcome as runDraw', async (_, l) => {
    expect(await runTieredDrawOnThreads(tieredList(l), SEED, 0)).toEqual(runDraw(l, SEED))
  })

  it('refuses as runDraw does: the first target short of inspectors, in tier order', async () => {
    const l = list(300, ['A', 'B', 'C', 'D', 'U'], {
      ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000, U: 10_000 },
      inspectors: [1, 2, 3].map(inspector),
      conflicts: [
        [inspector(1), id(3)],
        [inspector(2), id(3)],
        [inspector(1), id(7)],
        [inspector(3), id(7)],
      ],
    })
    const serial = runDraw(l, SEED)
    expect(serial.ok).toBe(false)
    expect(await runTieredDrawOnThreads(tieredList(l), SEED, 0)).toEqual(serial)
  })
})
