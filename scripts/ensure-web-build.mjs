// `npm start` serves the built web app: build it when web/dist is missing or older than the sources.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'web/dist/index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

const builtAt = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0
const sources = ['web/src', 'web/index.html', 'server/src/shared']
  .map((p) => path.join(root, p))
  .filter((p) => fs.existsSync(p))
const changedAt = Math.max(
  ...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)),
)
if (builtAt < changedAt) {
  console.log(
    builtAt ? 'The web app changed since it was built: building it…' : 'Building the web app (first start)…',
  )
  execSync('npm run build -w web', { cwd: root, stdio: 'inherit' })
}
