import { describe, expect, it } from 'vitest'
import { addCounts, EMPTY_COUNTS, figuresOf, rankRows, rate, scoreOf } from './figures'

const W = { response: 0.1, resolution: 0.45, satisfaction: 0.45 }

describe('rates', () => {
  it.each([
    [3, 4, 0.75],
    [0, 5, 0],
    [0, 0, null],
  ])('%i of %i → %s', (n, d, value) => {
    expect(rate(n, d)).toEqual({ numerator: n, denominator: d, value })
  })
})

describe('figuresOf', () => {
  it('applies every published formula to the counts', () => {
    const counts = {
      ...EMPTY_COUNTS,
      dispatched: 10,
      withdrawn: 1,
      answered: 8,
      reopened: 2,
      rated: 6,
      resolved: 5,
      ratedWithLevel: 6,
      satisfied: 4,
      levels: [1, 1, 1, 2, 1] as [number, number, number, number, number],
      responseMet: 7,
      responseMissed: 1,
      onTimeMet: 6,
      onTimeMissed: 3,
      assignmentsReturned: 2,
      assignmentsDispatched: 12,
    }
    const f = figuresOf(counts, W)
    expect(f.response).toEqual({ numerator: 7, denominator: 8, value: 0.875 })
    expect(f.resolution).toEqual({ numerator: 5, denominator: 6, value: 5 / 6 })
    expect(f.satisfaction).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 })
    expect(f.ratingCoverage).toEqual({ numerator: 6, denominator: 8, value: 0.75 })
    expect(f.reopen).toEqual({ numerator: 2, denominator: 8, value: 0.25 })
    expect(f.bounce).toEqual({ numerator: 2, denominator: 12, value: 2 / 12 })
    expect(f.onTime).toEqual({ numerator: 6, denominator: 9, value: 6 / 9 })
    expect(f.ratings).toEqual({ '1': 1, '2': 1, '3': 1, '4': 2, '5': 1 })
    // 100 × (0.1·0.875 + 0.45·0.8333 + 0.45·0.6667) = 76.25
    expect(f.score).toBe(76.3)
  })
})

describe('scoreOf', () => {
  const r = (value: number | null) => ({ numerator: 0, denominator: value === null ? 0 : 1, value })
  it.each([
    [1, 1, 1, 100],
    [0, 0, 0, 0],
    [1, null, null, 100], // only the response rate has a value: the score is that rate
    [null, 0.5, 1, 75], // weights 0.45/0.45 renormalised
    [null, null, null, null],
  ])('response %s, resolution %s, satisfaction %s → %s', (response, resolution, satisfaction, score) => {
    expect(
      scoreOf({ response: r(response), resolution: r(resolution), satisfaction: r(satisfaction) }, W),
    ).toBe(score)
  })
})

describe('the city row', () => {
  it('is the formulas applied to the summed counts, not an average of department rates', () => {
    const a = { ...EMPTY_COUNTS, rated: 1, resolved: 1 }
    const b = { ...EMPTY_COUNTS, rated: 9, resolved: 0 }
    expect(figuresOf(addCounts(a, b), W).resolution.value).toBe(0.1)
  })
})

describe('ranking', () => {
  it('orders by score, then by volume; departments without a score come last', () => {
    const ranked = rankRows([
      { name: 'a', score: 80, dispatched: 5 },
      { name: 'b', score: null, dispatched: 50 },
      { name: 'c', score: 90, dispatched: 1 },
      { name: 'd', score: 80, dispatched: 9 },
    ])
    expect(ranked.map((x) => `${x.rank}${x.name}`)).toEqual(['1c', '2d', '3a', '4b'])
  })
})
