import { describe, expect, it } from 'vitest'
import type { EvaluationPolicy } from './benefits.api'
import { FUNNEL_STEPS, SHARE_BASE, stepShare, stepValue, sumPolicies } from './funnel'

const funnel = { matched: 10, pushed: 8, viewed: 4, consented: 3, applied: 1, approved: 2, paid: 2 }

describe('the policy funnel (docs/METRICS.md)', () => {
  it('counts consents and applications as one step', () => {
    expect(stepValue(funnel, 'claimed')).toBe(4)
    expect(FUNNEL_STEPS).toEqual(['matched', 'pushed', 'viewed', 'claimed', 'approved', 'paid'])
  })

  it('gives each step as a share of its base, with both numbers, and no share of nothing', () => {
    expect(stepShare(funnel, 'viewed')).toEqual({ value: 4, base: 8, share: 0.5 })
    expect(stepShare(funnel, 'claimed')).toEqual({ value: 4, base: 10, share: 0.4 })
    expect(stepShare(funnel, 'paid')).toEqual({ value: 2, base: 4, share: 0.5 })
    expect(stepShare({ ...funnel, pushed: 0, viewed: 0 }, 'viewed').share).toBeNull()
    // the server's three rates use the same bases
    expect([SHARE_BASE.viewed, SHARE_BASE.claimed, SHARE_BASE.paid]).toEqual(['pushed', 'matched', 'claimed'])
  })

  it('adds policies up in fen and keeps a median only for one policy', () => {
    const p = (amountPaid: number, median: number | null) =>
      ({
        ...funnel,
        amountPaid,
        medianWorkingDaysToCash: median,
        ratings: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 2 },
      }) as unknown as EvaluationPolicy
    const both = sumPolicies([p(0.1, 3), p(0.2, 5)])
    expect(both).toMatchObject({ matched: 20, paid: 4, amountPaid: 0.3, medianWorkingDaysToCash: null })
    expect(both.ratings).toEqual({ '1': 0, '2': 0, '3': 2, '4': 0, '5': 4 })
    expect(sumPolicies([p(1, 3)]).medianWorkingDaysToCash).toBe(3)
  })
})
