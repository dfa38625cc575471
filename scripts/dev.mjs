// npm run dev — the API and the web app for development, in one command:
//   the API with reload (tsx watch: restarts when server code or a migration changes), on PORT
//   (default 3000), with the embedded database in DATA_DIR (default ./data) or DATABASE_URL;
//   the web dev server (Vite, hot reload) on WEB_PORT (default 5173), sending /api to the API.
// Open the web dev server's address. Output is prefixed [api] / [web]; Ctrl-C stops both.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import readline from 'node:readline'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const bin = (pkg, file, from) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [from] })), file)

const apiPort = process.env.PORT ?? '3000'
const webPort = process.env.WEB_PORT ?? '5173'
const tty = Boolean(process.stdout.isTTY)
const webUrl = `http://localhost:${webPort}`

const children = [
  start(
    'api',
    '\x1b[36m',
    [
      bin('tsx', 'dist/cli.mjs', path.join(root, 'server')),
      'watch',
      '--clear-screen=false',
      // Migrations are read at start, not imported: a new or edited one restarts the API too.
      '--include',
      'server/migrations/*.sql',
      'server/src/main.ts',
    ],
    {
      cwd: root,
      env: {
        PORT: apiPort,
        // The address people open in development is the web dev server's (banner, Open311 links).
        PUBLIC_URL: process.env.PUBLIC_URL ?? webUrl,
        ...(tty && !process.env.LOG_FORMAT ? { LOG_FORMAT: 'pretty' } : {}),
      },
    },
  ),
  start(
    'web',
    '\x1b[35m',
    [bin('vite', 'bin/vite.js', path.join(root, 'web')), '--port', webPort, '--strictPort'],
    {
      cwd: path.join(root, 'web'),
      env: { YINGSHANG_API_URL: `http://localhost:${apiPort}` },
    },
  ),
]
console.log(
  `\n  npm run dev: open ${webUrl}/ (staff console ${webUrl}/staff); the API listens on :${apiPort}\n`,
)

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c) : null))).then(() =>
    process.exit(code),
  )
}
// The children run in process groups of their own (detached), so Ctrl-C reaches only this process and
// each child is told once: tsx watch then stops the API the way SIGTERM does (the database closed, the
// data directory's lock released).
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')))

function start(name, color, args, { cwd, env }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...(tty ? { FORCE_COLOR: '1' } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const prefix = tty ? `${color}[${name}]\x1b[0m ` : `[${name}] `
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => console.log(prefix + line))
  }
  child.on('exit', (code, signal) => {
    if (stopping) return
    // Either one gone means the setup is broken (a port taken, a crash of the watcher): stop both.
    console.log(`${prefix}stopped (${signal ?? `exit ${code}`}); stopping the other`)
    stop(code || 1)
  })
  return child
}

function once(child) {
  return new Promise((resolve) => child.once('exit', resolve))
}
