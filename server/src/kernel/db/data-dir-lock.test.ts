import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from './data-dir-lock'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-lock-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
let dirs = 0
const freshDir = () => fs.mkdtempSync(path.join(root, `d${dirs++}-`))
const lockOf = (dir: string) => path.join(dir, LOCK_FILE_NAME)

/** The pid of a process that has exited: a real dead owner, as kill -9 leaves. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' })
  return Number(child.stdout.trim())
}

function writeLock(dir: string, content: unknown): void {
  fs.writeFileSync(lockOf(dir), typeof content === 'string' ? content : JSON.stringify(content))
}

describe('the data-directory lock, in one process', () => {
  it('writes the whole lock (pid, host, start) and leaves no temporary file', () => {
    const dir = freshDir()
    const lock = acquireDataDirLock(dir)
    const held = JSON.parse(fs.readFileSync(lockOf(dir), 'utf8'))
    expect(held).toMatchObject({ pid: process.pid, hostname: os.hostname() })
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME])
    lock.release()
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('refuses a second opener in the same process', () => {
    const dir = freshDir()
    const lock = acquireDataDirLock(dir)
    expect(() => acquireDataDirLock(dir)).toThrow(/is in use by process \d+/)
    lock.release()
    acquireDataDirLock(dir).release()
  })

  it('takes over a lock whose owner has died', () => {
    const dir = freshDir()
    writeLock(dir, { pid: deadPid(), hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z' })
    const lock = acquireDataDirLock(dir)
    expect(JSON.parse(fs.readFileSync(lockOf(dir), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('takes over a lock from before a reboot, and one whose pid now names another process', () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      const dir = freshDir()
      writeLock(dir, {
        pid: live.pid,
        hostname: os.hostname(),
        bootId: 'a-boot-long-ago',
        startedAt: '2026-01-01T00:00:00Z',
      })
      acquireDataDirLock(dir).release()
      if (fs.existsSync(`/proc/${live.pid}/stat`)) {
        writeLock(dir, { pid: live.pid, hostname: os.hostname(), processStart: '1', startedAt: 'then' })
        acquireDataDirLock(dir).release()
      }
    } finally {
      live.kill('SIGKILL')
    }
  })

  it('takes over its own pid left by an earlier life (a restarted container has the same pid)', () => {
    const dir = freshDir()
    writeLock(dir, { pid: process.pid, hostname: os.hostname(), startedAt: 'before the restart' })
    acquireDataDirLock(dir).release()
  })

  it('refuses while the owner lives, naming its pid', () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      const dir = freshDir()
      writeLock(dir, { pid: live.pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z' })
      expect(() => acquireDataDirLock(dir)).toThrow(
        new RegExp(`in use by process ${live.pid} .*DATABASE_URL`),
      )
    } finally {
      live.kill('SIGKILL')
    }
  })

  it.each([
    ['an empty file', ''],
    ['a partial write', '{"pid":12'],
    ['garbage', 'not a lock at all'],
    ['a lock without a pid', '{"hostname":"x"}'],
  ])('never takes %s for a stale lock: refuses and says what to do', (_, content) => {
    const dir = freshDir()
    writeLock(dir, content)
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError)
    expect(() => acquireDataDirLock(dir)).toThrow(/delete the file/)
    expect(fs.readFileSync(lockOf(dir), 'utf8')).toBe(content)
  })

  it('refuses a lock from another host, which it cannot check', () => {
    const dir = freshDir()
    writeLock(dir, { pid: 1, hostname: `${os.hostname()}-elsewhere`, startedAt: 'then' })
    expect(() => acquireDataDirLock(dir)).toThrow(/on another host/)
  })

  it('release leaves a lock that is not its own', () => {
    const dir = freshDir()
    const lock = acquireDataDirLock(dir)
    writeLock(dir, { pid: 1, hostname: 'someone-else', startedAt: 'now' })
    lock.release()
    expect(fs.existsSync(lockOf(dir))).toBe(true)
  })
})

/**
 * Two processes race for one directory at the same instant, round after round: exactly one holds it
 * every time — on a fresh directory, on one holding the same stale lock for both, and never on an
 * unreadable one. Each worker is a real process of its own; a round starts both at one agreed instant.
 */
describe('two processes starting together on one directory', () => {
  const ROUNDS = 40
  const workers: Worker[] = []
  beforeAll(async () => {
    workers.push(await startWorker(), await startWorker())
  }, 60_000)
  afterAll(() => workers.forEach((w) => w.child.kill('SIGKILL')))

  async function race(dir: string): Promise<string[]> {
    const at = Date.now() + 40
    const results = await Promise.all(workers.map((w) => w.ask(`acquire ${at} ${dir}`)))
    await Promise.all(workers.map((w) => w.ask('release')))
    return results
  }

  it(`one of them holds a fresh directory, ${ROUNDS} rounds out of ${ROUNDS}`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const results = await race(freshDir())
      expect(
        results.filter((r) => r === 'ACQUIRED'),
        `round ${round}: ${results.join(' | ')}`,
      ).toHaveLength(1)
      expect(results.find((r) => r !== 'ACQUIRED')).toMatch(/^REFUSED .*in use by process \d+/)
    }
  }, 60_000)

  it(`one of them takes over the same stale lock, ${ROUNDS} rounds out of ${ROUNDS}`, async () => {
    const dead = deadPid()
    for (let round = 0; round < ROUNDS; round++) {
      const dir = freshDir()
      writeLock(dir, { pid: dead, hostname: os.hostname(), startedAt: `round ${round}` })
      const results = await race(dir)
      expect(
        results.filter((r) => r === 'ACQUIRED'),
        `round ${round}: ${results.join(' | ')}`,
      ).toHaveLength(1)
    }
  }, 60_000)

  it('neither takes an empty lock file', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = freshDir()
      writeLock(dir, '')
      const results = await race(dir)
      expect(results.every((r) => r.startsWith('REFUSED'))).toBe(true)
    }
  }, 60_000)
})

type Worker = { child: ChildProcessWithoutNullStreams; ask(line: string): Promise<string> }

/** A process that takes the lock on command at an agreed instant and answers ACQUIRED or REFUSED. */
async function startWorker(): Promise<Worker> {
  const script = `
import readline from 'node:readline'
import { acquireDataDirLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'data-dir-lock.ts'))}
let lock
console.log('READY')
for await (const line of readline.createInterface({ input: process.stdin })) {
  const [command, at, ...dir] = line.split(' ')
  if (command === 'release') { lock?.release(); lock = undefined; console.log('RELEASED'); continue }
  // Both start at one instant of the shared clock; capped, so a skewed clock (faketime) cannot hang us.
  const until = Math.min(Number(at), performance.timeOrigin + performance.now() + 500)
  while (performance.timeOrigin + performance.now() < until) {}
  try { lock = acquireDataDirLock(dir.join(' ')); console.log('ACQUIRED') }
  catch (error) { console.log('REFUSED ' + error.message) }
}`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines = readline.createInterface({ input: child.stdout })
  const waiting: ((line: string) => void)[] = []
  const buffered: string[] = []
  lines.on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else buffered.push(line)
  })
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = buffered.shift()
      if (line !== undefined) resolve(line)
      else waiting.push(resolve)
    })
  expect(await nextLine()).toBe('READY')
  return {
    child,
    ask: (line) => {
      child.stdin.write(`${line}\n`)
      return nextLine()
    },
  }
}

describe('two servers started at once on one data directory', () => {
  it('one refuses with the message, and exits; the other opens the database', async () => {
    const dir = freshDir()
    const start = () =>
      spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../main.ts')], {
        env: {
          ...embeddedEnv(),
          DATA_DIR: dir,
          PORT: '0',
          LOG_LEVEL: 'silent',
          SEED_DEMO_DATA: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    const servers = [start(), start()]
    try {
      const stderr = servers.map((s) => {
        let text = ''
        s.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
        return () => text
      })
      const loser = await Promise.race(
        servers.map((s, i) => new Promise<number>((resolve) => s.once('exit', () => resolve(i)))),
      )
      expect(servers[loser]!.exitCode).toBe(1)
      const winner = servers[1 - loser]!
      expect(stderr[loser]!()).toMatch(
        new RegExp(`Cannot start: The data directory .* is in use by process ${winner.pid} `),
      )
      expect(winner.exitCode).toBeNull()
      expect(JSON.parse(fs.readFileSync(lockOf(dir), 'utf8')).pid).toBe(winner.pid)
    } finally {
      servers.forEach((s) => s.kill('SIGKILL'))
    }
  }, 120_000)
})

/** This process's environment for a server on the embedded database in DATA_DIR, even when the suite
 * itself runs on PostgreSQL (npm run test:pg sets DATABASE_URL). */
function embeddedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.DATABASE_URL
  delete env.DATABASE_READ_URL
  return env
}
