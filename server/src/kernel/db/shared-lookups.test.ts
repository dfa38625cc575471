import { describe, expect, it } from 'vitest'
import { SharedLookups } from './shared-lookups'

/** A lookup whose queries the test finishes by hand, recording what each was asked. */
function manual() {
  const queries: {
    keys: string[]
    finish: (values: Map<string, number>) => void
    fail: (e: unknown) => void
  }[] = []
  const lookups = new SharedLookups<number>(
    (keys) => new Promise((resolve, reject) => queries.push({ keys, finish: resolve, fail: reject })),
  )
  return { lookups, queries }
}

describe('SharedLookups', () => {
  it('asks once for the first key, then once for every key asked while that query ran', async () => {
    const { lookups, queries } = manual()
    const first = lookups.get('a')
    const second = lookups.get('b')
    const third = lookups.get('b')
    const fourth = lookups.get('a') // asked after the first query began: it waits for the next
    expect(queries.map((q) => q.keys)).toEqual([['a']])
    queries[0]!.finish(new Map([['a', 1]]))
    expect(await first).toBe(1)
    await Promise.resolve()
    expect(queries.map((q) => q.keys)).toEqual([['a'], ['b', 'a']])
    queries[1]!.finish(
      new Map([
        ['a', 2],
        ['b', 3],
      ]),
    )
    expect([await second, await third, await fourth]).toEqual([3, 3, 2])
  })

  it('fails the waiters of a failed query, and the next query runs for those who came after', async () => {
    const { lookups, queries } = manual()
    const failed = lookups.get('a')
    const later = lookups.get('b')
    queries[0]!.fail(new Error('connection lost'))
    await expect(failed).rejects.toThrow('connection lost')
    await Promise.resolve()
    queries[1]!.finish(new Map())
    await expect(later).rejects.toThrow('no value looked up for b')
    const again = lookups.get('c')
    queries[2]!.finish(new Map([['c', 7]]))
    expect(await again).toBe(7)
  })
})
