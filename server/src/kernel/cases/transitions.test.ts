import { describe, expect, it } from 'vitest'
import { defineCaseTable } from './transitions'

// A made-up kind of case, with no rules of any real module: a licence application that is either
// 'simple' (one decision) or 'reviewed' (an expert opinion first).
type S = 'draft' | 'filed' | 'reviewed' | 'on_hold' | 'granted' | 'refused'
type A = 'file' | 'review' | 'hold' | 'release' | 'grant' | 'refuse' | 'comment'
type R = 'applicant' | 'clerk' | 'expert' | 'chief'
type V = 'simple' | 'reviewed'

const table = defineCaseTable<S, A, R, string, V>({
  states: {
    draft: 'open',
    filed: 'open',
    reviewed: 'open',
    on_hold: 'paused',
    granted: 'closed',
    refused: 'closed',
  },
  moves: {
    file: { from: ['draft'], to: 'filed', roles: ['applicant'], refusal: 'NOT_FILEABLE' },
    review: {
      from: { reviewed: ['filed'] },
      to: 'reviewed',
      roles: { reviewed: ['expert'] },
      refusal: 'NOT_REVIEWABLE',
    },
    hold: { from: ['filed', 'reviewed'], to: 'on_hold', roles: ['clerk', 'chief'], refusal: 'NOT_HOLDABLE' },
    release: { from: ['on_hold'], to: 'filed', roles: ['clerk', 'chief'], refusal: 'NOT_HELD' },
    grant: {
      from: { simple: ['filed'], reviewed: ['reviewed'] },
      to: 'granted',
      roles: { simple: ['clerk', 'chief'], reviewed: ['chief'] },
      refusal: 'NOT_DECIDABLE',
    },
    refuse: {
      from: { simple: ['filed'], reviewed: ['reviewed'] },
      to: 'refused',
      roles: { simple: ['clerk', 'chief'], reviewed: ['chief'] },
      refusal: 'NOT_DECIDABLE',
    },
    comment: {
      from: ['filed', 'reviewed', 'on_hold', 'granted', 'refused'],
      to: 'same',
      roles: ['applicant'],
      refusal: 'NOT_COMMENTABLE',
    },
  },
  allowFromClosed: ['comment'],
})

describe('a move', () => {
  it.each([
    ['draft', 'file', undefined, { ok: true, to: 'filed' }],
    ['filed', 'hold', undefined, { ok: true, to: 'on_hold' }],
    ['on_hold', 'release', undefined, { ok: true, to: 'filed' }],
    ['filed', 'grant', 'simple', { ok: true, to: 'granted' }],
    ['filed', 'review', 'reviewed', { ok: true, to: 'reviewed' }],
    ['reviewed', 'refuse', 'reviewed', { ok: true, to: 'refused' }],
    // 'same' keeps the state, also on a closed case that allows it
    ['granted', 'comment', undefined, { ok: true, to: 'granted' }],
    // refused, each with the move's own name
    ['filed', 'file', undefined, { ok: false, code: 'NOT_FILEABLE' }],
    ['filed', 'grant', 'reviewed', { ok: false, code: 'NOT_DECIDABLE' }],
    ['filed', 'review', 'simple', { ok: false, code: 'NOT_REVIEWABLE' }],
    ['on_hold', 'grant', 'simple', { ok: false, code: 'NOT_DECIDABLE' }],
    ['granted', 'release', undefined, { ok: false, code: 'NOT_HELD' }],
    ['draft', 'comment', undefined, { ok: false, code: 'NOT_COMMENTABLE' }],
    // a move listed per variant is refused when no variant is given
    ['filed', 'grant', undefined, { ok: false, code: 'NOT_DECIDABLE' }],
  ] as const)('%s --%s (%s)--> %o', (from, action, variant, expected) => {
    expect(table.move(from, action, variant)).toEqual(expected)
  })
})

describe('who may make a move', () => {
  it.each([
    ['file', ['applicant'], undefined, true],
    ['file', ['clerk'], undefined, false],
    ['grant', ['clerk'], 'simple', true],
    ['grant', ['clerk'], 'reviewed', false], // four eyes: the chief decides after a review
    ['grant', ['clerk', 'chief'], 'reviewed', true],
    ['review', ['expert'], 'simple', false],
    ['review', ['expert'], 'reviewed', true],
    ['hold', [], undefined, false], // nobody: what no role lists, the system alone may do
  ] as const)('%s by %o on a %s case: %s', (action, roles, variant, allowed) => {
    expect(table.mayTake(action, roles, variant)).toBe(allowed)
  })
})

describe('what the table tells', () => {
  it('lists its moves in the order declared, and the states of each category in order', () => {
    expect(table.actions).toEqual(['file', 'review', 'hold', 'release', 'grant', 'refuse', 'comment'])
    expect(table.statesIn('open', 'paused')).toEqual(['draft', 'filed', 'reviewed', 'on_hold'])
    expect(table.statesIn('closed')).toEqual(['granted', 'refused'])
    expect(table.categoryOf('on_hold')).toBe('paused')
  })

  it('gives the states a move starts from, per variant', () => {
    expect(table.fromStates('hold')).toEqual(['filed', 'reviewed'])
    expect(table.fromStates('grant', 'reviewed')).toEqual(['reviewed'])
    expect(table.fromStates('review', 'simple')).toEqual([])
  })
})

describe('a table is checked when it is defined', () => {
  const states = { open: 'open', done: 'closed' } as const
  it.each([
    [
      'a move from an unknown state',
      { go: { from: ['nowhere' as 'open'], to: 'done' as const, roles: [], refusal: 'X' } },
      /unknown state nowhere/,
    ],
    [
      'a move to an unknown state',
      { go: { from: ['open' as const], to: 'elsewhere' as 'done', roles: [], refusal: 'X' } },
      /unknown state elsewhere/,
    ],
    [
      'a move out of a closed state not allowed to start there',
      { go: { from: ['done' as const], to: 'same' as const, roles: [], refusal: 'X' } },
      /starts from closed state done/,
    ],
  ])('refuses %s', (_name, moves, message) => {
    expect(() => defineCaseTable({ states, moves })).toThrow(message)
  })

  it('refuses a move that would reopen a closed case, even when allowed to start there', () => {
    expect(() =>
      defineCaseTable({
        states,
        moves: { reopen: { from: ['done'], to: 'open', roles: [], refusal: 'X' } },
        allowFromClosed: ['reopen'],
      }),
    ).toThrow(/reopen a closed case/)
  })
})
