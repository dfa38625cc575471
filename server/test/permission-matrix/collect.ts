import fs from 'node:fs'
import path from 'node:path'
import type { PermissionRows } from './rows'

const MODULES_DIR = path.resolve(import.meta.dirname, '../../src/modules')

export type ModuleRows = { module: string; rows: PermissionRows }

/** Every module's rows: `modules/<m>/<m>.permissions.ts` for each folder that has one. */
export async function collectPermissionRows(): Promise<ModuleRows[]> {
  const folders = fs
    .readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
  const found: ModuleRows[] = []
  for (const module of folders) {
    const file = path.join(MODULES_DIR, module, `${module}.permissions.ts`)
    if (!fs.existsSync(file)) continue
    const loaded = (await import(file)) as { default: PermissionRows }
    found.push({ module, rows: loaded.default })
  }
  return found
}

/** Endpoints that two modules both claim: each endpoint has one row, in the module that serves it. */
export function claimedTwice(modules: ModuleRows[]): string[] {
  const seen = new Map<string, string>()
  const twice: string[] = []
  for (const { module, rows } of modules)
    for (const endpoint of Object.keys(rows)) {
      const first = seen.get(endpoint)
      if (first) twice.push(`${endpoint}: ${first} and ${module}`)
      else seen.set(endpoint, module)
    }
  return twice
}
