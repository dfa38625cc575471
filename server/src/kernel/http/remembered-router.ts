import type { Result, Router } from 'hono/router'
import { TrieRouter } from 'hono/router/trie-router'
import { boundedMemo } from '../bounded-memo'

/** Distinct method-and-path pairs whose match is remembered: the lists and pages a city asks for most. */
const REMEMBERED_PATHS = 2048

/**
 * Hono's trie router with the match of each recent path remembered. Our routes cannot use Hono's
 * precompiled RegExpRouter (a static segment beside a parameter, `/enterprises/mine` and
 * `/enterprises/:id`, is more than it takes), so every request walked the trie of some 1,600 routes
 * and middlewares again — a few per cent of a small read (decision 0069). A match is a pure function
 * of the method, the path and the routes, and Hono only reads it; once the memo holds
 * REMEMBERED_PATHS pairs it starts over, so a client sending a new path each time costs one walk.
 */
export class RememberedRouter<T> implements Router<T> {
  readonly name = 'RememberedRouter + TrieRouter'
  readonly #trie = new TrieRouter<T>()
  #match = this.#remember()

  add(method: string, path: string, handler: T): void {
    this.#trie.add(method, path, handler)
    this.#match = this.#remember() // a route added after a match: what was remembered may be wrong
  }

  match(method: string, path: string): Result<T> {
    return this.#match(`${method} ${path}`)
  }

  #remember() {
    return boundedMemo((key: string): Result<T> => {
      const space = key.indexOf(' ')
      return this.#trie.match(key.slice(0, space), key.slice(space + 1))
    }, REMEMBERED_PATHS)
  }
}
