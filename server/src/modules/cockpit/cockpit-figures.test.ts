import { describe, expect, it } from 'vitest'
import {
  addMonths,
  deriveRates,
  emptyFigures,
  formulaOf,
  mergeMonthRows,
  monthsOf,
  OPEN_DATA_COLUMNS,
  openDataRows,
  rate,
  snakeCase,
  toCsv,
  toFigures,
} from './cockpit-figures'
import { FIGURE_KEYS, RATE_KEYS } from './cockpit.schema'

describe('rate', () => {
  it.each([
    [1, 2, 0.5],
    [2, 3, 0.6667],
    [0, 4, 0],
    [3, 3, 1],
    [0, 0, null],
    [5, 0, null],
  ])('%i ÷ %i → %s', (n, d, value) => {
    expect(rate(n, d)).toEqual({ numerator: n, denominator: d, value })
  })
})

describe('months', () => {
  it.each([
    ['2026-01', '2026-03', ['2026-01', '2026-02', '2026-03']],
    ['2025-12', '2026-01', ['2025-12', '2026-01']],
    ['2026-03', '2026-03', ['2026-03']],
    ['2026-03', '2026-02', null],
  ])('%s to %s', (from, to, months) => {
    expect(monthsOf(from, to)).toEqual(months)
  })

  it('refuses more than 24 months', () => {
    expect(monthsOf('2024-01', '2025-12')).toHaveLength(24)
    expect(monthsOf('2024-01', '2026-01')).toBeNull()
  })

  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-05', -17, '2024-12'],
    ['2026-05', 0, '2026-05'],
  ])('%s moved by %i is %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected)
  })
})

describe('figures', () => {
  it('reads counts from the database, numeric strings and missing keys included', () => {
    const f = toFigures({ appealsDispatched: 3, benefitPayoutAmount: '1250.50', ratingsBad: null })
    expect(f.appealsDispatched).toBe(3)
    expect(f.benefitPayoutAmount).toBe(1250.5)
    expect(f.ratingsBad).toBe(0)
    expect(Object.keys(f)).toEqual([...FIGURE_KEYS])
  })

  it('merges the domain rows of one month and unit into one row', () => {
    const a = { ...emptyFigures(), appealsDispatched: 2 }
    const b = { ...emptyFigures(), ratingsGiven: 5 }
    const rows = mergeMonthRows([
      { month: '2026-03', departmentId: 'd1', figures: a },
      { month: '2026-02', departmentId: null, figures: a },
      { month: '2026-03', departmentId: 'd1', figures: b },
    ])
    expect(rows.map((r) => [r.month, r.departmentId])).toEqual([
      ['2026-02', null],
      ['2026-03', 'd1'],
    ])
    expect(rows[1]!.figures).toMatchObject({ appealsDispatched: 2, ratingsGiven: 5 })
  })

  it('derives the good-rating share from given ratings only', () => {
    const f = {
      ...emptyFigures(),
      ratingsGiven: 4,
      ratingsDefault: 10,
      ratingsLevel5: 2,
      ratingsLevel3: 1,
      ratingsLevel1: 1,
      ratingsBad: 1,
    }
    const rates = deriveRates(f)
    expect(rates.ratingSatisfaction).toEqual({ numerator: 3, denominator: 4, value: 0.75 })
    expect(rates.badShare).toEqual({ numerator: 1, denominator: 4, value: 0.25 })
    expect(rates.responseRate.value).toBeNull()
    expect(Object.keys(rates)).toEqual([...RATE_KEYS])
  })

  it('names every rate’s counts', () => {
    expect(formulaOf('ratingSatisfaction')).toEqual([
      'ratingsLevel3 + ratingsLevel4 + ratingsLevel5',
      'ratingsGiven',
    ])
    for (const k of RATE_KEYS)
      for (const side of formulaOf(k)) for (const key of side.split(' + ')) expect(FIGURE_KEYS).toContain(key)
  })
})

describe('open data', () => {
  it.each([
    ['appealsOnTimeMet', 'appeals_on_time_met'],
    ['ratingsLevel1', 'ratings_level_1'],
    ['benefitPayoutAmount', 'benefit_payout_amount'],
  ])('%s is the column %s', (key, column) => {
    expect(snakeCase(key)).toBe(column)
  })

  it('builds rows from the allow-list only, a unit by its code and name', () => {
    const rows = openDataRows(
      [{ month: '2026-03', departmentId: 'd1', figures: { ...emptyFigures(), appealsDispatched: 7 } }],
      new Map([['d1', { code: 'SCJ', name: '市场监督管理局' }]]),
    )
    expect(Object.keys(rows[0]!)).toEqual([...OPEN_DATA_COLUMNS])
    expect(rows[0]).toMatchObject({ month: '2026-03', department_code: 'SCJ', appeals_dispatched: 7 })
  })

  it('writes CSV with a BOM, quotes where needed and no formula in a text cell', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: '含,逗号', b: 1 },
        { a: '=HYPERLINK("x")', b: null },
      ],
    )
    expect(csv).toBe('\uFEFFa,b\r\n"含,逗号",1\r\n"\'=HYPERLINK(""x"")",\r\n')
  })
})
