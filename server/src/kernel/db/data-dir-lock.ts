import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose data.
 * We hold a lockfile for the life of the process and refuse a second opener with a clear message.
 * A lockfile left by a process that no longer runs (same host) is taken over.
 */
export class DataDirLockedError extends Error {}

type LockInfo = { pid: number; hostname: string; startedAt: string }

export type DataDirLock = { release(): void }

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'yingshang.lock')
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' })
      let released = false
      const release = () => {
        if (released) return
        released = true
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo
          if (current.pid === process.pid) fs.unlinkSync(lockPath)
        } catch {
          // already gone
        }
      }
      process.once('exit', release)
      return { release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readLock(lockPath)
      if (holder && isAlive(holder)) {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.hostname} ` +
            `(since ${holder.startedAt}). The embedded database allows one process only: stop the other ` +
            `one, or give this one its own DATA_DIR, or set DATABASE_URL to use PostgreSQL.`,
        )
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new DataDirLockedError(`Could not take the lock on ${dataDir}`)
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo
  } catch {
    return undefined
  }
}

function isAlive(holder: LockInfo): boolean {
  // A lock from another host (a shared volume) cannot be checked: assume it is held.
  if (holder.hostname !== os.hostname()) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
