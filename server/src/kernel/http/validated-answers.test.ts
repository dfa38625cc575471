import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ValidatedAnswerCache } from './validated-answers'

describe('ValidatedAnswerCache', () => {
  it('gives a kept answer back only for the fingerprint it was built from, within its time', () => {
    const cache = new ValidatedAnswerCache(1024 * 1024)
    const stored = cache.store('k', { n: 1 }, 'fp1', 1_000, 5_000)
    expect(stored.json.toString()).toBe('{"n":1}')
    const cases = [
      { fingerprint: 'fp1', now: 1_000, kept: true },
      { fingerprint: 'fp1', now: 4_999, kept: true },
      { fingerprint: 'fp1', now: 5_000, kept: false }, // a deadline it shows has come
      { fingerprint: 'fp1', now: 999, kept: false }, // the clock was set back before it was built
      { fingerprint: 'fp2', now: 2_000, kept: false }, // the rows changed
    ]
    for (const c of cases) {
      const again = new ValidatedAnswerCache(1024 * 1024)
      again.store('k', { n: 1 }, 'fp1', 1_000, 5_000)
      expect(again.current('k', c.fingerprint, c.now) !== undefined, JSON.stringify(c)).toBe(c.kept)
    }
    // A mismatch forgets it: the next request builds.
    expect(cache.current('k', 'fp2', 2_000)).toBeUndefined()
    expect(cache.peek('k')).toBeUndefined()
  })

  it('keeps nothing without a fingerprint or when turned off, and still serialises the answer', () => {
    const off = new ValidatedAnswerCache(0)
    expect(off.store('k', [1], 'fp', 0).json.toString()).toBe('[1]')
    expect(off.size).toBe(0)
    const on = new ValidatedAnswerCache(1024)
    expect(on.store('k', [1], null, 0).key).toBeNull()
    expect(on.size).toBe(0)
  })

  it('compresses once per encoding and counts it; drops the oldest answers beyond its bytes', () => {
    const cache = new ValidatedAnswerCache(600)
    const body = { text: 'x'.repeat(200) }
    const a = cache.store('a', body, 'fp', 0)
    const br = cache.encoded(a, 'br')
    expect(cache.encoded(a, 'br')).toBe(br)
    expect(JSON.parse(zlib.brotliDecompressSync(br).toString())).toEqual(body)
    expect(JSON.parse(zlib.gunzipSync(cache.encoded(a, 'gzip')).toString())).toEqual(body)
    expect(cache.bytes).toBe(a.json.length + br.length + a.encoded.gzip!.length)
    cache.store('b', body, 'fp', 0)
    cache.store('c', body, 'fp', 0)
    expect(cache.peek('a')).toBeUndefined()
    expect(cache.peek('c')).toBeDefined()
    expect(cache.bytes).toBeLessThanOrEqual(600)
  })

  it('names the content in its ETag', () => {
    const cache = new ValidatedAnswerCache(1024)
    expect(cache.store('a', { n: 1 }, 'fp', 0).etag).toBe(cache.store('b', { n: 1 }, 'other', 0).etag)
    expect(cache.store('a', { n: 1 }, 'fp', 0).etag).not.toBe(cache.store('a', { n: 2 }, 'fp', 0).etag)
  })
})
