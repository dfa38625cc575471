import { describe, expect, it } from 'vitest'
import { ApiError } from '../../app/api'
import {
  addMonths,
  bpToPercentText,
  fenToYuanText,
  percentToBp,
  planTotals,
  renameApiFields,
  splitEvenly,
  toCreateBody,
  toPlanBody,
  type CommitmentFormValues,
} from './commitment-form'
import { formatFen, yuanToFen } from './commitments.api'

describe('yuanToFen', () => {
  it.each([
    ['20000', 2_000_000],
    ['20000.5', 2_000_050],
    ['0.01', 1],
    [' 1234.56 ', 123_456],
    ['9999999999999.99', 999_999_999_999_999],
  ])('%s yuan is %d fen', (text, fen) => expect(yuanToFen(text)).toBe(fen))

  it.each(['', '1.234', '-5', '1,000', '1e3', '¥10', 'abc'])('refuses %j', (text) =>
    expect(yuanToFen(text)).toBeNull(),
  )
})

describe('formatFen', () => {
  it('shows yuan with thousands separators and 元 in Chinese, ¥ in English', () => {
    expect(formatFen(2_000_000, 'zh-CN')).toBe('20,000.00 元')
    expect(formatFen(123_456_789, 'en')).toBe('¥1,234,567.89')
    expect(formatFen(null, 'zh-CN')).toBe('—')
  })
})

describe('fenToYuanText', () => {
  it('is what yuanToFen reads back', () => {
    for (const fen of [0, 1, 99, 100, 2_000_000, 123_456_789]) expect(yuanToFen(fenToYuanText(fen))).toBe(fen)
    expect(fenToYuanText(2_000_050)).toBe('20000.50')
  })
})

describe('percentToBp', () => {
  it.each([
    ['3.1', 310],
    ['3.10', 310],
    ['18.25', 1825],
    ['18.25%', 1825],
    ['0', 0],
    ['1000', 100_000],
  ])('%s %% a year is %d bp', (text, bp) => expect(percentToBp(text)).toBe(bp))

  it.each(['', '3.105', '-1', '1000.01', 'LPR'])('refuses %j', (text) => expect(percentToBp(text)).toBeNull())

  it('reads back as the shortest percent', () => {
    expect(bpToPercentText(1825)).toBe('18.25')
    expect(bpToPercentText(310)).toBe('3.1')
    expect(bpToPercentText(300)).toBe('3')
  })
})

describe('toCreateBody', () => {
  const base: CommitmentFormValues = {
    kind: 'payable',
    enterpriseId: 'e1',
    departmentId: 'd1',
    ownerRole: 'handler',
    title: ' 执法记录仪采购款 ',
    obligation: '采购执法记录仪 20 台',
  }

  it('sends a payable in fen and basis points, leaving blanks to the API defaults', () => {
    expect(
      toCreateBody({
        ...base,
        amount: '20000',
        disputed: '',
        acceptedOn: '2026-10-01',
        paymentTermDays: null,
        agreedRate: '',
        floorRate: '',
        dueOn: '2026-12-31',
      }),
    ).toEqual({
      kind: 'payable',
      enterpriseId: 'e1',
      departmentId: 'd1',
      ownerRole: 'handler',
      title: '执法记录仪采购款',
      obligation: '采购执法记录仪 20 台',
      amountFen: 2_000_000,
      acceptedOn: '2026-10-01',
    })
  })

  it('sends the agreed term, the large-buyer agreement, the disputed part and both rates', () => {
    expect(
      toCreateBody({
        ...base,
        amount: '1000.5',
        disputed: '0.5',
        acceptedOn: '2026-10-01',
        paymentTermDays: 60,
        isLargeBuyer: true,
        agreedRate: '3.5',
        floorRate: '3.1',
      }),
    ).toMatchObject({
      amountFen: 100_050,
      disputedFen: 50,
      paymentTermDays: 60,
      isLargeBuyer: true,
      agreedRateBp: 350,
      floorRateBp: 310,
    })
  })

  it('sends a promise with its delivery day and none of a payable’s money', () => {
    const body = toCreateBody({
      ...base,
      kind: 'investment_promise',
      dueOn: '2027-06-30',
      amount: '500',
      acceptedOn: '2026-10-01',
      paymentTermDays: 30,
    })
    expect(body).toEqual({
      kind: 'investment_promise',
      enterpriseId: 'e1',
      departmentId: 'd1',
      ownerRole: 'handler',
      title: '执法记录仪采购款',
      obligation: '采购执法记录仪 20 台',
      dueOn: '2027-06-30',
    })
  })
})

describe('renameApiFields', () => {
  it('gives the server’s fields the form’s names and drops those mapped to null', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', '请检查', {
      amountFen: '必填',
      agreedRateBp: '≥ 310',
      title: '太长',
      instalments: 'Σ = 100',
      'instalments.1.amountFen': '至少 1',
    })
    const renamed = renameApiFields(error, {
      amountFen: 'amount',
      agreedRateBp: 'agreedRate',
      instalments: null,
    }) as ApiError
    expect(renamed.fields).toEqual({
      amount: '必填',
      agreedRate: '≥ 310',
      title: '太长',
      'instalments.1.amount': '至少 1',
    })
    expect(renamed.code).toBe('VALIDATION_FAILED')
    expect(renamed.message).toBe('请检查')
  })

  it('renames a list row’s fields and keeps the row', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', '请检查', {
      instalments: 'Σ = 100',
      'instalments.1.amountFen': '至少 1',
    })
    expect((renameApiFields(error, { amountFen: 'amount', instalments: null }) as ApiError).fields).toEqual({
      'instalments.1.amount': '至少 1',
    })
  })

  it('leaves anything but an API error alone', () => {
    const error = new Error('offline')
    expect(renameApiFields(error, {})).toBe(error)
  })
})

describe('planTotals', () => {
  it('is complete when every row is dated and the amounts add up to the principal', () => {
    expect(
      planTotals(
        [
          { dueOn: '2027-01-31', amount: '10000' },
          { dueOn: '2027-02-28', amount: '10000.00' },
        ],
        2_000_000,
      ),
    ).toEqual({ totalFen: 2_000_000, remainderFen: 0, isComplete: true })
  })

  it('says what is left to place, or how much is too much', () => {
    expect(planTotals([{ dueOn: '2027-01-31', amount: '5000' }], 2_000_000)).toEqual({
      totalFen: 500_000,
      remainderFen: 1_500_000,
      isComplete: false,
    })
    expect(planTotals([{ dueOn: '2027-01-31', amount: '20000.01' }], 2_000_000).remainderFen).toBe(-1)
  })

  it('is not complete with an undated row, a bad or zero amount, or no rows', () => {
    expect(planTotals([{ amount: '20000' }], 2_000_000).isComplete).toBe(false)
    expect(
      planTotals(
        [
          { dueOn: '2027-01-31', amount: '20000' },
          { dueOn: '2027-02-28', amount: '0' },
        ],
        2_000_000,
      ).isComplete,
    ).toBe(false)
    expect(planTotals([{ dueOn: '2027-01-31', amount: '2万' }], 2_000_000)).toMatchObject({
      totalFen: 0,
      isComplete: false,
    })
    expect(planTotals([undefined], 0).isComplete).toBe(false)
    expect(planTotals([], 0).isComplete).toBe(false)
  })
})

describe('splitEvenly', () => {
  it('adds up exactly, the odd fen on the last instalment', () => {
    expect(splitEvenly(2_000_000, 3)).toEqual([666_666, 666_666, 666_668])
    expect(splitEvenly(100, 4)).toEqual([25, 25, 25, 25])
    expect(splitEvenly(1, 2)).toEqual([0, 1])
    expect(splitEvenly(100, 0)).toEqual([])
    for (const n of [1, 2, 7, 24])
      expect(splitEvenly(123_456_789, n).reduce((a, b) => a + b, 0)).toBe(123_456_789)
  })
})

describe('addMonths', () => {
  it('keeps the day, clamped to the month’s last', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-31', 12)).toBe('2027-03-31')
  })
})

describe('toPlanBody', () => {
  it('sends fen in date order with the version', () => {
    expect(
      toPlanBody(4, [
        { dueOn: '2027-02-28', amount: '5000' },
        { dueOn: '2027-01-31', amount: '15000.5' },
      ]),
    ).toEqual({
      version: 4,
      instalments: [
        { dueOn: '2027-01-31', amountFen: 1_500_050 },
        { dueOn: '2027-02-28', amountFen: 500_000 },
      ],
    })
  })
})
