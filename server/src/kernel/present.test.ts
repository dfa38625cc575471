import { describe, expect, expectTypeOf, it } from 'vitest'
import { definePresenter } from './present'

const presentVisit = definePresenter({
  id: 'id',
  status: 'status',
  visitedAt: 'visited_at',
  note: 'note',
})

const row = {
  id: 'v1',
  status: 'done' as 'pending' | 'done',
  visited_at: new Date('2026-03-02T01:00:00Z') as Date | null,
  note: null as string | null,
  visited_by: 'u-secret',
}

describe('a presenter answers only the listed fields', () => {
  it.each([
    ['names each field after the answer, read from its column', row, { id: 'v1', status: 'done' }],
    ['an instant becomes its ISO string', row, { visitedAt: '2026-03-02T01:00:00.000Z' }],
    ['null stays null', { ...row, visited_at: null }, { visitedAt: null, note: null }],
    ['other values are copied as they are', { ...row, note: '已回访' }, { note: '已回访' }],
  ])('%s', (_, input, expected) => {
    expect(presentVisit(input)).toMatchObject(expected)
  })

  it('a column not on the list never leaves', () => {
    const answer = presentVisit(row)
    expect(Object.keys(answer).sort()).toEqual(['id', 'note', 'status', 'visitedAt'])
    expect(JSON.stringify(answer)).not.toContain('u-secret')
  })

  it('a row of just the listed columns is enough', () => {
    const partial = { id: 'v2', status: 'pending', visited_at: null, note: null }
    expect(presentVisit(partial)).toEqual({ id: 'v2', status: 'pending', visitedAt: null, note: null })
  })

  it('types the answer from the list and the row', () => {
    const answer = presentVisit(row)
    expectTypeOf(answer).toEqualTypeOf<{
      id: string
      status: 'pending' | 'done'
      visitedAt: string | null
      note: string | null
    }>()
    // @ts-expect-error the row lacks a listed column
    presentVisit({ id: 'v3', status: 'done', note: null })
  })
})
