import { describe, expect, it } from 'vitest'
import { percentOf, rankBy } from './cockpit-labels'

const unit = (name: string, value: number | null) => ({
  departmentName: name,
  rates: { onTimeRate: { value } },
})

describe('cockpit labels', () => {
  it.each([
    [0.6667, '66.7%'],
    [1, '100%'],
    [0, '0%'],
    [null, '—'],
  ])('%s is shown %s', (value, text) => {
    expect(percentOf(value)).toBe(text)
  })

  it('ranks best first and units with no value last', () => {
    const units = [unit('甲', 0.5), unit('乙', null), unit('丙', 0.9)]
    expect(rankBy(units, 'onTimeRate', true).map((u) => u.departmentName)).toEqual(['丙', '甲', '乙'])
    expect(rankBy(units, 'onTimeRate', false).map((u) => u.departmentName)).toEqual(['甲', '丙', '乙'])
  })
})
