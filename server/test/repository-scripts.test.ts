import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Every npm script that runs a file of ours names a file that exists (`npm run dev` once named a
 * script nobody had written), and every `npm run x` / `npm run x -w w` names a script that exists.
 */
const root = path.resolve(import.meta.dirname, '../..')
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))
const rootPackage = readJson(path.join(root, 'package.json'))
const workspaces: string[] = rootPackage.workspaces
type Package = { dir: string; scripts: Record<string, string> }
const packages: Package[] = [
  { dir: root, scripts: rootPackage.scripts as Record<string, string> },
  ...workspaces.map((w) => ({
    dir: path.join(root, w),
    scripts: readJson(path.join(root, w, 'package.json')).scripts,
  })),
]
const scriptsOf = (dir: string) => packages.find((p) => p.dir === dir)?.scripts ?? {}

describe('npm scripts', () => {
  for (const { dir, scripts } of packages) {
    for (const [name, command] of Object.entries(scripts)) {
      it(`${path.relative(root, dir) || '.'}: "${name}" names only files and scripts that exist`, () => {
        for (const step of command.split('&&').map((s) => s.trim())) {
          const [tool, first, ...rest] = step.split(/\s+/)
          if ((tool === 'node' || tool === 'tsx') && first && !first.startsWith('-')) {
            expect(fs.existsSync(path.join(dir, first)), `${step}: ${first} does not exist`).toBe(true)
          }
          if (tool === 'npm' && (first === 'run' || first === 'test')) {
            const script = first === 'test' ? 'test' : rest[0]!
            const workspace = rest[rest.indexOf('-w') + 1]
            const target = rest.includes('-w') ? path.join(root, workspace!) : dir
            expect(scriptsOf(target), `${step}: no script "${script}"`).toHaveProperty([script])
          }
        }
      })
    }
  }
})
