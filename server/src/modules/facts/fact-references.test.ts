import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * The references of the fact history are checked once per statement (migration 0029, decision 0033)
 * instead of by row-level foreign keys: what those keys refused is still refused, with the same
 * error class, and a fact is never deleted or rewritten.
 */
let t: TestApp
let enterprise: { id: string }
beforeAll(async () => {
  t = await createTestApp()
  enterprise = await buildEnterprise(t)
})
afterAll(() => t.close())

const missingId = '00000000-0000-4000-8000-000000000000'

async function sqlState(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

function insertFact(values: { enterpriseId: string; key: string; importId?: string; recordedBy?: string }) {
  return sql`INSERT INTO enterprise_facts (enterprise_id, fact_key, value, source, is_verified, import_id, recorded_by)
             VALUES (${values.enterpriseId}, ${values.key}, '1', 'declared', false,
                     ${values.importId ?? null}, ${values.recordedBy ?? null})`.execute(t.deps.db)
}

describe('the fact history refers only to what exists', () => {
  it.each([
    ['an enterprise', { enterpriseId: missingId, key: 'employees' }],
    ['a fact definition', { enterpriseId: '', key: 'noSuchFact' }],
    ['an import', { enterpriseId: '', key: 'employees', importId: missingId }],
    ['a user', { enterpriseId: '', key: 'employees', recordedBy: missingId }],
  ])('a fact naming %s that does not exist is refused as a foreign key violation', async (_, values) => {
    const code = await sqlState(() =>
      insertFact({ ...values, enterpriseId: values.enterpriseId || enterprise.id }),
    )
    expect(code).toBe('23503')
  })

  it('a current value naming a fact that does not exist is refused', async () => {
    const code = await sqlState(() =>
      sql`INSERT INTO enterprise_fact_values (enterprise_id, fact_key, value_num, period, source, is_verified, fact_id, change_seq)
          VALUES (${enterprise.id}, 'rdExpense', 1, '', 'declared', false, 999999999, 0)`.execute(t.deps.db),
    )
    expect(code).toBe('23503')
  })

  it('a fact is kept: not deleted, not rewritten, only superseded; what it names cannot be deleted', async () => {
    await insertFact({ enterpriseId: enterprise.id, key: 'layoffRate' })
    const where = sql`enterprise_id = ${enterprise.id} AND fact_key = 'layoffRate'`
    expect(await sqlState(() => sql`DELETE FROM enterprise_facts WHERE ${where}`.execute(t.deps.db))).toBe(
      '23001',
    )
    expect(
      await sqlState(() => sql`UPDATE enterprise_facts SET value = '2' WHERE ${where}`.execute(t.deps.db)),
    ).toBe('23001')
    expect(
      await sqlState(() =>
        sql`UPDATE enterprise_facts SET superseded_at = now() WHERE ${where}`.execute(t.deps.db),
      ),
    ).toBeUndefined()
    expect(
      await sqlState(() => sql`DELETE FROM enterprises WHERE id = ${enterprise.id}`.execute(t.deps.db)),
    ).toBe('23503')
    expect(
      await sqlState(() => sql`DELETE FROM fact_definitions WHERE key = 'layoffRate'`.execute(t.deps.db)),
    ).toBe('23503')
  })

  it('an enterprise without facts can still be deleted', async () => {
    const other = await buildEnterprise(t)
    expect(
      await sqlState(() => sql`DELETE FROM enterprises WHERE id = ${other.id}`.execute(t.deps.db)),
    ).toBeUndefined()
  })
})
