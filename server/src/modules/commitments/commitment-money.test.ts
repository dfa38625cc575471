import { describe, expect, it } from 'vitest'
import {
  applyPayment,
  checkPaymentTerm,
  effectiveRate,
  initialAccrual,
  interestAsOf,
  payableDueOn,
  replayPayments,
  STATUTORY_RATE_BP,
  toFen,
  undisputedFen,
} from './commitment-money'

describe('payment terms (30 days, 60 by agreement for large buyers)', () => {
  it.each([
    { agreed: null, large: false, expected: { ok: true, days: 30 } },
    { agreed: 20, large: false, expected: { ok: true, days: 20 } },
    { agreed: 30, large: false, expected: { ok: true, days: 30 } },
    { agreed: 31, large: false, expected: { ok: false, refusal: 'PAYMENT_TERM_OVER_MAXIMUM', maxDays: 30 } },
    { agreed: 60, large: true, expected: { ok: true, days: 60 } },
    { agreed: null, large: true, expected: { ok: true, days: 30 } },
    { agreed: 61, large: true, expected: { ok: false, refusal: 'PAYMENT_TERM_OVER_MAXIMUM', maxDays: 60 } },
  ])('agreed $agreed, large buyer $large', ({ agreed, large, expected }) => {
    expect(checkPaymentTerm(agreed, large)).toEqual(expected)
  })
})

describe('rates (the agreed rate, not below the floor; else 0.05 % a day)', () => {
  it.each([
    { agreed: null, floor: null, expected: { ok: true, rateBp: 1825 } },
    { agreed: null, floor: 310, expected: { ok: true, rateBp: 1825 } },
    { agreed: 500, floor: 310, expected: { ok: true, rateBp: 500 } },
    { agreed: 310, floor: 310, expected: { ok: true, rateBp: 310 } },
    { agreed: 300, floor: 310, expected: { ok: false, refusal: 'INTEREST_BELOW_FLOOR', floorBp: 310 } },
    { agreed: 300, floor: null, expected: { ok: true, rateBp: 300 } },
  ])('agreed $agreed bp, floor $floor bp', ({ agreed, floor, expected }) => {
    expect(effectiveRate(agreed, floor)).toEqual(expected)
  })

  it('the statutory rate is exactly 0.05 % a day: 10,000 yuan owes 5 yuan a day', () => {
    expect(interestAsOf(initialAccrual(1_000_000, 0, '2026-01-31'), STATUTORY_RATE_BP, '2026-02-01')).toBe(
      500,
    )
  })
})

describe('the due day of a payable (acceptance + term, calendar days)', () => {
  it.each([
    { accepted: '2026-01-31', term: 30, due: '2026-03-02' },
    { accepted: '2028-02-01', term: 30, due: '2028-03-02' },
    { accepted: '2026-12-15', term: 30, due: '2027-01-14' },
    { accepted: '2026-11-01', term: 60, due: '2026-12-31' },
  ])('$accepted + $term days → $due', ({ accepted, term, due }) =>
    expect(payableDueOn(accepted, term)).toBe(due),
  )
})

describe('interest (accrued daily on the undisputed outstanding)', () => {
  const payable = { amountFen: 1_000_000, disputedFen: 0, dueOn: '2026-03-01', rateBp: STATUTORY_RATE_BP }
  it.each([
    { name: 'on the due day: none', payments: [], asOf: '2026-03-01', interest: 0 },
    { name: 'before the due day: none', payments: [], asOf: '2026-02-20', interest: 0 },
    { name: 'ten days late: 10 × 5 yuan', payments: [], asOf: '2026-03-11', interest: 5000 },
    {
      name: 'half paid on day 4, then 6 more days on the half',
      payments: [{ paidOn: '2026-03-05', principalFen: 500_000 }],
      asOf: '2026-03-11',
      interest: 4 * 500 + 6 * 250,
    },
    {
      name: 'paid in full on day 10: interest stops',
      payments: [{ paidOn: '2026-03-11', principalFen: 1_000_000 }],
      asOf: '2026-06-30',
      interest: 5000,
    },
    {
      name: 'a part paid early accrues nothing and lowers the base from the due day',
      payments: [{ paidOn: '2026-02-10', principalFen: 600_000 }],
      asOf: '2026-03-11',
      interest: 10 * 200,
    },
    {
      name: 'payments out of order are replayed by date',
      payments: [
        { paidOn: '2026-03-11', principalFen: 500_000 },
        { paidOn: '2026-03-05', principalFen: 250_000 },
      ],
      asOf: '2026-03-21',
      interest: 4 * 500 + 6 * 375 + 10 * 125,
    },
  ])('$name', ({ payments, asOf, interest }) => {
    expect(interestAsOf(replayPayments(payable, payments), payable.rateBp, asOf)).toBe(interest)
  })

  it('only the undisputed part accrues: 3,000 of 10,000 yuan disputed', () => {
    const state = initialAccrual(1_000_000, 300_000, '2026-03-01')
    expect(state.outstandingFen).toBe(700_000)
    expect(interestAsOf(state, STATUTORY_RATE_BP, '2026-03-11')).toBe(3500)
  })

  it.each([
    { amount: 100, disputed: 30, expected: 70 },
    { amount: 100, disputed: 100, expected: 0 },
    { amount: 100, disputed: 150, expected: 0 },
  ])('undisputed of $amount with $disputed disputed', ({ amount, disputed, expected }) =>
    expect(undisputedFen(amount, disputed)).toBe(expected),
  )

  it('an agreed annual rate rounds half up to the fen', () => {
    // 1 yuan at 3.65 % a year for one day: 100 × 365 / 3,650,000 = 0.01 fen → 0; 50 days → 0.5 → 1.
    expect(interestAsOf(initialAccrual(100, 0, '2026-01-01'), 365, '2026-01-02')).toBe(0)
    expect(interestAsOf(initialAccrual(100, 0, '2026-01-01'), 365, '2026-02-20')).toBe(1)
  })

  it('large amounts do not lose precision (1e12 fen for ten years)', () => {
    const big = initialAccrual(1_000_000_000_000, 0, '2016-01-01')
    const days = 3653 // 2016-01-01 → 2026-01-01: ten years, three of them leap
    expect(interestAsOf(big, STATUTORY_RATE_BP, '2026-01-01')).toBe(days * 500_000_000)
  })

  it('a payment of more than is outstanding leaves nothing outstanding', () => {
    const s = applyPayment(initialAccrual(1000, 0, '2026-01-01'), 1825, '2026-01-03', 5000)
    expect(s.outstandingFen).toBe(0)
    expect(toFen(s.interestNumerator)).toBe(1)
  })
})
