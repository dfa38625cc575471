import { describe, expect, it } from 'vitest'
import {
  isPlanTaskOverdue,
  onTimeRate,
  shouldEscalate,
  shouldRemind,
  workingDaysLeft,
} from './plan-task-deadlines'

/** Weekends off; 2099-06-01 is a Monday. */
const isWorkingDay = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day !== 0 && day !== 6
}

describe('plan task dates', () => {
  it.each([
    ['2099-06-01', '2099-06-05', 5],
    ['2099-06-01', '2099-06-08', 6], // the weekend between does not count
    ['2099-06-05', '2099-06-05', 1],
    ['2099-06-06', '2099-06-07', 0], // a weekend
    ['2099-06-09', '2099-06-05', 0], // past
  ])('from %s to %s: %i working days', (today, deadline, expected) => {
    expect(workingDaysLeft(isWorkingDay, today, deadline)).toBe(expected)
  })

  it.each([
    ['not_started', '2099-06-05', '2099-06-06', true],
    ['in_progress', '2099-06-05', '2099-06-06', true],
    ['returned', '2099-06-05', '2099-06-06', true],
    ['in_progress', '2099-06-05', '2099-06-05', false], // the deadline day itself is in time
    ['submitted', '2099-06-05', '2099-06-30', false], // under review
    ['accepted', '2099-06-05', '2099-06-30', false],
  ] as const)('%s due %s on %s: overdue %s', (status, deadline, today, expected) => {
    expect(isPlanTaskOverdue(status, deadline, today)).toBe(expected)
  })

  it.each([
    ['in_progress', null, '2099-06-12', '2099-06-01', false], // ten working days left
    ['in_progress', null, '2099-06-12', '2099-06-08', true], // five left
    ['not_started', null, '2099-06-12', '2099-06-12', true],
    ['in_progress', new Date(0), '2099-06-12', '2099-06-08', false], // reminded already
    ['submitted', null, '2099-06-12', '2099-06-08', false],
    ['returned', null, '2099-06-12', '2099-06-13', false], // past: escalation's turn
  ] as const)('%s (reminded %s) due %s on %s: remind %s', (status, remindedAt, deadline, today, expected) => {
    expect(shouldRemind(isWorkingDay, { status, remindedAt, deadline }, today)).toBe(expected)
  })

  it.each([
    ['not_started', null, '2099-06-05', '2099-06-06', true],
    ['returned', null, '2099-06-05', '2099-06-06', true],
    ['in_progress', new Date(0), '2099-06-05', '2099-06-06', false], // once
    ['in_progress', null, '2099-06-05', '2099-06-05', false],
    ['submitted', null, '2099-06-05', '2099-06-06', false],
  ] as const)(
    '%s (escalated %s) due %s on %s: escalate %s',
    (status, escalatedAt, deadline, today, expected) => {
      expect(shouldEscalate({ status, escalatedAt, deadline }, today)).toBe(expected)
    },
  )

  it.each([
    [{ acceptedOnTime: 3, accepted: 4, overdue: 0 }, 0.75],
    [{ acceptedOnTime: 2, accepted: 2, overdue: 2 }, 0.5],
    [{ acceptedOnTime: 0, accepted: 0, overdue: 0 }, null],
  ])('on-time rate of %o is %s', (counts, expected) => {
    expect(onTimeRate(counts)).toBe(expected)
  })
})
