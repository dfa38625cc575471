import { describe, expect, it } from 'vitest'
import { computeRatingFigures, type RatingCount } from './rating-figures'

const c = (change: Partial<RatingCount>): RatingCount => ({
  month: '2026-03',
  department_id: 'd1',
  subject_type: 'application',
  kind: 'given',
  excluded: false,
  level: 5,
  n: 1,
  ...change,
})
const names = new Map([['d1', '市场监督管理局']])

describe('computeRatingFigures', () => {
  it('counts given ratings, their levels, satisfaction and bad ones', () => {
    const [row] = computeRatingFigures(
      [
        c({ level: 5, n: 3 }),
        c({ level: 4, n: 1 }),
        c({ level: 3, n: 2 }),
        c({ level: 2, n: 1 }),
        c({ level: 1, n: 1 }),
      ],
      names,
    )
    expect(row).toMatchObject({
      departmentName: '市场监督管理局',
      given: 8,
      distribution: [1, 1, 2, 1, 3],
      satisfaction: 0.5,
      bad: 2,
      defaults: 0,
      excluded: 0,
    })
  })

  it('keeps default and excluded ratings apart from the given ones', () => {
    const [row] = computeRatingFigures(
      [c({ level: 5, n: 1 }), c({ kind: 'default', level: 4, n: 7 }), c({ excluded: true, level: 1, n: 2 })],
      names,
    )
    expect(row).toMatchObject({
      given: 1,
      distribution: [0, 0, 0, 0, 1],
      satisfaction: 1,
      bad: 0,
      defaults: 7,
      defaultDistribution: [0, 0, 0, 7, 0],
      excluded: 2,
    })
  })

  it('answers no satisfaction when nothing was given', () => {
    expect(computeRatingFigures([c({ kind: 'default', n: 4 })], names)[0]!.satisfaction).toBeNull()
  })

  it('one row per month, unit and kind of case, in order', () => {
    const rows = computeRatingFigures(
      [c({ month: '2026-04' }), c({ subject_type: 'appeal' }), c({ department_id: null }), c({})],
      names,
    )
    expect(rows.map((r) => [r.month, r.departmentName, r.subjectType, r.given])).toEqual([
      ['2026-03', null, 'application', 1],
      ['2026-03', '市场监督管理局', 'appeal', 1],
      ['2026-03', '市场监督管理局', 'application', 1],
      ['2026-04', '市场监督管理局', 'application', 1],
    ])
  })
})
