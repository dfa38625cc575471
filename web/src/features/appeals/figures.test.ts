import { describe, expect, it } from 'vitest'
import { dayAfter, formatPercent, formatRate, formatScore, thisMonth } from './figures'

describe('figures', () => {
  it('shows each rate with the numbers behind it', () => {
    expect(formatRate({ numerator: 7, denominator: 8, value: 0.875 })).toBe('87.5% (7/8)')
    expect(formatRate({ numerator: 3, denominator: 3, value: 1 })).toBe('100% (3/3)')
    expect(formatRate({ numerator: 0, denominator: 0, value: null })).toBe('— (0/0)')
    expect(formatPercent(0.3333)).toBe('33.3%')
    expect(formatScore(91.25)).toBe('91.3')
    expect(formatScore(null)).toBe('—')
  })

  it('opens on this month, and sends the exclusive end the API wants', () => {
    expect(thisMonth('2026-11-27')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(thisMonth('2028-02-03')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(dayAfter('2026-11-30')).toBe('2026-12-01')
    expect(dayAfter('2026-12-31')).toBe('2027-01-01')
  })
})
