import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { freezeByCopy, freezeFromRows } from './draw-freeze'
import { buildInspector, declareConflict, setCreditTier } from './random-draws.factories'
import * as q from './random-draws.queries'

/**
 * The freeze's two ways of making the list on a real database: streamed with COPY (PostgreSQL) and
 * from the query's rows (both databases). Where COPY is used its text is the rows' text byte for byte;
 * a credit code it cannot write as is makes it step aside (null) for the rows' way.
 */

// a Monday in Dalian: the inspectors are certified on the day of the freeze
const NOW = new Date('2026-03-02T01:30:00Z')

let t: TestApp
let body: string
let inspectors: string[]
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  body = (await t.deps.db.selectFrom('departments').select('id').orderBy('code').executeTakeFirstOrThrow()).id
  inspectors = [await buildInspector(t, body), await buildInspector(t, body), await buildInspector(t, body)]
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

const DRAW = {
  id: 'd0000000-0000-4000-8000-000000000001',
  ratios: { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 },
  inspectors_per_target: 2,
}

let division = 210280
/** Enterprises of a division of their own, one per credit code, with these tiers (null: not rated). */
async function districtOf(rows: { uscc: string; tier: string | null }[]) {
  const code = String(++division)
  const ids: string[] = []
  for (const row of rows) {
    const e = await buildEnterprise(t, { division_code: code, uscc: row.uscc })
    if (row.tier) await setCreditTier(t, e.id, row.tier)
    ids.push(e.id)
  }
  return { filter: { divisionCode: code, industryCode: null }, ids }
}

async function bothWays(filter: { divisionCode: string; industryCode: null }) {
  return t.deps.db.transaction().execute(async (tx) => {
    const drawable = await q.findDrawableInspectors(tx, body, '2026-03-02')
    const conflicts = await q.findConflicts(tx, drawable)
    const copied = await freezeByCopy(t.deps, tx, DRAW, filter, drawable, conflicts)
    const rows = freezeFromRows(DRAW, await q.findDrawableEnterprises(tx, filter), drawable, conflicts)
    return { copied, rows }
  })
}

const serial = (n: number) => `91210200MA${String(n).padStart(8, '0')}`

describe('the frozen list, by COPY and from rows', () => {
  it('writes the same text, hash and facts, every tier and conflict included', async () => {
    const { filter, ids } = await districtOf([
      { uscc: serial(1), tier: 'A' },
      { uscc: serial(2), tier: 'D' },
      { uscc: serial(3), tier: null },
      { uscc: serial(4), tier: 'E' },
      { uscc: 'ABC123', tier: 'B' },
      { uscc: ' 91210200MA0000005', tier: 'C' },
    ])
    const elsewhere = await districtOf([{ uscc: serial(6), tier: 'A' }])
    await declareConflict(t, inspectors[0]!, ids[1]!)
    await declareConflict(t, inspectors[1]!, elsewhere.ids[0]!)
    const { copied, rows } = await bothWays(filter)
    expect(rows.facts).toMatchObject({ enterpriseCount: 6, conflicts: [[inspectors[0], ids[1]]] })
    expect(
      JSON.parse(rows.text)
        .enterprises.map((e: string[]) => e[2])
        .sort(),
    ).toEqual(['A', 'B', 'C', 'D', 'U', 'U'])
    if (t.deps.database.kind === 'embedded') return expect(copied).toBeNull()
    expect(copied).toEqual(rows)
  })

  it('an empty list is the same both ways', async () => {
    const { copied, rows } = await bothWays({ divisionCode: '219999', industryCode: null })
    expect(rows.facts).toMatchObject({ enterpriseCount: 0, firstEnterpriseId: null })
    if (t.deps.database.kind === 'postgres') expect(copied).toEqual(rows)
  })

  it.each([
    ['a quote', '9121"0200MA000001'],
    ['a backslash', '9121\\0200MA00001'],
    ['a control character', '91210200MA\u000100001'],
    ['a tab', '\t91210200MA000001'],
    ['Chinese', '统一社会信用代码'],
    ['small letters', '91210200ma00000001'],
  ])('a credit code with %s: COPY steps aside and the rows make the list', async (_, uscc) => {
    const { filter } = await districtOf([
      { uscc: serial(division * 10 + 1), tier: 'A' },
      { uscc, tier: 'B' },
    ])
    const { copied, rows } = await bothWays(filter)
    expect(copied).toBeNull()
    expect(JSON.parse(rows.text).enterprises.map((e: string[]) => e[1])).toContain(uscc.trim())
  })
})
