import { describe, expect, it } from 'vitest'
import { levelName, ratingShares, ratingTotal } from './ratings'

describe('ratings', () => {
  it('splits the ratings into shares, best first', () => {
    const shares = ratingShares({ '1': 1, '2': 0, '3': 0, '4': 1, '5': 2 })
    expect(shares.map((s) => s.level)).toEqual([5, 4, 3, 2, 1])
    expect(shares[0]).toEqual({ level: 5, count: 2, share: 0.5 })
    expect(ratingShares({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 })[0]!.share).toBe(0)
    expect(ratingTotal({ '1': 1, '2': 0, '3': 0, '4': 1, '5': 2 })).toBe(4)
  })

  it('names levels 1–5 only', () => {
    const t = (key: string) => key
    expect(levelName(5, t)).toBe('appeals.levels.5')
    expect(levelName(0, t)).toBe('')
    expect(levelName(null, t)).toBe('')
  })
})
