import { describe, expect, it } from 'vitest'
import type { CapExemption, InspectionKind } from '../inspections'
import {
  capYearOf,
  DEFAULT_CAP_SETTINGS,
  findCapBreach,
  highFrequencyReasons,
  isCapExempt,
  quarterRange,
  tierOf,
  yearRange,
  type CapCounts,
} from './cap-arithmetic'
import type { CapTier } from './inspection-caps.schema'

const ITEM = '11111111-1111-4111-8111-111111111111'
const settings = { ...DEFAULT_CAP_SETTINGS, itemCaps: [{ itemId: ITEM, perYear: 1 }] }
const counts = (c: Partial<CapCounts> = {}): CapCounts => ({
  body: 0,
  total: 0,
  items: new Map(),
  serviceVisits: 0,
  ...c,
})

describe('which inspections are exempt from the caps', () => {
  it.each<[InspectionKind, CapExemption | null, boolean]>([
    ['routine', null, false],
    ['random', null, false],
    ['recheck', null, true], // a re-check is exempt by its kind
    ['routine', 'complaint', true],
    ['case', 'assigned', true],
    ['special', 'recheck', true],
    ['routine', 'own_request', true],
    ['special', 'emergency', true],
    ['routine', 'bureau_granted', false], // counted: it used up one granted exemption instead
    ['service_visit', null, false],
    ['service_visit', 'own_request', true],
  ])('%s with exemption %s → exempt %s', (kind, exemption, exempt) => {
    expect(isCapExempt(kind, exemption)).toBe(exempt)
  })
})

describe('the tier a fact gives', () => {
  it.each<[string | null | undefined, CapTier]>([
    ['A', 'A'],
    ['D', 'D'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    ['E', 'unknown'],
    ['a', 'unknown'],
  ])('%s → %s', (value, tier) => expect(tierOf(value)).toBe(tier))
})

describe('the first cap one more inspection would break', () => {
  it.each<[string, CapTier, InspectionKind, string[], Partial<CapCounts>, ReturnType<typeof findCapBreach>]>([
    ['A: the first by a body passes', 'A', 'routine', [], {}, null],
    [
      'A: a second by the same body breaks ≤ 1',
      'A',
      'routine',
      [],
      { body: 1, total: 1 },
      { cap: 'per_body', count: 1, limit: 1 },
    ],
    [
      'A: a third in all breaks ≤ 2',
      'A',
      'routine',
      [],
      { body: 0, total: 2 },
      { cap: 'total', count: 2, limit: 2 },
    ],
    ['B: a second by a body passes (咸宁 ≤ 2)', 'B', 'routine', [], { body: 1, total: 1 }, null],
    [
      'B: a third by a body breaks ≤ 2',
      'B',
      'routine',
      [],
      { body: 2, total: 2 },
      { cap: 'per_body', count: 2, limit: 2 },
    ],
    [
      'B: a fifth in all breaks ≤ 4',
      'B',
      'routine',
      [],
      { body: 1, total: 4 },
      { cap: 'total', count: 4, limit: 4 },
    ],
    ['C: a third by a body passes', 'C', 'routine', [], { body: 2, total: 5 }, null],
    ['D: a sixth by a body passes', 'D', 'routine', [], { body: 5, total: 11 }, null],
    [
      'D: a thirteenth in all breaks ≤ 12',
      'D',
      'routine',
      [],
      { body: 0, total: 12 },
      { cap: 'total', count: 12, limit: 12 },
    ],
    [
      'unknown is capped as B',
      'unknown',
      'routine',
      [],
      { body: 2, total: 2 },
      { cap: 'per_body', count: 2, limit: 2 },
    ],
    [
      'an item cap breaks before the tier’s',
      'D',
      'routine',
      [ITEM],
      { items: new Map([[ITEM, 1]]) },
      { cap: 'item', count: 1, limit: 1, itemId: ITEM },
    ],
    ['an item cap only for its item', 'D', 'routine', [], { items: new Map([[ITEM, 1]]) }, null],
    [
      'a third service visit in a quarter breaks ≤ 2',
      'A',
      'service_visit',
      [],
      { serviceVisits: 2, body: 9, total: 9 },
      { cap: 'service_visit', count: 2, limit: 2 },
    ],
    [
      'a service visit ignores the inspection caps',
      'A',
      'service_visit',
      [],
      { serviceVisits: 1, body: 9, total: 9 },
      null,
    ],
  ])('%s', (_name, tier, kind, itemIds, c, expected) => {
    expect(findCapBreach({ settings, tier, kind, itemIds, counts: counts(c) })).toEqual(expected)
  })
})

describe('the cap year and quarter, in the city’s time', () => {
  it.each<[string, string, number]>([
    ['31 Dec 23:30 in Beijing is still that year', '2026-12-31T15:30:00Z', 2026],
    ['1 Jan 00:30 in Beijing is the new year (still 31 Dec in UTC)', '2026-12-31T16:30:00Z', 2027],
    ['midday', '2026-06-15T04:00:00Z', 2026],
  ])('%s', (_name, instant, year) => {
    expect(capYearOf(new Date(instant), 'Asia/Shanghai')).toBe(year)
  })

  it.each<[string, { from: string; to: string }]>([
    ['2026-12-31', { from: '2026-01-01', to: '2027-01-01' }],
    ['2026-01-01', { from: '2026-01-01', to: '2027-01-01' }],
  ])('the year of %s', (day, range) => expect(yearRange(day)).toEqual(range))

  it.each<[string, { from: string; to: string }]>([
    ['2026-01-01', { from: '2026-01-01', to: '2026-04-01' }],
    ['2026-03-31', { from: '2026-01-01', to: '2026-04-01' }],
    ['2026-05-20', { from: '2026-04-01', to: '2026-07-01' }],
    ['2026-12-31', { from: '2026-10-01', to: '2027-01-01' }],
  ])('the quarter of %s', (day, range) => expect(quarterRange(day)).toEqual(range))
})

describe('high frequency flagged to the bureau', () => {
  it.each<[string, CapTier, number, number, number, string[]]>([
    ['nothing yet', 'B', 0, 0, 0, []],
    ['B at 3 of 4 is under 80 %', 'B', 3, 3, 2, []],
    ['B at 4 of 4 reaches 80 %', 'B', 4, 4, 2, ['near_total_cap']],
    ['A at 2 of 2', 'A', 2, 2, 1, ['near_total_cap']],
    ['over the total with a granted exemption', 'A', 3, 3, 2, ['over_total_cap', 'over_body_cap']],
    ['exempt inspections reach the flag count', 'D', 2, 6, 1, ['count']],
    ['unknown is judged as B', 'unknown', 4, 4, 2, ['near_total_cap']],
  ])('%s', (_name, tier, counted, all, busiest, reasons) => {
    expect(
      highFrequencyReasons({ settings: DEFAULT_CAP_SETTINGS, tier, counted, all, busiestBodyCount: busiest }),
    ).toEqual(reasons)
  })
})
