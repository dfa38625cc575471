import { describe, expect, it } from 'vitest'
import { cityToday, cityYear } from './city-today'

const dalian = { config: { timeZone: 'Asia/Shanghai' } }

describe("the city's today", () => {
  it.each([
    ['2026-12-31T15:59:59.999Z', '2026-12-31', 2026], // 23:59:59 in Dalian on New Year's Eve
    ['2026-12-31T16:00:00.000Z', '2027-01-01', 2027], // midnight in Dalian; still the 31st in UTC
    ['2026-12-04T18:21:00.000Z', '2026-12-05', 2026], // 02:21 in Dalian: UTC reads yesterday
    ['2026-09-30T16:30:00.000Z', '2026-10-01', 2026], // National Day has begun in Dalian
  ])('%s is %s in Dalian', (instant, date, year) => {
    expect(cityToday(dalian, new Date(instant))).toBe(date)
    expect(cityYear(dalian, new Date(instant))).toBe(year)
  })
})
