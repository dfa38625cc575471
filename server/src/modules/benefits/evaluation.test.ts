import { describe, expect, it } from 'vitest'
import {
  addDistributions,
  addFunnels,
  EMPTY_FUNNEL,
  median,
  rate,
  ratingDistribution,
  satisfactionOf,
} from './evaluation'

describe('the median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[0.25, 0.25], 0.3], // to one decimal
  ])('of %o is %s', (values, expected) => {
    expect(median(values)).toBe(expected)
  })
})

describe('ratings', () => {
  it('counts each level and the satisfaction rate (fairly satisfied or better)', () => {
    const d = ratingDistribution([5, 5, 4, 2, 1, 3, 7])
    expect(d).toEqual({ '1': 1, '2': 1, '3': 1, '4': 1, '5': 2 })
    expect(satisfactionOf(d)).toBe(0.667)
    expect(satisfactionOf(ratingDistribution([]))).toBeNull()
    expect(addDistributions(d, d)['5']).toBe(4)
  })
})

describe('funnels', () => {
  it('add up item by item, amounts to the fen', () => {
    const a = { ...EMPTY_FUNNEL, matched: 3, paid: 1, amountPaid: 0.1 }
    const b = { ...EMPTY_FUNNEL, matched: 2, paid: 2, amountPaid: 0.2 }
    expect(addFunnels(a, b)).toMatchObject({ matched: 5, paid: 3, amountPaid: 0.3 })
  })

  it('rates are shares of the step before, none when there is nothing before', () => {
    expect(rate(1, 3)).toBe(0.333)
    expect(rate(0, 0)).toBeNull()
  })
})
