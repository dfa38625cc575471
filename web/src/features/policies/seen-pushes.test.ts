import { describe, expect, it } from 'vitest'
import { isNewPush } from './seen-pushes'

describe('new pushes', () => {
  it('marks a pushed match until the server says it was viewed', () => {
    expect(isNewPush({ pushedAt: '2026-12-01T00:00:00Z', viewedAt: null })).toBe(true)
    expect(isNewPush({ pushedAt: '2026-12-01T00:00:00Z', viewedAt: '2026-12-02T00:00:00Z' })).toBe(false)
  })

  it('never marks a match that was not pushed', () => {
    expect(isNewPush({ pushedAt: null, viewedAt: null })).toBe(false)
  })
})
