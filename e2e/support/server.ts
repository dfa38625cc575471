import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

export const DEMO_PASSWORD = 'E2e-Demo-Passw0rd!'
const root = path.resolve(import.meta.dirname, '../..')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts the real server (built web app, embedded database in a fresh directory, demo data) the way
 * `npm start` does, and stops it after the journeys.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'web/dist/index.html')))
    throw new Error('Build the web app first: npm run build')
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-e2e-'))
  const log = fs.createWriteStream(path.join(dataDir, 'server.log'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      DEMO_ENTERPRISE_COUNT: '300',
      // every journey's phone signs in from this one address: more than a real address would
      SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '200',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  const baseUrl = `http://127.0.0.1:${port}`
  // a loaded machine (CI beside other work) may take minutes to migrate and seed: wait, then say so
  const startSeconds = Number(process.env.E2E_START_TIMEOUT_S ?? 300)
  const deadline = Date.now() + startSeconds * 1000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: see ${path.join(dataDir, 'server.log')}`)
    try {
      const res = await fetch(`${baseUrl}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within ${startSeconds} s`)
    await new Promise((r) => setTimeout(r, 300))
  }
  project.provide('baseUrl', baseUrl)
  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    // the server's log outlives its data: a failed run in CI can be read afterwards
    fs.mkdirSync(path.join(root, 'e2e/screenshots'), { recursive: true })
    fs.copyFileSync(path.join(dataDir, 'server.log'), path.join(root, 'e2e/screenshots/server.log'))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
