import { describe, expect, it } from 'vitest'
import { setBit } from '../matching/match-bitmap'
import {
  budgetOf,
  countFalse,
  digestOf,
  estimateCost,
  storedBitmap,
  tallyOutcomes,
} from './publication-preview'

const bitmap = (size: number, on: number[]) => {
  const b = new Uint32Array(Math.ceil(size / 32))
  for (const i of on) setBit(b, i)
  return b
}

describe('publication preview arithmetic', () => {
  it('counts outcomes in total and per group, the ungrouped as "unknown"', () => {
    const present = bitmap(40, [0, 1, 2, 3, 4, 5, 33])
    const eligible = bitmap(40, [0, 1, 33])
    const undetermined = bitmap(40, [2])
    const groupOf = new Int32Array(40).fill(-1)
    groupOf.set([0, 1, 0, 1, 1, -1], 0)
    groupOf[33] = 1
    const { total, byGroup } = tallyOutcomes(present, eligible, undetermined, groupOf, 2)
    expect(total).toEqual({ eligible: 3, undetermined: 1, ineligible: 3 })
    expect(byGroup).toEqual([
      { eligible: 1, undetermined: 1, ineligible: 0 },
      { eligible: 2, undetermined: 0, ineligible: 2 },
      { eligible: 0, undetermined: 0, ineligible: 1 },
    ])
  })

  it('counts where a condition is false: present, neither true nor unknown', () => {
    expect(countFalse(bitmap(8, [0, 1, 2, 3]), { t: bitmap(8, [0]), u: bitmap(8, [1]) })).toBe(2)
  })

  it.each([
    ['a fixed amount', { fixed: 0.1 }, [0, 1, 2], { yuan: 0.3, unestimated: 0 }],
    [
      'formula values rounded to the fen, never below zero',
      { values: [10.005, -5, 2.333] },
      [0, 1, 2],
      { yuan: 12.34, unestimated: 0 },
    ],
    [
      'a missing value is not estimated',
      { values: [NaN, 100, Infinity] },
      [0, 1, 2],
      { yuan: 100, unestimated: 2 },
    ],
    ['only who is in the bitmap', { values: [1, 2, 3] }, [1], { yuan: 2, unestimated: 0 }],
  ] as const)('estimates the cost: %s', (_name, amount, who, expected) => {
    const input = 'fixed' in amount ? amount : { values: Float64Array.from(amount.values) }
    expect(estimateCost(bitmap(3, [...who]), input)).toEqual(expected)
  })

  it('reads stored chunks into one bitmap (little-endian, short chunks, chunks past the end)', () => {
    const out = storedBitmap(
      [
        { chunk: 0, bits: Uint8Array.from([0b101]) },
        { chunk: 1, bits: Uint8Array.from([1, 0, 0, 0, 0x80]) },
        { chunk: 9, bits: Uint8Array.from([0xff]) },
      ],
      4,
      64,
    )
    expect([...out]).toEqual([0b101, 0, 1, 0x80])
  })

  it.each([
    [
      { cap: 100, paid: 20, cost: 70, noCapReason: null },
      { share: 0.9, isOver: false, isReasonNeeded: false },
    ],
    [
      { cap: 100, paid: 20, cost: 80.01, noCapReason: null },
      { share: 1.0001, isOver: true, isReasonNeeded: false },
    ],
    [
      { cap: null, paid: 0, cost: 70, noCapReason: null },
      { share: null, isOver: null, isReasonNeeded: true },
    ],
    [
      { cap: null, paid: 0, cost: 70, noCapReason: '税收优惠' },
      { share: null, isOver: null, isReasonNeeded: false },
    ],
    [
      { cap: null, paid: 0, cost: null, noCapReason: null },
      { share: null, isOver: null, isReasonNeeded: false },
    ],
    [
      { cap: 0, paid: 0, cost: 0, noCapReason: null },
      { share: 0, isOver: false, isReasonNeeded: false },
    ],
  ] as const)('budget %j', (input, expected) => {
    expect(budgetOf(input)).toEqual(expected)
  })

  it('digests the numbers whatever the order of their keys', () => {
    expect(digestOf({ a: 1, b: [1, { c: 2, d: null }] })).toBe(digestOf({ b: [1, { d: null, c: 2 }], a: 1 }))
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }))
  })
})
