import { describe, expect, it } from 'vitest'
import {
  isAnswerOverdue,
  isRectificationOverdue,
  shouldRemind,
  workingDaysLeft,
} from './self-inspection-deadlines'

/** 2026: 1–3 October is the National Day holiday in this table; weekends are rest days. */
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-05'])
const isWorkingDay = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day !== 0 && day !== 6 && !HOLIDAYS.has(date)
}

describe('self-inspection dates', () => {
  it.each([
    ['2026-06-08', '2026-06-12', 5], // Monday to Friday
    ['2026-06-12', '2026-06-15', 2], // Friday, the weekend, Monday
    ['2026-06-13', '2026-06-14', 0], // a weekend only
    ['2026-09-30', '2026-10-06', 2], // 30 Sep and 6 Oct; the holiday and the weekend do not count
    ['2026-06-16', '2026-06-15', 0], // past
  ])('from %s to %s: %i working days left', (today, deadline, left) => {
    expect(workingDaysLeft(isWorkingDay, today, deadline)).toBe(left)
  })

  it.each([
    ['not_started', '2026-06-10', '2026-06-11', true],
    ['draft', '2026-06-10', '2026-06-10', false],
    ['returned', '2026-06-10', '2026-06-12', true],
    ['submitted', '2026-06-10', '2026-06-12', false],
    ['accepted', '2026-06-10', '2026-06-12', false],
  ] as const)('a %s copy due %s on %s is overdue: %s', (status, deadline, today, overdue) => {
    expect(isAnswerOverdue(status, deadline, today)).toBe(overdue)
  })

  it.each([
    ['not_started', null, '2026-06-19', '2026-06-17', true], // 3 working days left
    ['draft', null, '2026-06-19', '2026-06-16', false], // 4 left
    ['draft', null, '2026-10-07', '2026-09-30', true], // 30 Sep, 6 and 7 Oct
    ['draft', new Date(), '2026-06-19', '2026-06-18', false], // already reminded
    ['submitted', null, '2026-06-19', '2026-06-18', false], // nothing owed
    ['returned', null, '2026-06-19', '2026-06-20', false], // past: overdue, not near
  ] as const)('%s, reminded %s, due %s, on %s: remind %s', (status, remindedAt, deadline, today, remind) => {
    expect(shouldRemind(isWorkingDay, { status, remindedAt, deadline }, today)).toBe(remind)
  })

  it.each([
    ['open', '2026-06-10', '2026-06-11', true],
    ['open', '2026-06-10', '2026-06-10', false],
    ['done', '2026-06-10', '2026-06-11', false],
    ['confirmed', '2026-06-10', '2026-06-11', false],
  ] as const)('a %s rectification due %s on %s is overdue: %s', (status, due, today, overdue) => {
    expect(isRectificationOverdue(status, due, today)).toBe(overdue)
  })
})
