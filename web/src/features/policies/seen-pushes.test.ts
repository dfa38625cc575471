import { describe, expect, it } from 'vitest'
import { isNewPush } from './seen-pushes'

const match = (over: { pushedAt: string | null; viewedAt?: string | null }) => ({
  item: { id: 'i1' },
  ...over,
})

describe('new pushes', () => {
  it('marks a pushed match nobody opened', () => {
    expect(isNewPush(match({ pushedAt: '2026-12-01T00:00:00Z' }), new Set())).toBe(true)
    expect(isNewPush(match({ pushedAt: '2026-12-01T00:00:00Z' }), new Set(['i1']))).toBe(false)
    expect(isNewPush(match({ pushedAt: null }), new Set())).toBe(false)
  })

  it('believes the server when it says whether it was viewed', () => {
    expect(isNewPush(match({ pushedAt: '2026-12-01T00:00:00Z', viewedAt: null }), new Set(['i1']))).toBe(true)
    expect(
      isNewPush(match({ pushedAt: '2026-12-01T00:00:00Z', viewedAt: '2026-12-02T00:00:00Z' }), new Set()),
    ).toBe(false)
  })
})
