import { describe, expect, it } from 'vitest'
import { groupJointCandidates, isWithinWindow, meetingDay } from './joint-proposals'

const row = (
  id: string,
  enterpriseId: string,
  departmentId: string,
  plannedOn: string,
  windowEndsOn = plannedOn,
) => ({
  id,
  enterpriseId,
  departmentId,
  plannedOn,
  windowEndsOn,
})

describe('joint visits proposed (综合查一次)', () => {
  it.each([
    {
      name: 'two bodies within the window: one group, meeting on the later start',
      rows: [row('1', 'e', 'A', '2026-05-01', '2026-05-20'), row('2', 'e', 'B', '2026-05-10', '2026-05-30')],
      groups: [{ ids: ['1', '2'], suggestedOn: '2026-05-10' }],
    },
    {
      name: 'one body twice is not a joint visit',
      rows: [row('1', 'e', 'A', '2026-05-01'), row('2', 'e', 'A', '2026-05-03')],
      groups: [],
    },
    {
      name: 'further apart than the window: none',
      rows: [row('1', 'e', 'A', '2026-05-01'), row('2', 'e', 'B', '2026-05-17')],
      groups: [],
    },
    {
      name: 'exactly the window apart: one group, but no day in both windows',
      rows: [row('1', 'e', 'A', '2026-05-01'), row('2', 'e', 'B', '2026-05-16')],
      groups: [{ ids: ['1', '2'], suggestedOn: null }],
    },
    {
      name: 'different enterprises never merge',
      rows: [row('1', 'e', 'A', '2026-05-01'), row('2', 'f', 'B', '2026-05-02')],
      groups: [],
    },
    {
      name: 'a group closes and a new one starts',
      rows: [
        row('1', 'e', 'A', '2026-01-01', '2026-01-31'),
        row('2', 'e', 'B', '2026-01-05', '2026-01-31'),
        row('3', 'e', 'C', '2026-03-01', '2026-03-31'),
        row('4', 'e', 'A', '2026-03-02', '2026-03-31'),
      ],
      groups: [
        { ids: ['1', '2'], suggestedOn: '2026-01-05' },
        { ids: ['3', '4'], suggestedOn: '2026-03-02' },
      ],
    },
  ])('$name', ({ rows, groups }) => {
    const result = groupJointCandidates(rows, 15)
    expect(result.map((g) => ({ ids: g.inspections.map((i) => i.id), suggestedOn: g.suggestedOn }))).toEqual(
      groups,
    )
  })

  it('a day is within a window including both ends', () => {
    const w = { plannedOn: '2026-05-01', windowEndsOn: '2026-05-10' }
    expect([
      isWithinWindow('2026-05-01', w),
      isWithinWindow('2026-05-10', w),
      isWithinWindow('2026-05-11', w),
    ]).toEqual([true, true, false])
    expect(
      meetingDay([row('1', 'e', 'A', '2026-05-01', '2026-05-02'), row('2', 'e', 'B', '2026-05-03')]),
    ).toBeNull()
  })
})
