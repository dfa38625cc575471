import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/harness'
import { sql } from 'kysely'
import { readableNumberSql } from './db/counters.queries'
import { formatSerial, nextReadableNumber } from './readable-numbers'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

// A year no other test files in: its sequences are made here.
const in2031 = new Date('2031-06-01T04:00:00Z')
const next = (counter: 'appeal_counters' | 'benefit_claim_counters', now: Date, kind?: string) =>
  t.deps.db.transaction().execute((tx) => nextReadableNumber(t.deps, tx, counter, now, kind))

describe('readable numbers from a sequence per kind and year', () => {
  it('continue after the serials the counter table gave out that year, in the same format', async () => {
    await t.deps.db.insertInto('appeal_counters').values({ year: 2031, last: 41 }).execute()
    expect(await next('appeal_counters', in2031)).toBe('DL-2031-000042')
    expect(await next('appeal_counters', in2031)).toBe('DL-2031-000043')
    // Another kind of case counts on its own.
    expect(await next('benefit_claim_counters', in2031, 'ZC')).toBe('DL-ZC-2031-000001')
  })

  it('the year is the city’s: 31 December 16:00 UTC is already the next year in Dalian', async () => {
    expect(await next('appeal_counters', new Date('2032-12-31T16:00:00Z'))).toBe('DL-2033-000001')
  })

  it('concurrent filings get distinct numbers; a rolled-back filing leaves a gap', async () => {
    const numbers = await Promise.all(Array.from({ length: 8 }, () => next('appeal_counters', in2031)))
    expect(new Set(numbers).size).toBe(8)
    const last = Math.max(...numbers.map((n) => Number(n.slice(-6))))
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await nextReadableNumber(t.deps, tx, 'appeal_counters', in2031)
        throw new Error('the filing failed')
      }),
    ).rejects.toThrow('the filing failed')
    expect(await next('appeal_counters', in2031)).toBe(`DL-2031-${String(last + 2).padStart(6, '0')}`)
  })

  it('a year whose sequence was made in a transaction that rolled back is made again', async () => {
    const in2040 = new Date('2040-03-01T04:00:00Z')
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await nextReadableNumber(t.deps, tx, 'appeal_counters', in2040)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await next('appeal_counters', in2040)).toBe('DL-2040-000001')
  })

  it('a statement that numbers its own row writes the number as nextReadableNumber does, never cut', async () => {
    const source = { prefix: 'DL-2031-', sequence: 'unused' }
    const { rows } = await sql<{ n: string }>`
      SELECT ${readableNumberSql(source.prefix, sql<string>`v.s`)} AS n
      FROM (VALUES ('1'), ('42'), ('999999'), ('1000000'), ('12345678')) v(s)`.execute(t.deps.db)
    expect(rows.map((r) => r.n)).toEqual(
      [1, 42, 999_999, 1_000_000, 12_345_678].map((serial) => formatSerial(source, serial)),
    )
    expect(rows.map((r) => r.n)).toEqual([
      'DL-2031-000001',
      'DL-2031-000042',
      'DL-2031-999999',
      'DL-2031-1000000',
      'DL-2031-12345678',
    ])
  })
})
