import { describe, expect, it } from 'vitest'
import type { LeniencyCondition } from './inspection-results.tables'
import { decideLeniency, lookbackStart, type LeniencyVerdict, type ProblemFacts } from './leniency-decision'

/** The leniency decision as a table: an entry's conditions and the facts → applies, or not and why. */
const FIRST: LeniencyCondition[] = [
  { key: 'first_offence', text: '两年内无同类违法记录' },
  { key: 'minor_harm', text: '危害后果轻微' },
  { key: 'corrected_in_time', text: '在责令改正期限内改正' },
]
const MINOR: LeniencyCondition[] = [
  { key: 'minor_harm', text: '违法行为轻微' },
  { key: 'no_harm', text: '没有造成危害后果' },
  { key: 'corrected_in_time', text: '及时改正' },
]
const ALL_FIRST = ['first_offence', 'minor_harm', 'corrected_in_time']
const ALL_MINOR = ['minor_harm', 'no_harm', 'corrected_in_time']
const facts = (over: Partial<ProblemFacts>): ProblemFacts => ({
  confirmed: [],
  hasEarlierOffence: false,
  decidedOn: '2026-03-10',
  ...over,
})

const cases: [string, LeniencyCondition[], string, ProblemFacts, LeniencyVerdict][] = [
  ['first offence, all confirmed', FIRST, '2025-01-27', facts({ confirmed: ALL_FIRST }), { applies: true }],
  [
    'first offence, an earlier offence on record',
    FIRST,
    '2025-01-27',
    facts({ confirmed: ALL_FIRST, hasEarlierOffence: true }),
    { applies: false, failures: [{ why: 'earlier_offence' }] },
  ],
  [
    'first offence, correction not confirmed',
    FIRST,
    '2025-01-27',
    facts({ confirmed: ['first_offence', 'minor_harm'] }),
    { applies: false, failures: [{ why: 'not_confirmed', condition: 'corrected_in_time' }] },
  ],
  [
    'first offence, nothing confirmed',
    FIRST,
    '2025-01-27',
    facts({}),
    {
      applies: false,
      failures: [
        { why: 'not_confirmed', condition: 'first_offence' },
        { why: 'not_confirmed', condition: 'minor_harm' },
        { why: 'not_confirmed', condition: 'corrected_in_time' },
      ],
    },
  ],
  ['minor offence, all confirmed', MINOR, '2025-01-27', facts({ confirmed: ALL_MINOR }), { applies: true }],
  [
    'minor offence ignores an earlier offence (it has no first-offence condition)',
    MINOR,
    '2025-01-27',
    facts({ confirmed: ALL_MINOR, hasEarlierOffence: true }),
    { applies: true },
  ],
  [
    'minor offence, a first-offence confirmation it does not ask for',
    MINOR,
    '2025-01-27',
    facts({ confirmed: [...ALL_MINOR, 'first_offence'] }),
    { applies: false, failures: [{ why: 'unknown_condition', condition: 'first_offence' }] },
  ],
  [
    'an entry not yet in force on the day of the result',
    MINOR,
    '2026-03-11',
    facts({ confirmed: ALL_MINOR }),
    { applies: false, failures: [{ why: 'not_in_force' }] },
  ],
  [
    'an entry in force from that very day',
    MINOR,
    '2026-03-10',
    facts({ confirmed: ALL_MINOR }),
    { applies: true },
  ],
]

describe('decideLeniency', () => {
  it.each(cases)('%s', (_name, conditions, effectiveOn, problem, expected) => {
    expect(decideLeniency({ list: 'first_offence', conditions, effectiveOn }, problem)).toEqual(expected)
  })
})

describe('lookbackStart', () => {
  it.each([
    ['2026-03-10T02:00:00.000Z', 24, '2024-03-10T02:00:00.000Z'],
    ['2026-03-10T02:00:00.000Z', 12, '2025-03-10T02:00:00.000Z'],
    ['2026-01-31T02:00:00.000Z', 1, '2025-12-31T02:00:00.000Z'],
  ])('%s back %i months is %s', (at, months, expected) => {
    expect(lookbackStart(new Date(at), months).toISOString()).toBe(expected)
  })
})
