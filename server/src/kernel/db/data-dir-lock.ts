import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose data. We hold a
 * lockfile for the life of the process and refuse a second opener with a clear message.
 *
 * Why it is built this way (docs/decisions/0025-data-dir-lock-and-backups.md):
 * - The lock appears whole or not at all: the content is written to a temporary file first, then
 *   hard-linked to the lock's name. link() fails with EEXIST when the name exists, atomically, so of
 *   two starters exactly one links; the other always reads a complete lock, never an empty one.
 * - A lock is stale only when its owner is gone (no such process on this host, a reboot since, or its
 *   pid now names another process). A file we cannot read is never taken as stale: no version of this
 *   code writes one, so something else is going on and a person must look.
 * - Two starters that find the same stale lock must not both replace it (the second would delete the
 *   first one's fresh lock). Replacing a lock generation needs a takeover marker named after that
 *   generation's content, created with link() too: one starter wins it; the others look again and find
 *   the winner's live lock.
 */
export class DataDirLockedError extends Error {}

export const LOCK_FILE_NAME = 'yingshang.lock'
const TAKEOVER_PREFIX = `${LOCK_FILE_NAME}.takeover-`
/** Markers older than this belong to long-gone takeovers: nobody still reads the lock they replaced. */
const TAKEOVER_MARKER_TTL_MS = 60_000
const MAX_ATTEMPTS = 50

export type LockInfo = {
  pid: number
  hostname: string
  /** Linux: changes on every boot, so a lock from before a reboot is stale whatever its pid. */
  bootId: string | null
  /** Linux: the owner's start time in clock ticks since boot; a reused pid has another. */
  processStart: string | null
  startedAt: string
  nonce: string
}

export type DataDirLock = { readonly lockPath: string; release(): void }

/** Locks this process holds, so a second opener in the same process is refused too. */
const heldHere = new Set<string>()

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(path.resolve(dataDir), LOCK_FILE_NAME)
  const info = describeThisProcess()
  const content = JSON.stringify(info)
  const temp = path.join(path.dirname(lockPath), `.${LOCK_FILE_NAME}.${process.pid}.${info.nonce}.tmp`)
  writeWhole(temp, content)
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (tryLink(temp, lockPath)) return holdLock(lockPath, content, undefined)
      const raw = readRaw(lockPath)
      if (raw === undefined) continue // released between our link and our read: try again
      const holder = parseLock(raw)
      if (!holder) throw unreadableLockError(lockPath, raw)
      const owner = judgeOwner(holder, lockPath)
      if (owner === 'alive') throw inUseError(dataDir, holder)
      if (owner === 'other-host') throw otherHostError(dataDir, lockPath, holder)
      const marker = path.join(path.dirname(lockPath), `${TAKEOVER_PREFIX}${generationOf(raw)}`)
      if (!tryLink(temp, marker)) {
        // Another starter is replacing this same stale lock: look again shortly and meet its lock.
        sleepSync(5 + Math.random() * 20)
        continue
      }
      // We alone may replace this generation. Check it is still the one we judged, then swap.
      if (readRaw(lockPath) !== raw) {
        fs.rmSync(marker, { force: true })
        continue
      }
      fs.renameSync(temp, lockPath)
      if (readRaw(lockPath) !== content) throw new DataDirLockedError(`Lost the race for ${lockPath}`)
      return holdLock(lockPath, content, marker)
    }
    throw new DataDirLockedError(
      `Could not take the lock ${lockPath} after ${MAX_ATTEMPTS} attempts: other processes keep taking it.`,
    )
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/** Reads the lock of a data directory, if any (the backup command finds the running server by it). */
export function readDataDirLock(dataDir: string): LockInfo | undefined {
  const raw = readRaw(path.join(path.resolve(dataDir), LOCK_FILE_NAME))
  return raw === undefined ? undefined : parseLock(raw)
}

/** True when the lock's owner runs: on another host we cannot tell, so we say it does. */
export function isLockOwnerRunning(holder: LockInfo, dataDir: string): boolean {
  return judgeOwner(holder, path.join(path.resolve(dataDir), LOCK_FILE_NAME)) !== 'dead'
}

function holdLock(lockPath: string, content: string, marker: string | undefined): DataDirLock {
  heldHere.add(lockPath)
  removeOldTakeoverMarkers(path.dirname(lockPath), marker)
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.off('exit', release)
    heldHere.delete(lockPath)
    // Only our own lock: a lock with other content is not ours to remove.
    if (readRaw(lockPath) === content) fs.rmSync(lockPath, { force: true })
    if (marker) fs.rmSync(marker, { force: true })
  }
  // process.exit() and a normal end run this; a signal's handler closes the database, which releases;
  // kill -9 leaves the file behind with a dead owner, which the next start takes over.
  process.on('exit', release)
  return { lockPath, release }
}

function describeThisProcess(): LockInfo {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: readBootId(),
    processStart: readProcessStart(process.pid),
    startedAt: new Date().toISOString(),
    nonce: crypto.randomBytes(8).toString('hex'),
  }
}

type Owner = 'alive' | 'dead' | 'other-host'

function judgeOwner(holder: LockInfo, lockPath: string): Owner {
  // A lock from another host (a shared volume) cannot be checked: a person must decide.
  if (holder.hostname !== os.hostname()) return 'other-host'
  const bootId = readBootId()
  if (holder.bootId && bootId && holder.bootId !== bootId) return 'dead'
  // Our own pid in someone else's lock: a restarted container gives the server the same pid again.
  if (holder.pid === process.pid) return heldHere.has(lockPath) ? 'alive' : 'dead'
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'dead'
  }
  const start = readProcessStart(holder.pid)
  if (holder.processStart && start && holder.processStart !== start) return 'dead'
  return 'alive'
}

function parseLock(raw: string): LockInfo | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockInfo>
    if (!Number.isSafeInteger(value.pid) || (value.pid ?? 0) <= 0) return undefined
    if (typeof value.hostname !== 'string') return undefined
    return {
      pid: value.pid!,
      hostname: value.hostname,
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
      processStart: typeof value.processStart === 'string' ? value.processStart : null,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : 'an unknown time',
      nonce: typeof value.nonce === 'string' ? value.nonce : '',
    }
  } catch {
    return undefined
  }
}

function inUseError(dataDir: string, holder: LockInfo): DataDirLockedError {
  return new DataDirLockedError(
    `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.hostname} ` +
      `(since ${holder.startedAt}). The embedded database allows one process only: stop the other ` +
      `one, or give this one its own DATA_DIR, or set DATABASE_URL to use PostgreSQL.`,
  )
}

function otherHostError(dataDir: string, lockPath: string, holder: LockInfo): DataDirLockedError {
  return new DataDirLockedError(
    `The data directory ${dataDir} is locked by process ${holder.pid} on another host, ` +
      `${holder.hostname} (since ${holder.startedAt}), which cannot be checked from here. If no process ` +
      `on ${holder.hostname} uses it any more, delete ${lockPath} and start again.`,
  )
}

function unreadableLockError(lockPath: string, raw: string): DataDirLockedError {
  const what = raw.length === 0 ? 'is empty' : 'is not a lock this program writes'
  return new DataDirLockedError(
    `The lockfile ${lockPath} ${what}. A server writes its lock whole, so this file does not show ` +
      `whether a server runs; it is not taken over by guess. If no process uses the directory, delete ` +
      `the file and start again.`,
  )
}

/** Creates a file with its whole content on disk before anyone can see it by the lock's name. */
function writeWhole(file: string, content: string): void {
  const fd = fs.openSync(file, 'wx', 0o644)
  try {
    fs.writeFileSync(fd, content)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function readRaw(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function generationOf(raw: string): string {
  return crypto.createHash('sha256').update(raw).digest('hex').slice(0, 24)
}

function removeOldTakeoverMarkers(dir: string, keep: string | undefined): void {
  const now = Date.now()
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(TAKEOVER_PREFIX)) continue
    const file = path.join(dir, name)
    if (file === keep) continue
    try {
      if (now - fs.statSync(file).mtimeMs > TAKEOVER_MARKER_TTL_MS) fs.rmSync(file, { force: true })
    } catch {
      // removed by someone else meanwhile
    }
  }
}

function readBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
  } catch {
    return null
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
function readProcessStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
