import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drainAuditChain, verifyAuditChain, writeAudit } from '../../kernel/audit/audit'
import { systemActor } from '../../kernel/auth/actor'
import { buildDepartment, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

async function makeSomeHistory() {
  for (let i = 0; i < 3; i++) {
    const d = await buildDepartment(t)
    await admin.patch(`/api/v1/departments/${d.id}`, { version: 1, name: `改名${i}号部门` })
  }
}

/** Tampering needs the append-only trigger off: what a database superuser could do. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.deps.db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`.execute(tx)
    await statement.execute(tx)
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`.execute(tx)
  })
}

describe('the audit trail', () => {
  it('records who did what, with before and after, the request id and the role', async () => {
    const d = await buildDepartment(t)
    const res = await admin.patch(`/api/v1/departments/${d.id}`, { version: 1, name: '审计测试部门' })
    const requestId = res.headers.get('x-request-id')
    const audit = await admin.get(`/api/v1/audit?entityType=department&entityId=${d.id}`)
    expect(audit.body.items[0]).toMatchObject({
      action: 'department.update',
      actorRole: 'admin',
      requestId,
      before: { name: d.name },
      after: { name: '审计测试部门' },
    })
  })

  it('pages by sequence, and says when there is nothing older', async () => {
    const first = await admin.get('/api/v1/audit?limit=2')
    expect(first.body.items).toHaveLength(2)
    expect(first.body.nextBeforeId).toBe(first.body.items[1].id)
    let beforeId = first.body.nextBeforeId
    let pages = 1
    while (beforeId) {
      const page = await admin.get(`/api/v1/audit?limit=2&beforeId=${beforeId}`)
      expect(page.body.items.length).toBeGreaterThan(0)
      beforeId = page.body.nextBeforeId
      pages++
    }
    const all = await admin.get('/api/v1/audit?limit=200')
    expect(pages).toBe(Math.ceil(all.body.items.length / 2))
  })

  it('cannot be edited through SQL while the guard is on', async () => {
    await drainAuditChain(t.deps.db)
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    // The one update allowed is the chainer's: linking an unlinked row once, changing nothing else.
    await expect(
      sql`UPDATE audit_log SET seq = seq + 100000 WHERE seq = 1`.execute(t.deps.db),
    ).rejects.toThrow(/append-only/)
    await t.deps.db
      .transaction()
      .execute((tx) => writeAudit(tx, systemActor('test'), { action: 'test.unlinked', entityType: 'test' }))
    await expect(
      sql`UPDATE audit_log SET action = 'x', seq = 999999, prev_hash = 'a', hash = 'b' WHERE seq IS NULL`.execute(
        t.deps.db,
      ),
    ).rejects.toThrow(/append-only/)
  })

  it('verifies, and names the first altered row', async () => {
    await makeSomeHistory()
    const ok = await admin.post('/api/v1/audit/verify')
    expect(ok.body.ok).toBe(true)
    expect(ok.body.rows).toBeGreaterThan(5)
    await tamper(sql`UPDATE audit_log SET after = '{"name":"篡改"}' WHERE seq = 4`)
    const broken = await admin.post('/api/v1/audit/verify')
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 4, reason: 'hash_mismatch' })
  })
})

describe('removal and re-forging', () => {
  it('a removed row breaks the chain where it was', async () => {
    const fresh = await createTestApp()
    try {
      const a = await signInAs(fresh, 'admin')
      for (let i = 0; i < 3; i++) {
        const d = await buildDepartment(fresh)
        await a.patch(`/api/v1/departments/${d.id}`, { version: 1, name: `部门${i}号` })
      }
      expect((await verifyAuditChain(fresh.deps.db)).ok).toBe(true)
      await fresh.deps.db.transaction().execute(async (tx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`.execute(tx)
        await sql`DELETE FROM audit_log WHERE seq = 3`.execute(tx)
      })
      expect(await verifyAuditChain(fresh.deps.db)).toMatchObject({
        ok: false,
        brokenAt: 4,
        reason: 'sequence_gap',
      })
    } finally {
      await fresh.close()
    }
  })

  it('only admins and discipline inspection read it', async () => {
    expect((await (await signInAs(t, 'discipline_inspector')).get('/api/v1/audit')).status).toBe(200)
    expect((await (await signInAs(t, 'bureau_leader')).get('/api/v1/audit')).status).toBe(403)
  })
})
