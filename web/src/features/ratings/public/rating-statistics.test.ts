import { describe, expect, it } from 'vitest'
import type { RatingFiguresRow } from '../ratings.api'
import { sharesOf, summarizeRatingFigures } from './rating-statistics'

const row = (overrides: Partial<RatingFiguresRow>): RatingFiguresRow => ({
  month: '2026-11',
  departmentId: 'unit-a',
  departmentName: '市场监督管理局',
  subjectType: 'application',
  given: 0,
  distribution: [0, 0, 0, 0, 0],
  satisfaction: null,
  bad: 0,
  defaults: 0,
  defaultDistribution: [0, 0, 0, 0, 0],
  excluded: 0,
  ...overrides,
})

describe('the public ratings statistics', () => {
  it('sums the rows and recomputes satisfaction from the counts, defaults and exclusions apart', () => {
    const s = summarizeRatingFigures([
      row({ given: 4, distribution: [1, 0, 0, 1, 2], satisfaction: 0.75, bad: 1, excluded: 1 }),
      row({ month: '2026-10', given: 1, distribution: [0, 0, 1, 0, 0], satisfaction: 0 }),
      row({
        departmentId: 'unit-b',
        departmentName: '税务局',
        subjectType: 'appeal',
        given: 1,
        distribution: [0, 0, 0, 0, 1],
        defaults: 3,
        defaultDistribution: [0, 0, 0, 3, 0],
      }),
    ])
    expect(s).toMatchObject({
      given: 6,
      distribution: [1, 0, 1, 1, 3],
      satisfaction: 4 / 6,
      bad: 1,
      defaults: 3,
      defaultDistribution: [0, 0, 0, 3, 0],
      excluded: 1,
    })
    expect(s.bySubject.map((g) => [g.subjectType, g.given, g.defaults])).toEqual([
      ['application', 5, 0],
      ['appeal', 1, 3],
    ])
    expect(s.byUnit.map((g) => [g.departmentName, g.satisfaction])).toEqual([
      ['市场监督管理局', 3 / 5],
      ['税务局', 1],
    ])
  })

  it('has no satisfaction and no shares when nothing was given', () => {
    const s = summarizeRatingFigures([row({ defaults: 2, defaultDistribution: [0, 0, 0, 2, 0] })])
    expect(s.satisfaction).toBeNull()
    expect(sharesOf(s.distribution)).toEqual([null, null, null, null, null])
    expect(sharesOf(s.defaultDistribution)).toEqual([0, 0, 0, 1, 0])
    expect(summarizeRatingFigures([])).toMatchObject({
      given: 0,
      satisfaction: null,
      bySubject: [],
      byUnit: [],
    })
  })
})
