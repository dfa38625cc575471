import { describe, expect, it } from 'vitest'
import { budgetRemaining, checkBudget, sumYuan } from './payout-rules'

describe('money in fen', () => {
  it('adds amounts without drifting', () => {
    expect(sumYuan([0.1, 0.2])).toBe(0.3)
    expect(sumYuan([33_333.33, 33_333.33, 33_333.34])).toBe(100_000)
    expect(sumYuan([])).toBe(0)
  })
})

describe('the budget cap', () => {
  it.each([
    ['no cap', null, 1_000_000, 5, { ok: true, remainingAfter: null }],
    ['under the cap', 100_000, 50_000, 40_000, { ok: true, remainingAfter: 10_000 }],
    ['exactly the cap', 100_000, 50_000, 50_000, { ok: true, remainingAfter: 0 }],
    ['one fen over', 100_000, 50_000, 50_000.01, { ok: false, over: 0.01 }],
    ['over by a whole payout', 120_000, 0, 150_000, { ok: false, over: 30_000 }],
    ['float sums that look over but are not', 0.3, 0.1, 0.2, { ok: true, remainingAfter: 0 }],
  ])('%s', (_name, cap, used, adding, expected) => {
    expect(checkBudget(cap, used, adding)).toMatchObject(expected)
  })

  it('what is left never goes below zero', () => {
    expect(budgetRemaining(100, 30.5)).toBe(69.5)
    expect(budgetRemaining(100, 130)).toBe(0)
    expect(budgetRemaining(null, 130)).toBeNull()
  })
})
