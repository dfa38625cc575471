import { describe, expect, it } from 'vitest'
import {
  DRAW_ALGORITHM,
  commitTo,
  computeSeed,
  runDraw,
  serializeDrawList,
  sha256Hex,
  type DrawList,
} from './draw-algorithm'
import { rerunPublishedDraw } from './draw-rerun-check'

/** The re-run script's core: a published draw and its list give AGREES, and every tampering is named. */

const DRAW_ID = 'd0000000-0000-4000-8000-000000000009'
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const LIST: DrawList = {
  algorithm: DRAW_ALGORITHM,
  drawId: DRAW_ID,
  ratios: { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 },
  inspectorsPerTarget: 2,
  enterprises: Array.from({ length: 40 }, (_, i) => [
    id(i),
    `91210200MA${String(i).padStart(8, '0')}`,
    (['A', 'B', 'C', 'D', 'U'] as const)[i % 5]!,
  ]),
  inspectors: ['i-1', 'i-2', 'i-3', 'i-4'],
  conflicts: [['i-1', id(3)]],
}
const LIST_TEXT = serializeDrawList(LIST)
const SECRETS = ['body-secret-0123456789', 'bureau-secret-0123456789', 'notary-secret-0123456789']

function published() {
  const listHash = sha256Hex(LIST_TEXT)
  const seed = computeSeed(listHash, SECRETS, 'beacon-42')
  const outcome = runDraw(JSON.parse(LIST_TEXT) as DrawList, seed)
  if (!outcome.ok) throw new Error('refused')
  return {
    id: DRAW_ID,
    algorithm: DRAW_ALGORITHM,
    listHash,
    beacon: 'beacon-42' as string | null,
    seed,
    parties: SECRETS.map((secret, i) => ({ position: i + 1, commitment: commitTo(secret), secret })),
    result: {
      targets: outcome.targets.map((t) => ({
        enterpriseId: t.enterpriseId,
        inspectors: t.inspectorIds.map((inspectorId) => ({ inspectorId })),
      })),
    },
  }
}
type Published = ReturnType<typeof published>

describe('rerunPublishedDraw', () => {
  it('agrees with an untouched draw, whatever the order the parties are listed in', () => {
    const draw = published()
    const verdict = rerunPublishedDraw({ ...draw, parties: [...draw.parties].reverse() }, LIST_TEXT)
    expect(verdict).toMatchObject({ agrees: true, problems: [] })
    expect(verdict.targets).toBe(draw.result.targets.length)
  })

  const otherList = serializeDrawList({ ...LIST, enterprises: LIST.enterprises.slice(1) })
  it.each<[string, (d: Published) => unknown, string, RegExp]>([
    ['a different list', (d) => d, otherList, /list hash mismatch.*a different list/],
    ['a list with one more space', (d) => d, `${LIST_TEXT} `, /list hash mismatch/],
    ['an unknown algorithm', (d) => ({ ...d, algorithm: 'other-v9' }), LIST_TEXT, /unknown algorithm/],
    ['not a draw at all', () => ['x'], LIST_TEXT, /not a draw/],
    ['no frozen list', (d) => ({ ...d, listHash: null }), LIST_TEXT, /no frozen list/],
    [
      'a reveal that does not match its commitment',
      (d) => ({
        ...d,
        parties: d.parties.map((p, i) => (i === 1 ? { ...p, secret: 'forged-secret-0123456789' } : p)),
      }),
      LIST_TEXT,
      /party 2: the reveal does not match/,
    ],
    [
      'a party that has not revealed',
      (d) => ({ ...d, parties: d.parties.map((p, i) => (i === 2 ? { ...p, secret: null } : p)) }),
      LIST_TEXT,
      /party 3 has not revealed/,
    ],
    [
      'a published seed that is not the secrets’ seed',
      (d) => ({ ...d, seed: sha256Hex('x') }),
      LIST_TEXT,
      /seed mismatch/,
    ],
    ['a beacon changed after the draw', (d) => ({ ...d, beacon: 'beacon-43' }), LIST_TEXT, /seed mismatch/],
    [
      'a target replaced',
      (d) => ({
        ...d,
        result: { targets: d.result.targets.map((t, i) => (i === 0 ? { ...t, enterpriseId: id(99) } : t)) },
      }),
      LIST_TEXT,
      /target 1: recomputed .* published 00000000-0000-4000-8000-000000000099/,
    ],
    [
      'an inspector swapped',
      (d) => ({
        ...d,
        result: {
          targets: d.result.targets.map((t, i) =>
            i === 2 ? { ...t, inspectors: [...t.inspectors].reverse() } : t,
          ),
        },
      }),
      LIST_TEXT,
      /target 3:/,
    ],
    [
      'a target dropped',
      (d) => ({ ...d, result: { targets: d.result.targets.slice(1) } }),
      LIST_TEXT,
      /recomputed \d+ targets, the draw publishes \d+/,
    ],
    ['no result yet', (d) => ({ ...d, result: null }), LIST_TEXT, /no result yet/],
  ])('disagrees with %s', (_, change, listText, problem) => {
    const verdict = rerunPublishedDraw(change(published()), listText)
    expect(verdict.agrees).toBe(false)
    expect(verdict.problems.join('\n')).toMatch(problem)
  })

  it('names a list that belongs to another draw', () => {
    const foreign = serializeDrawList({ ...LIST, drawId: 'd0000000-0000-4000-8000-000000000010' })
    const draw = { ...published(), listHash: sha256Hex(foreign) }
    expect(rerunPublishedDraw(draw, foreign).problems).toEqual([
      'the list belongs to draw d0000000-0000-4000-8000-000000000010, not d0000000-0000-4000-8000-000000000009',
    ])
  })
})
