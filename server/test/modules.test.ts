import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { declaredErrorCodes } from '../src/kernel/errors'
import { allMessages } from '../src/kernel/i18n'
import { MODULES } from '../src/modules/modules'

/**
 * The app is built from the list of modules (docs/decisions/0036): each folder under modules/ has an
 * entry file on the list, and every error code the code throws is declared by the kernel or a module
 * on the list — so a code can never answer 500 because its module's errors file was not loaded.
 */
const SRC = path.resolve(import.meta.dirname, '../src')
const MODULES_DIR = path.join(SRC, 'modules')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

describe('modules', () => {
  it('every folder under modules/ has an entry file, and every entry is on the list once', () => {
    const folders = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
    for (const folder of folders)
      expect(fs.existsSync(path.join(MODULES_DIR, folder, `${folder}.module.ts`)), folder).toBe(true)
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders)
  })

  it("a module's errors file is declared in its entry", () => {
    for (const module of MODULES) {
      const file = path.join(MODULES_DIR, module.name, `${module.name}.errors.ts`)
      expect(Boolean(module.errors), module.name).toBe(fs.existsSync(file))
    }
  })

  it('every code thrown anywhere is declared, with a status and a message in both languages', () => {
    expect(MODULES.length).toBeGreaterThan(0) // the list is loaded: every module's codes registered
    const thrown = new Set<string>()
    for (const file of sourceFiles(SRC))
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([A-Z0-9_]+)'/g))
        thrown.add(match[1]!)
    expect(thrown.size).toBeGreaterThan(50)
    const declared = declaredErrorCodes()
    expect([...thrown].filter((code) => !declared.has(code))).toEqual([])
    for (const [code, status] of declared) {
      expect(status >= 400 && status < 600, code).toBe(true)
      expect(allMessages('zh-CN')[`errors.${code}`], code).toBeTruthy()
      expect(allMessages('en')[`errors.${code}`], code).toBeTruthy()
    }
  })

  it('the kernel imports no module', () => {
    const offenders = sourceFiles(path.join(SRC, 'kernel')).filter((file) =>
      /from '(\.\.\/)+modules\//.test(fs.readFileSync(file, 'utf8')),
    )
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([])
  })
})
