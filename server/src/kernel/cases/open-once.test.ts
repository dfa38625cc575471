import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { AppError } from '../errors'
import { assertSameRequest } from '../idempotency'
import { openOnce } from './open-once'

/** Opening once per key on a real database, with a scratch table of made-up cases keyed like filings. */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await sql`CREATE TABLE kit_opened (id serial PRIMARY KEY, key text UNIQUE NOT NULL, fingerprint text NOT NULL)`.execute(
    t.deps.db,
  )
})
afterAll(() => t.close())

function open(key: string, fingerprint: string, options: { delay?: boolean } = {}) {
  return openOnce(t.deps.db, {
    replay: async () => {
      const { rows } = await sql<{ id: number; fingerprint: string }>`
        SELECT id, fingerprint FROM kit_opened WHERE key = ${key}`.execute(t.deps.db)
      if (!rows[0]) return undefined
      assertSameRequest(rows[0].fingerprint, fingerprint)
      return rows[0].id
    },
    open: async (tx) => {
      if (options.delay) await sql`SELECT pg_sleep(0.05)`.execute(tx)
      const { rows } = await sql<{ id: number }>`
        INSERT INTO kit_opened (key, fingerprint) VALUES (${key}, ${fingerprint}) RETURNING id`.execute(tx)
      return rows[0]!.id
    },
  })
}

describe('opening a case once per key', () => {
  it('a retry of the same request answers the first case', async () => {
    const first = await open('k1', 'a')
    expect(first.replayed).toBe(false)
    expect(await open('k1', 'a')).toEqual({ opened: first.opened, replayed: true })
  })

  it('the key with another request is refused', async () => {
    await open('k2', 'a')
    await expect(open('k2', 'b')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' })
  })

  it('two submits with one key open one case; the loser answers the winner’s', async () => {
    const results = await Promise.all([open('k3', 'a', { delay: true }), open('k3', 'a', { delay: true })])
    expect(new Set(results.map((r) => r.opened)).size).toBe(1)
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true])
  })

  it('a lost race with no winner of this key answers what the module says', async () => {
    const refused = openOnce(t.deps.db, {
      replay: async () => undefined,
      open: async () => {
        throw new AppError('CONFLICT')
      },
      isLostRace: (error) => error instanceof AppError && error.code === 'CONFLICT',
      noWinner: () => new AppError('VERSION_CONFLICT'),
    })
    await expect(refused).rejects.toMatchObject({ code: 'VERSION_CONFLICT' })
  })
})
