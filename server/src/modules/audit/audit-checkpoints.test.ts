import crypto from 'node:crypto'
import fs from 'node:fs'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkChain, drainAuditChain, verifyAuditChain, writeAudit } from '../../kernel/audit/audit'
import { GENESIS_HASH, hashRow } from '../../kernel/audit/hash-chain'
import { systemActor } from '../../kernel/auth/actor'
import type { Tx } from '../../kernel/db/database'
import { buildDepartment, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { AUDIT_CHECKPOINT_QUEUE } from './audit.jobs'

let t: TestApp
let admin: TestClient

beforeEach(async () => {
  t = await createTestApp()
  admin = await signInAs(t, 'admin')
})
afterEach(() => t.close())

async function makeSomeHistory(n = 3) {
  for (let i = 0; i < n; i++) {
    const d = await buildDepartment(t)
    await admin.patch(`/api/v1/departments/${d.id}`, { version: 1, name: `检查点${i}号部门` })
  }
}

/** What someone with database access (a superuser) can do: the guards off, any statement. */
async function asAttacker(work: (tx: Tx) => Promise<void>) {
  await t.deps.db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`.execute(tx)
    await sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update_or_delete`.execute(tx)
    await work(tx)
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`.execute(tx)
    await sql`ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_no_update_or_delete`.execute(tx)
  })
}

/** Rewrites one row and re-computes every hash after it, exactly as the chainer would: a clean chain. */
async function rewriteAndRechain(seq: number, after: unknown): Promise<Map<number, string>> {
  const hashes = new Map<number, string>()
  await asAttacker(async (tx) => {
    await sql`UPDATE audit_log SET after = ${JSON.stringify(after)}::jsonb WHERE seq = ${seq}`.execute(tx)
    const rows = await tx
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', 'is not', null)
      .orderBy('seq')
      .execute()
    let prevHash = GENESIS_HASH
    for (const r of rows) {
      const hash = hashRow({
        seq: r.seq!,
        at: r.at.toISOString(),
        actorUserId: r.actor_user_id,
        actorRole: r.actor_role,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        ip: r.ip,
        prevHash,
      })
      await sql`UPDATE audit_log SET prev_hash = ${prevHash}, hash = ${hash} WHERE seq = ${r.seq}`.execute(tx)
      hashes.set(r.seq!, hash)
      prevHash = hash
    }
  })
  return hashes
}

describe('audit rows are linked after commit', () => {
  it('are written unlinked and linked in insert order by the chainer, the chain intact', async () => {
    await makeSomeHistory(2)
    const pending = await t.deps.db.selectFrom('audit_log').select('id').where('seq', 'is', null).execute()
    expect(pending.length).toBeGreaterThan(0)
    expect(await drainAuditChain(t.deps.db)).toBe(pending.length)
    const rows = await t.deps.db.selectFrom('audit_log').select(['id', 'seq']).orderBy('seq').execute()
    expect(rows.every((r) => r.seq !== null)).toBe(true)
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1))
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b))
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, rows: rows.length })
  })

  it('a row with a smaller id that commits later is appended after the rows already linked', async (ctx) => {
    // Two open transactions at once need two connections: PostgreSQL only (npm run test:pg).
    if (t.deps.database.kind !== 'postgres') return ctx.skip()
    await drainAuditChain(t.deps.db)
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let written!: () => void
    const isWritten = new Promise<void>((r) => (written = r))
    const slow = t.deps.db.transaction().execute(async (tx) => {
      await writeAudit(tx, systemActor('test'), { action: 'test.slow', entityType: 'test' })
      written()
      await held
    })
    await isWritten
    await t.deps.db
      .transaction()
      .execute((tx) => writeAudit(tx, systemActor('test'), { action: 'test.fast', entityType: 'test' }))
    await drainAuditChain(t.deps.db)
    release()
    await slow
    await drainAuditChain(t.deps.db)
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .select(['id', 'seq', 'action'])
      .where('action', 'like', 'test.%')
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['test.fast', 'test.slow'])
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id)
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true)
  })
})

describe('signed checkpoints', () => {
  it('an admin signs the head; anyone reads the checkpoints and checks them with the public key', async () => {
    await makeSomeHistory()
    const signed = await admin.post('/api/v1/audit/checkpoints')
    expect(signed.status).toBe(201)
    const verdict = await verifyAuditChain(t.deps.db)
    // The checkpoint covers the head it saw; its own audit row comes after it.
    expect(signed.body.seq).toBe(verdict.head!.seq - 1)

    const listed = await t.anonymous().get('/api/v1/audit/checkpoints')
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ algorithm: 'Ed25519', items: [signed.body] })
    const c = listed.body.items[0]
    const payload = `yingshang-audit-checkpoint:v1:${c.seq}:${c.hash}:${c.signedAt}`
    const publicKey = crypto.createPublicKey(listed.body.publicKeyPem)
    expect(crypto.verify(null, Buffer.from(payload), publicKey, Buffer.from(c.signature, 'base64'))).toBe(
      true,
    )

    const exported = fs.readFileSync(t.deps.config.auditCheckpointFile, 'utf8').trim().split('\n')
    expect(exported.map((line) => JSON.parse(line))).toEqual([signed.body])
    expect(fs.statSync(t.deps.config.auditSigningKeyFile).mode & 0o777).toBe(0o600)

    const ok = await admin.post('/api/v1/audit/verify')
    expect(ok.body).toMatchObject({
      ok: true,
      checkpoints: 1,
      signaturesChecked: true,
      checkpoint: { seq: c.seq },
    })
  })

  it('the daily job signs the head', async () => {
    await makeSomeHistory(1)
    await t.deps.jobs.send(t.deps.db, AUDIT_CHECKPOINT_QUEUE, {})
    expect(await t.deps.jobs.runQueued(AUDIT_CHECKPOINT_QUEUE)).toBe(1)
    const listed = await t.anonymous().get('/api/v1/audit/checkpoints')
    expect(listed.body.items).toHaveLength(1)
  })

  it('only an admin signs one', async () => {
    const inspector = await signInAs(t, 'discipline_inspector')
    expect((await inspector.post('/api/v1/audit/checkpoints')).status).toBe(403)
  })

  it('a log rewritten and re-chained passes the chain alone, but not the checkpoint', async () => {
    await makeSomeHistory()
    await drainAuditChain(t.deps.db)
    // Without a checkpoint, a clean re-chain is invisible: why checkpoints exist.
    await rewriteAndRechain(3, { name: '篡改之前' })
    expect((await admin.post('/api/v1/audit/verify')).body).toMatchObject({ ok: true, checkpoints: 0 })

    const checkpoint = (await admin.post('/api/v1/audit/checkpoints')).body
    await makeSomeHistory(1)
    await drainAuditChain(t.deps.db)
    await rewriteAndRechain(2, { name: '篡改' })
    expect((await checkChain(t.deps.db, { seq: 0, hash: GENESIS_HASH }, [])).ok).toBe(true)
    const broken = await admin.post('/api/v1/audit/verify')
    expect(broken.body).toMatchObject({
      ok: false,
      reason: 'checkpoint_mismatch',
      brokenAt: checkpoint.seq,
      checkpoint: { seq: checkpoint.seq, hash: checkpoint.hash },
    })
    // A broken chain is never signed.
    const refused = await admin.post('/api/v1/audit/checkpoints')
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('AUDIT_CHAIN_BROKEN')
  })

  it('removing the newest rows is named as truncation', async () => {
    await makeSomeHistory()
    const checkpoint = (await admin.post('/api/v1/audit/checkpoints')).body
    await drainAuditChain(t.deps.db)
    await asAttacker(async (tx) => {
      await sql`DELETE FROM audit_log WHERE seq >= ${checkpoint.seq - 1}`.execute(tx)
    })
    expect((await checkChain(t.deps.db, { seq: 0, hash: GENESIS_HASH }, [])).ok).toBe(true)
    expect((await admin.post('/api/v1/audit/verify')).body).toMatchObject({
      ok: false,
      reason: 'truncated',
      brokenAt: checkpoint.seq - 1,
      checkpoint: { seq: checkpoint.seq },
    })
  })

  it('a checkpoint altered to match a re-chained log is named forged', async () => {
    await makeSomeHistory()
    const checkpoint = (await admin.post('/api/v1/audit/checkpoints')).body
    const hashes = await rewriteAndRechain(2, { name: '篡改' })
    await asAttacker(async (tx) => {
      await sql`UPDATE audit_checkpoints SET hash = ${hashes.get(checkpoint.seq)!}`.execute(tx)
    })
    // The export file an outside party kept still has the true hash; with it gone too, the signature tells.
    fs.rmSync(t.deps.config.auditCheckpointFile)
    expect((await admin.post('/api/v1/audit/verify')).body).toMatchObject({
      ok: false,
      reason: 'forged',
      brokenAt: checkpoint.seq,
    })
  })

  it('the exported checkpoints are checked even when the stored ones were removed', async () => {
    await makeSomeHistory()
    const checkpoint = (await admin.post('/api/v1/audit/checkpoints')).body
    await rewriteAndRechain(2, { name: '篡改' })
    await asAttacker(async (tx) => {
      await sql`DELETE FROM audit_checkpoints`.execute(tx)
    })
    expect((await admin.post('/api/v1/audit/verify')).body).toMatchObject({
      ok: false,
      reason: 'checkpoint_mismatch',
      brokenAt: checkpoint.seq,
    })
  })
})
