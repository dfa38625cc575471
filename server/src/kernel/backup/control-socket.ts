import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import { backupEmbedded } from './embedded-backup'
import type { BackupManifest } from './manifest'

/**
 * How `npm run backup` reaches a running embedded server, which alone may open its data directory:
 * a Unix socket inside DATA_DIR/control, a directory only the server's user can enter. Whoever can
 * reach it can already read the data directory itself, so it asks for no other credential, and it
 * is never on the network. One command: `backup`, answered with one JSON line (the manifest and the
 * archive's size) followed by the archive's bytes.
 */
const SOCKET_DIR = 'control'
const SOCKET_NAME = 'server.sock'
// sockaddr_un holds 108 bytes including the terminating NUL.
const MAX_SOCKET_PATH_BYTES = 107

export function controlSocketPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), SOCKET_DIR, SOCKET_NAME)
}

type BackupHeader = { ok: true; manifest: BackupManifest; bytes: number } | { ok: false; error: string }

export type ControlSocket = { close(): Promise<void> }

/** Call while holding the data directory's lock (a socket file left by a dead server is replaced). */
export async function startControlSocket(
  database: Database,
  dataDir: string,
  logger: Logger,
): Promise<ControlSocket | undefined> {
  const socketPath = controlSocketPath(dataDir)
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
    logger.warn(
      { socketPath },
      'DATA_DIR is too deep for a control socket: npm run backup needs the server stopped',
    )
    return undefined
  }
  fs.mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 })
  fs.chmodSync(path.dirname(socketPath), 0o700)
  fs.rmSync(socketPath, { force: true })
  // One backup at a time: a second request waits for the first.
  let queue: Promise<unknown> = Promise.resolve()
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined) // the client went away; nothing to tell it
    readFirstLine(socket)
      .then((line) => {
        if (parseCommand(line) !== 'backup') return answer(socket, { ok: false, error: 'unknown command' })
        const run = queue.then(async () => {
          try {
            const { manifest, archive } = await backupEmbedded(database)
            const bytes = Buffer.from(await archive.arrayBuffer())
            logger.info({ bytes: bytes.length }, 'backup copied for npm run backup')
            answer(socket, { ok: true, manifest, bytes: bytes.length }, bytes)
          } catch (error) {
            logger.error({ err: error }, 'backup failed')
            answer(socket, { ok: false, error: (error as Error).message })
          }
        })
        queue = run
        return run
      })
      .catch(() => socket.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, () => resolve())
  })
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      fs.rmSync(socketPath, { force: true })
    },
  }
}

/** The client side: asks the running server for a backup. */
export function requestBackupFromServer(
  dataDir: string,
): Promise<{ manifest: BackupManifest; archive: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlSocketPath(dataDir))
    const chunks: Buffer[] = []
    socket.on('connect', () => socket.write(`${JSON.stringify({ command: 'backup' })}\n`))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const all = Buffer.concat(chunks)
      const newline = all.indexOf(0x0a)
      if (newline < 0) return reject(new Error('the server closed the connection without an answer'))
      const header = JSON.parse(all.subarray(0, newline).toString('utf8')) as BackupHeader
      if (!header.ok) return reject(new Error(`the server could not make the backup: ${header.error}`))
      const archive = all.subarray(newline + 1)
      if (archive.length !== header.bytes) {
        return reject(new Error(`the copy arrived incomplete (${archive.length} of ${header.bytes} bytes)`))
      }
      resolve({ manifest: header.manifest, archive })
    })
  })
}

function answer(socket: net.Socket, header: BackupHeader, body?: Buffer): void {
  socket.write(`${JSON.stringify(header)}\n`)
  if (body) socket.write(body)
  socket.end()
}

function parseCommand(line: string): string | undefined {
  try {
    return (JSON.parse(line) as { command?: string }).command
  } catch {
    return undefined
  }
}

function readFirstLine(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const newline = text.indexOf('\n')
      if (newline >= 0) {
        socket.off('data', onData)
        resolve(text.slice(0, newline))
      } else if (text.length > 1024) {
        reject(new Error('command too long'))
      }
    }
    socket.on('data', onData)
    socket.once('end', () => reject(new Error('no command')))
  })
}
