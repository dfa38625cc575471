import { describe, expect, it } from 'vitest'
import { resolveDayFrom } from '../../kernel/calendar/calendar-source'
import { parseClock, WorkingCalendar } from '../../kernel/calendar/working-calendar'
import {
  dueOnFiling,
  isReportOverdue,
  reportClocks,
  resultDueOnClosing,
  type ClockedReport,
} from './report-deadlines'

/**
 * The report clocks over the calendar data the platform ships: 2026's 国庆 (10-1…7, make-up working
 * day Saturday 10-10). Working time 09:00–12:00 and 13:30–17:30 in Dalian.
 */
const calendar = new WorkingCalendar(
  resolveDayFrom({
    revision: 0,
    timeZone: 'Asia/Shanghai',
    slots: [],
    overrides: new Map(),
    noticeDays: new Map(),
    noticeYears: new Set(),
  }),
  [
    { start: parseClock('09:00'), end: parseClock('12:00') },
    { start: parseClock('13:30'), end: parseClock('17:30') },
  ],
  'Asia/Shanghai',
)
const at = (local: string) => new Date(`${local}+08:00`)

describe('the deadlines of 检举控告工作规则', () => {
  it.each([
    [
      'an ordinary week: transfer in 5, acknowledge in 15',
      '2026-11-02T10:00:00',
      '2026-11-09T17:30:00',
      '2026-11-23T17:30:00',
    ],
    ['filed on a Saturday', '2026-11-07T15:00:00', '2026-11-13T17:30:00', '2026-11-27T17:30:00'],
    [
      'across 国庆 and its make-up Saturday',
      '2026-09-29T10:00:00',
      '2026-10-12T17:30:00',
      '2026-10-26T17:30:00',
    ],
  ])('%s', (_, filed, transfer, acknowledge) => {
    const due = dueOnFiling(calendar, at(filed), false)
    expect(due.transferDueAt).toEqual(at(transfer))
    expect(due.acknowledgeDueAt).toEqual(at(acknowledge))
  })

  it('an anonymous reporter has nobody to acknowledge', () => {
    expect(dueOnFiling(calendar, at('2026-11-02T10:00:00'), true).acknowledgeDueAt).toBeNull()
  })

  it('the result is owed 15 working days after closing', () => {
    expect(resultDueOnClosing(calendar, at('2026-11-02T10:00:00'))).toEqual(at('2026-11-23T17:30:00'))
  })
})

const base: ClockedReport = {
  status: 'received',
  acknowledgeDueAt: at('2026-11-23T17:30:00'),
  acknowledgedAt: null,
  transferDueAt: at('2026-11-09T17:30:00'),
  transferredAt: null,
  resultDueAt: null,
  resultNotifiedAt: null,
}

describe('which clocks show, and which are overdue', () => {
  it.each([
    ['received, in time', base, '2026-11-05T10:00:00', ['acknowledge', 'transfer'], false],
    ['received, past the transfer day', base, '2026-11-10T10:00:00', ['acknowledge', 'transfer'], true],
    [
      'accepted in time: no transfer clock',
      { ...base, status: 'accepted', acknowledgedAt: at('2026-11-04T10:00:00') },
      '2026-12-30T10:00:00',
      ['acknowledge'],
      false,
    ],
    [
      'transferred late: overdue but done',
      {
        ...base,
        status: 'transferred',
        transferredAt: at('2026-11-11T10:00:00'),
        acknowledgedAt: at('2026-11-11T10:00:00'),
      },
      '2026-11-12T10:00:00',
      ['acknowledge', 'transfer'],
      false,
    ],
    [
      'closed, the result not yet told past its day',
      {
        ...base,
        status: 'closed',
        acknowledgedAt: at('2026-11-04T10:00:00'),
        resultDueAt: at('2026-12-01T17:30:00'),
      },
      '2026-12-02T10:00:00',
      ['acknowledge', 'result'],
      true,
    ],
  ] as const)('%s', (_, report, now, kinds, overdue) => {
    expect(reportClocks(report, at(now)).map((c) => c.kind)).toEqual(kinds)
    expect(isReportOverdue(report, at(now))).toBe(overdue)
  })

  it('a late transfer says so on its clock', () => {
    const report = { ...base, status: 'transferred', transferredAt: at('2026-11-11T10:00:00') }
    expect(
      reportClocks(report, at('2026-11-12T10:00:00')).find((c) => c.kind === 'transfer')?.isOverdue,
    ).toBe(true)
  })
})
