import { describe, expect, it } from 'vitest'
import type { PayoutList, PayoutListClaim } from './benefits.api'
import {
  batchBody,
  budgetBar,
  fieldErrorsByClaim,
  initialDecisions,
  selectionProblems,
  summarize,
} from './payout-selection'

const row = (claimId: string, amount: number, isEligible = true): PayoutListClaim =>
  ({ claimId, number: `N-${claimId}`, amount, isEligible }) as PayoutListClaim

const list = (
  claims: PayoutListClaim[],
  cap: number | null,
  used = 0,
): Pick<PayoutList, 'claims' | 'budget'> => ({
  claims,
  budget: { cap, used, remaining: cap === null ? null : cap - used, eligibleFits: true },
})

describe('a payout list as it opens', () => {
  it('ticks every eligible consent and leaves the flagged ones to be excluded', () => {
    const l = list([row('a', 100), row('b', 50, false)], null)
    expect(initialDecisions(l)).toEqual({ a: { kind: 'pay' }, b: { kind: 'undecided' } })
  })

  it('never ticks a consent without a settlement account to pay to, and says so if one is ticked', () => {
    const noAccount = { ...row('c', 10), account: null, accountProblem: 'missing' } as PayoutListClaim
    const l = list([row('a', 100), noAccount], null)
    expect(initialDecisions(l)).toEqual({ a: { kind: 'pay' }, c: { kind: 'undecided' } })
    expect(selectionProblems(l, { a: { kind: 'pay' }, c: { kind: 'pay' } })).toEqual([
      { kind: 'accountMissing', claimIds: ['c'] },
    ])
  })
})

describe('the budget', () => {
  it('sums in fen and says what is left after the batch', () => {
    const l = list([row('a', 0.1), row('b', 0.2)], 1, 0.5)
    const s = summarize(l, initialDecisions(l))
    expect(s).toMatchObject({
      payCount: 2,
      payAmount: 0.3,
      usedAfter: 0.8,
      remainingAfter: 0.2,
      over: 0,
      fits: true,
    })
  })

  it('says by how much a batch goes over the cap', () => {
    const l = list([row('a', 20000), row('b', 20000), row('c', 20000)], 50000)
    const s = summarize(l, initialDecisions(l))
    expect(s).toMatchObject({ payAmount: 60000, over: 10000, fits: false, remainingAfter: 0 })
    const bar = budgetBar(l.budget, s)!
    expect(bar.used).toBe(0)
    expect(bar.adding).toBeCloseTo(50000 / 60000)
    expect(bar.over).toBeCloseTo(10000 / 60000)
  })

  it('has no bar and never goes over without a cap', () => {
    const l = list([row('a', 1e9)], null)
    const s = summarize(l, initialDecisions(l))
    expect(s).toMatchObject({ fits: true, remainingAfter: null })
    expect(budgetBar(l.budget, s)).toBeUndefined()
  })
})

describe('checks before sending', () => {
  const l = list([row('a', 100), row('b', 50, false)], null)

  it('refuses an empty choice, a flagged consent paid, and an exclusion without a reason', () => {
    expect(selectionProblems(l, {}).map((p) => p.kind)).toEqual(['empty'])
    expect(selectionProblems(l, { b: { kind: 'pay' } })).toEqual([{ kind: 'flaggedPaid', claimIds: ['b'] }])
    expect(selectionProblems(l, { a: { kind: 'pay' }, b: { kind: 'exclude', reason: ' x ' } })).toEqual([
      { kind: 'reasonMissing', claimIds: ['b'] },
    ])
    expect(selectionProblems(l, { a: { kind: 'pay' }, b: { kind: 'exclude', reason: '已注销' } })).toEqual([])
  })

  it('builds the batch, leaving undecided consents on the list', () => {
    const body = batchBody(
      list([row('a', 1), row('b', 1), row('c', 1)], null),
      { a: { kind: 'pay' }, b: { kind: 'exclude', reason: ' 已注销 ' }, c: { kind: 'undecided' } },
      '2026-12-01',
    )
    expect(body).toEqual({
      paidOn: '2026-12-01',
      claimIds: ['a'],
      exclusions: [{ claimId: 'b', reason: '已注销' }],
      accounts: [],
    })
  })

  it('names the account the head saw for each paid consent', () => {
    const withAccount = (claimId: string, accountId: string) =>
      ({ ...row(claimId, 1), account: { id: accountId }, accountProblem: null }) as PayoutListClaim
    const body = batchBody(
      list([withAccount('a', 'acc-a'), withAccount('b', 'acc-b')], null),
      { a: { kind: 'pay' }, b: { kind: 'exclude', reason: '重复' } },
      '2026-12-01',
    )
    expect(body.accounts).toEqual([{ claimId: 'a', accountId: 'acc-a' }])
  })

  it('puts the server’s positional field errors on the claims they mean', () => {
    const body = { claimIds: ['a', 'c'], exclusions: [{ claimId: 'b', reason: 'x' }] }
    expect(
      fieldErrorsByClaim(body, {
        'claimIds.1': 'C 已不符合条件',
        'exclusions.0.claimId': '不是待兑现的确认',
        paidOn: '不能晚于今天',
      }),
    ).toEqual({ c: 'C 已不符合条件', b: '不是待兑现的确认' })
  })
})
