import { TrieRouter } from 'hono/router/trie-router'
import { describe, expect, it } from 'vitest'
import { RememberedRouter } from './remembered-router'

const ROUTES: [string, string, string][] = [
  ['ALL', '*', 'envelope'],
  ['ALL', '/api/*', 'gate'],
  ['GET', '/api/v1/enterprises/mine', 'mine'],
  ['GET', '/api/v1/enterprises/:id', 'one'],
  ['GET', '/api/v1/enterprises/:id/claims/:claimId', 'claim'],
  ['POST', '/api/v1/enterprises', 'create'],
]

describe('RememberedRouter', () => {
  it.each([
    ['GET', '/api/v1/enterprises/mine'],
    ['GET', '/api/v1/enterprises/42'],
    ['GET', '/api/v1/enterprises/42/claims/7'],
    ['POST', '/api/v1/enterprises'],
    ['DELETE', '/api/v1/enterprises/42'],
    ['GET', '/nowhere'],
  ])('matches %s %s as the trie does, the first time and again', (method, path) => {
    const trie = new TrieRouter<string>()
    const remembered = new RememberedRouter<string>()
    for (const [m, p, h] of ROUTES) {
      trie.add(m, p, h)
      remembered.add(m, p, h)
    }
    const expected = trie.match(method, path)
    expect(remembered.match(method, path)).toEqual(expected)
    expect(remembered.match(method, path)).toEqual(expected)
  })

  it('forgets what it remembered when a route is added after a match', () => {
    const router = new RememberedRouter<string>()
    router.add('GET', '/a/:id', 'param')
    expect(router.match('GET', '/a/b')[0].map(([h]) => h)).toEqual(['param'])
    router.add('GET', '/a/b', 'static')
    expect(
      router
        .match('GET', '/a/b')[0]
        .map(([h]) => h)
        .sort(),
    ).toEqual(['param', 'static'])
  })
})
