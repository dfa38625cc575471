import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { zonedInstant } from '../src/kernel/calendar/zoned-time'
import { findChainHashAt, verifyAuditChain } from '../src/kernel/audit/audit'
import { startControlSocket, type ControlSocket } from '../src/kernel/backup/control-socket'
import { verifyRestoredDatabase } from '../src/kernel/backup/verify-restore'
import { openEmbedded, openPostgres } from '../src/kernel/db/database'
import { buildBenefitWorld } from '../src/modules/benefits/benefits.factories'
import { appealBody, buildAppealWorld, fileAndDispatch } from '../src/modules/appeals/appeals.factories'
import { buildEnterprise, buildEnterpriseUser, signInEnterprise } from './factories'
import { createTestApp, createTestAppOn, readTemplateDump, type TestApp, type TestClient } from './harness'
import { dropDatabase, postgresBaseUrl, withDatabase } from './test-database'

/**
 * npm run backup and npm run restore, run as the commands they are, on a database with cases in it:
 * the copy is taken while the application keeps writing, restored into a fresh database, and the
 * restored database must verify (audit chain, manifest) and answer the same cases the same way.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-backup-'))
const isPostgresRun = Boolean(postgresBaseUrl())

beforeAll(() => {
  // One instant for every read, so views with clocks in them compare equal before and after. A week
  // ahead of the real date: PostgreSQL stamps the outbox with its own clock, which must not pass ours.
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(zonedInstant(inAWeek, 10 * 60, 'Asia/Shanghai'))
})
afterAll(() => {
  vi.useRealTimers()
  fs.rmSync(root, { recursive: true, force: true })
})

type Cases = { reads: { client: TestClient; path: string }[]; writer: () => Promise<void> }

/** Appeals (filed, dispatched) and a benefit claim, each with the enterprise that reads it. */
async function buildCases(t: TestApp): Promise<Cases> {
  const w = await buildAppealWorld(t)
  const appealIds = [await fileAndDispatch(w), await fileAndDispatch(w, { title: '用水报装两个月未接通' })]
  const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
  appealIds.push(filed.body.id)
  const benefits = await buildBenefitWorld(t)
  const firm = await benefits.firm(1_000_000)
  const claim = await firm.client.post(`/api/v1/enterprises/${firm.id}/claims/consent`, {
    itemId: benefits.items.noApp,
    idempotencyKey: crypto.randomUUID(),
  })
  expect(claim.status, JSON.stringify(claim.body)).toBe(201)
  // Another enterprise keeps filing while the copy is taken; its appeals are not among the cases read.
  const other = await buildEnterprise(t)
  const otherUser = await signInEnterprise(
    t,
    (await buildEnterpriseUser(t, { enterpriseIds: [other.id] })).phone,
  )
  return {
    reads: [
      ...appealIds.map((id) => ({ client: w.enterpriseUser, path: `/api/v1/appeals/${id}` })),
      { client: w.dispatcher, path: `/api/v1/appeals/${appealIds[0]}` },
      { client: firm.client, path: `/api/v1/enterprises/${firm.id}/claims/${claim.body.id}` },
      { client: firm.client, path: `/api/v1/enterprises/${firm.id}/claims` },
    ],
    writer: async () => {
      const res = await otherUser.post(
        '/api/v1/appeals',
        appealBody(other.id, {
          title: '园区路灯夜间不亮',
          body: '园区东门外道路的路灯已经两周没有亮过，夜间进出车辆很不安全。',
        }),
      )
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    },
  }
}

async function readCases(cases: Cases, t: TestApp) {
  const answers = []
  for (const read of cases.reads) {
    const res = await read.client.on(t.app).get(read.path)
    answers.push({ path: read.path, status: res.status, body: res.body })
  }
  return answers
}

type Run = { code: number | null; stdout: string; stderr: string }

/** Runs a command-line script the way npm run does, without blocking this process (it may serve it). */
function runScript(name: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k]
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve(import.meta.dirname, '../scripts', name), ...args],
    {
      env: childEnv,
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/** Runs the backup while the writer keeps writing; returns the backup file. */
async function backUpWhileWriting(cases: Cases, env: Record<string, string | undefined>): Promise<string> {
  const backup = runScript('backup.ts', ['--out', path.join(root, 'backups')], env)
  let done = false
  void backup.then(() => (done = true))
  let writes = 0
  while (!done) {
    await cases.writer()
    writes++
    // PGlite answers without touching the event loop: let the socket and the child's exit be heard.
    await new Promise((resolve) => setImmediate(resolve))
  }
  const run = await backup
  expect(run.code, run.stderr).toBe(0)
  expect(writes).toBeGreaterThan(0)
  return /backup written \(.*\): (\S+)/.exec(run.stdout)![1]!
}

describe.skipIf(isPostgresRun)('embedded: npm run backup while the server runs, npm run restore', () => {
  let t: TestApp
  let control: ControlSocket | undefined
  let cases: Cases
  let before: Awaited<ReturnType<typeof readCases>>
  let file: string
  const dataDir = path.join(root, 'running')

  beforeAll(async () => {
    t = await createTestAppOn(await openEmbedded(dataDir, { loadDataDir: readTemplateDump() }))
    control = await startControlSocket(t.deps.database, dataDir, t.deps.logger)
    cases = await buildCases(t)
    before = await readCases(cases, t)
  }, 120_000)
  afterAll(async () => {
    await control?.close()
    await t?.close()
  })

  it('copies through the running server while it writes, restores into a fresh directory, and the copy verifies and answers the same', async () => {
    file = await backUpWhileWriting(cases, { DATA_DIR: dataDir, DATABASE_URL: undefined })
    const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8'))
    expect(manifest.tables.appeals.rows).toBeGreaterThanOrEqual(4)

    const fresh = path.join(root, 'restored')
    const restored = await runScript('restore.ts', [file], { DATA_DIR: fresh, DATABASE_URL: undefined })
    expect(restored.code, restored.stdout + restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/OK: \d+ audit rows, chain intact/)
    expect(restored.stdout).toMatch(/OK: as in the backup/)

    const copy = await createTestAppOn(await openEmbedded(fresh))
    try {
      const chain = await verifyAuditChain(copy.deps.db)
      expect(chain).toMatchObject({ ok: true, head: manifest.auditHead })
      expect(await readCases(cases, copy)).toEqual(before)
      // The comparison has teeth: a manifest that says otherwise fails the restore's verdict.
      const claimed = structuredClone(manifest)
      claimed.tables.appeals.rows += 1
      const verdict = await verifyRestoredDatabase(copy.deps.database, claimed)
      expect(verdict.ok).toBe(false)
      expect(verdict.lines.join('\n')).toMatch(/table appeals has \d+ rows, the backup has \d+/)
    } finally {
      await copy.close()
    }
  }, 180_000)

  it('refuses to restore under a running server, and over a database', async () => {
    const over = await runScript('restore.ts', [file], { DATA_DIR: dataDir, DATABASE_URL: undefined })
    expect(over.code).toBe(2)
    expect(over.stderr).toMatch(/in use by process/)
    const occupied = await runScript('restore.ts', [file], {
      DATA_DIR: path.join(root, 'restored'),
      DATABASE_URL: undefined,
    })
    expect(occupied.code).toBe(2)
    expect(occupied.stderr).toMatch(/already holds a database.*--force/)
  }, 180_000)
})

describe.runIf(isPostgresRun)(
  'PostgreSQL: npm run backup (pg_dump) while writing, npm run restore (pg_restore)',
  () => {
    let t: TestApp
    let cases: Cases
    let before: Awaited<ReturnType<typeof readCases>>
    let sourceUrl: string
    let baseUrl: string
    let targetName: string
    let targetUrl: string

    beforeAll(async () => {
      baseUrl = postgresBaseUrl()!
      targetName = `${new URL(baseUrl).pathname.slice(1)}_restored_${process.pid}`
      targetUrl = withDatabase(baseUrl, targetName)
      t = await createTestApp()
      sourceUrl = (t.deps.database.pool.options as { connectionString: string }).connectionString
      cases = await buildCases(t)
      before = await readCases(cases, t)
    }, 120_000)
    afterAll(async () => {
      await t?.close()
      if (targetName) await dropDatabase(baseUrl, targetName)
    })

    it('dumps in one snapshot while the app writes, restores into a new database, and the copy verifies and answers the same', async () => {
      const file = await backUpWhileWriting(cases, { DATABASE_URL: sourceUrl })
      expect(file).toMatch(/yingshang-postgres-\d{8}T\d{6}Z\.dump$/)
      const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8'))

      const restored = await runScript('restore.ts', [file], { DATABASE_URL: targetUrl })
      expect(restored.code, restored.stdout + restored.stderr).toBe(0)
      expect(restored.stdout).toMatch(/OK: as in the backup/)

      const copy = await createTestAppOn(await openPostgres(targetUrl, 2))
      try {
        // Rows committed after the backup's head but inside its snapshot are linked after it on restore.
        const chain = await verifyAuditChain(copy.deps.db)
        expect(chain.ok).toBe(true)
        expect(chain.head!.seq).toBeGreaterThanOrEqual(manifest.auditHead.seq)
        expect(await findChainHashAt(copy.deps.db, manifest.auditHead.seq)).toBe(manifest.auditHead.hash)
        expect(await readCases(cases, copy)).toEqual(before)
      } finally {
        await copy.close()
      }

      const refused = await runScript('restore.ts', [file], { DATABASE_URL: targetUrl })
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/is not empty.*--force/)
      const forced = await runScript('restore.ts', [file, '--force'], { DATABASE_URL: targetUrl })
      expect(forced.code, forced.stdout + forced.stderr).toBe(0)
      expect(forced.stdout).toMatch(/OK: as in the backup/)
    }, 180_000)
  },
)
