import { describe, expect, it } from 'vitest'
import type { ResolvedSession } from './sessions'
import { SessionCache } from './session-cache'

const session = (userId: string, sessionId: string): ResolvedSession => ({
  csrfToken: 'c',
  isDemo: false,
  actor: {
    kind: 'user',
    userId,
    userKind: 'enterprise',
    label: '139****0001',
    departmentId: null,
    roles: [],
    sessionId,
    mustChangePassword: false,
    consentPending: false,
  },
})
const far = new Date(10_000_000)

describe('SessionCache', () => {
  it.each([
    { at: 0, hit: true },
    { at: 999, hit: true },
    { at: 1000, hit: false }, // the bound
    { at: -1, hit: false }, // a clock set back does not stretch the bound
  ])('an entry kept at 0 with a 1000 ms bound, read at $at: hit $hit', ({ at, hit }) => {
    const cache = new SessionCache(1000)
    cache.set('h', session('u', 's'), far, cache.generation, 0)
    expect(cache.get('h', at) !== undefined).toBe(hit)
  })

  it('never outlives the session itself', () => {
    const cache = new SessionCache(1000)
    cache.set('h', session('u', 's'), new Date(500), cache.generation, 0)
    expect(cache.get('h', 499)).toBeDefined()
    expect(cache.get('h', 500)).toBeUndefined()
  })

  it('forgets by session, by user and everything', () => {
    const cache = new SessionCache(1000)
    cache.set('a', session('u1', 's1'), far, cache.generation, 0)
    cache.set('b', session('u1', 's2'), far, cache.generation, 0)
    cache.set('c', session('u2', 's3'), far, cache.generation, 0)
    cache.forgetSession('s1')
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)].map(Boolean)).toEqual([
      false,
      true,
      true,
    ])
    cache.forgetUser('u1')
    expect([cache.get('b', 1), cache.get('c', 1)].map(Boolean)).toEqual([false, true])
    cache.forgetAll()
    expect(cache.get('c', 1)).toBeUndefined()
  })

  it('drops a fill whose database lookup began before a forget (a read racing a sign-out)', () => {
    const cache = new SessionCache(1000)
    const before = cache.generation
    cache.forgetSession('s')
    cache.set('h', session('u', 's'), far, before, 0)
    expect(cache.get('h', 1)).toBeUndefined()
  })

  it('holds at most maxEntries, dropping the oldest; 0 ms keeps nothing', () => {
    const cache = new SessionCache(1000, 2)
    for (const k of ['a', 'b', 'c']) cache.set(k, session(k, k), far, cache.generation, 0)
    expect(['a', 'b', 'c'].map((k) => Boolean(cache.get(k, 1)))).toEqual([false, true, true])
    const off = new SessionCache(0)
    off.set('h', session('u', 's'), far, off.generation, 0)
    expect(off.get('h', 0)).toBeUndefined()
  })
})
