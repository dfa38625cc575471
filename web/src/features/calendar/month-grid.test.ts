import { describe, expect, it } from 'vitest'
import { addDays, dayKind, monthGrid, noticeToBody, shiftMonth, weekdayIndex } from './month-grid'

describe('monthGrid', () => {
  it('lays out a month in Monday-first weeks', () => {
    const weeks = monthGrid({ year: 2026, month: 2 }) // 1 Feb 2026 is a Sunday
    expect(weeks[0]![0]).toEqual({ date: '2026-01-26', isInMonth: false })
    expect(weeks[0]![6]).toEqual({ date: '2026-02-01', isInMonth: true })
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-03-01')
    expect(weeks.every((week) => week.length === 7)).toBe(true)
  })

  it('needs exactly four rows for a February starting on Monday', () => {
    expect(monthGrid({ year: 2027, month: 2 })).toHaveLength(4)
  })
})

describe('date arithmetic', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 })
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 })
    expect(weekdayIndex('2026-01-05')).toBe(0)
  })
})

describe('dayKind', () => {
  it('tells holidays, make-up days and weekends apart', () => {
    expect(dayKind({ date: '2026-01-01', isWorkingDay: false, name: '元旦', source: 'package' })).toBe(
      'holiday',
    )
    expect(dayKind({ date: '2026-01-04', isWorkingDay: true, name: '元旦调休', source: 'package' })).toBe(
      'makeUp',
    )
    expect(dayKind({ date: '2026-01-10', isWorkingDay: false, name: '', source: 'package' })).toBe('weekend')
    expect(dayKind({ date: '2026-01-05', isWorkingDay: true, name: '', source: 'package' })).toBe('workday')
  })
})

describe('noticeToBody', () => {
  it('joins consecutive days off into holidays and keeps make-up days', () => {
    const body = noticeToBody({
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      url: null,
      publishedOn: '2026-11-10',
      enteredAt: '2026-11-11T00:00:00Z',
      days: [
        { date: '2027-01-02', isWorkingDay: false, name: '元旦' },
        { date: '2027-01-01', isWorkingDay: false, name: '元旦' },
        { date: '2027-01-03', isWorkingDay: false, name: '元旦' },
        { date: '2027-02-06', isWorkingDay: true, name: '春节调休' },
        { date: '2027-02-10', isWorkingDay: false, name: '春节' },
      ],
    })
    expect(body.holidays).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-10', to: '2027-02-10' },
    ])
    expect(body.makeUpDays).toEqual([{ name: '春节调休', date: '2027-02-06' }])
  })
})
