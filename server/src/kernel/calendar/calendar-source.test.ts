import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDayFrom, type CalendarData } from './calendar-source'
import { addDays, isWeekend } from './zoned-time'

/**
 * The product takes its calendar from the `chinese-days` package. Here it is checked, day by day
 * for 2024–2026, against an independent copy of the State Council notices (NateScarlet/holiday-cn).
 */
type Reference = { year: number; days: { name: string; date: string; isOffDay: boolean }[] }
const referenceDir = path.resolve(import.meta.dirname, '../../../test/reference/holiday-cn')

const empty: CalendarData = {
  revision: 1,
  timeZone: 'Asia/Shanghai',
  slots: [],
  overrides: new Map(),
  noticeDays: new Map(),
  noticeYears: new Set(),
}

describe.each([2024, 2025, 2026])('the %i calendar matches the State Council notice', (year) => {
  const reference = JSON.parse(fs.readFileSync(path.join(referenceDir, `${year}.json`), 'utf8')) as Reference
  const exceptions = new Map(reference.days.map((d) => [d.date, d]))
  const resolve = resolveDayFrom(empty)

  it('day by day', () => {
    const mismatches: string[] = []
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
      const exception = exceptions.get(date)
      const expected = exception ? !exception.isOffDay : !isWeekend(date)
      const actual = resolve(date)
      if (actual.isWorkingDay !== expected)
        mismatches.push(`${date}: expected ${expected ? 'working' : 'off'}`)
      if (actual.source !== 'package') mismatches.push(`${date}: source ${actual.source}`)
      // A day can belong to two holidays at once ("国庆节、中秋节"); either name will do.
      const names = exception?.name.split('、').map((n) => n.replace(/节$/, '')) ?? []
      if (exception && !names.some((n) => actual.name.includes(n))) {
        mismatches.push(`${date}: name ${actual.name} vs ${exception.name}`)
      }
    }
    expect(mismatches).toEqual([])
  })
})

describe('precedence', () => {
  it('a city override beats the package; an admin notice replaces the package for its year; unknown years fall back to weekends', () => {
    const data: CalendarData = {
      ...empty,
      overrides: new Map([['2026-06-15', { isWorkingDay: false, name: '城市纪念日' }]]),
      noticeYears: new Set([2027]),
      noticeDays: new Map([
        ['2027-02-06', { isWorkingDay: false, name: '春节' }],
        ['2027-02-20', { isWorkingDay: true, name: '春节' }],
      ]),
    }
    const resolve = resolveDayFrom(data)
    expect(resolve('2026-06-15')).toMatchObject({
      isWorkingDay: false,
      name: '城市纪念日',
      source: 'override',
    })
    expect(resolve('2027-02-06')).toMatchObject({ isWorkingDay: false, name: '春节', source: 'notice' })
    expect(resolve('2027-02-20')).toMatchObject({ isWorkingDay: true, name: '春节调休', source: 'notice' })
    expect(resolve('2027-03-01')).toMatchObject({ isWorkingDay: true, source: 'notice' })
    expect(resolve('2030-10-01')).toMatchObject({ isWorkingDay: true, source: 'fallback' })
    expect(resolve('2030-10-05')).toMatchObject({ isWorkingDay: false, source: 'fallback' })
  })

  it('names days in English when asked', () => {
    const resolve = resolveDayFrom(empty, 'en')
    expect(resolve('2026-10-01').name).toBe('National Day')
    expect(resolve('2026-09-20').name).toBe('National Day (make-up working day)')
  })
})
