import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acquireDataDirLock, DataDirLockedError } from '../src/kernel/db/data-dir-lock'
import { migrate, readMigrations } from '../src/kernel/db/migrate'
import { createTestApp, type TestApp } from './harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('migrations', () => {
  it('are numbered in sequence and all applied', async () => {
    const files = readMigrations()
    const applied = await t.deps.db
      .selectFrom('schema_migrations' as never)
      .select(['version' as never])
      .execute()
    expect(applied).toHaveLength(files.length)
  })

  it('running them again changes nothing', async () => {
    expect(await migrate(t.deps.database)).toEqual({ applied: [] })
  })

  it('refuse a database that is newer than the code, with a clear message', async () => {
    const migrations = readMigrations()
    await expect(migrate(t.deps.database, migrations.slice(0, -1))).rejects.toThrow(
      /database is newer than this code/,
    )
  })

  it('refuse an applied migration that was edited', async () => {
    const migrations = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m))
    await expect(migrate(t.deps.database, migrations)).rejects.toThrow(/changed after it was applied/)
  })
})

describe('the embedded data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-lock-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('refuses a second opener, in this process and in another, with a clear message', () => {
    const lock = acquireDataDirLock(dir)
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError)
      const script = `import { acquireDataDirLock } from ${JSON.stringify(path.resolve('src/kernel/db/data-dir-lock.ts'))}
try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('ACQUIRED') } catch (e) { console.log(e.message); process.exit(3) }`
      let output = ''
      let code = 0
      try {
        output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          encoding: 'utf8',
        })
      } catch (error) {
        const e = error as { status: number; stdout: string }
        code = e.status
        output = e.stdout
      }
      expect(code).toBe(3)
      expect(output).toMatch(/is in use by process \d+/)
      expect(output).toContain('DATABASE_URL')
    } finally {
      lock.release()
    }
  })

  it('takes over a lock left by a process that died', () => {
    fs.writeFileSync(
      path.join(dir, 'yingshang.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, hostname: os.hostname(), startedAt: '2026-01-01' }),
    )
    const lock = acquireDataDirLock(dir)
    lock.release()
  })
})
