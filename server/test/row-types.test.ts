import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness'

/**
 * Row types are written by hand beside each module's queries (`<module>.tables.ts`, the kernel's in
 * kernel/db/schema.ts) and merged into one `DB` interface. This test reads that interface with the
 * TypeScript compiler and compares it with the migrated database, table by table and column by
 * column, so a migration without its row type (or a row type without its migration) fails `npm test`.
 */
const SRC = path.resolve(import.meta.dirname, '../src')
const SCHEMA = path.join(SRC, 'kernel/db/schema.ts')
/** Tables the app never reads through Kysely's types: the migration runner's own bookkeeping. */
const UNTYPED = new Set(['schema_migrations'])

function typedTables(): Map<string, string[]> {
  const modules = path.join(SRC, 'modules')
  const tableFiles = fs
    .readdirSync(modules)
    .map((m) => path.join(modules, m, `${m}.tables.ts`))
    .filter((f) => fs.existsSync(f))
  const program = ts.createProgram([SCHEMA, ...tableFiles], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  })
  const checker = program.getTypeChecker()
  const file = program.getSourceFile(SCHEMA)!
  const declaration = file.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB',
  )!
  const db = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name)!)
  const tables = new Map<string, string[]>()
  for (const table of checker.getPropertiesOfType(db)) {
    const rowType = checker.getTypeOfSymbol(table)
    tables.set(
      table.name,
      checker
        .getPropertiesOfType(rowType)
        .map((c) => c.name)
        .sort(),
    )
  }
  return tables
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('row types', () => {
  it('match the migrated database: every table, every column', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(t.deps.db)
    const migrated = new Map<string, string[]>()
    for (const r of rows)
      if (!UNTYPED.has(r.table_name))
        migrated.set(r.table_name, [...(migrated.get(r.table_name) ?? []), r.column_name])
    const typed = typedTables()
    expect(typed.size).toBeGreaterThan(50) // the modules' files were merged in
    const differences: string[] = []
    for (const [table, columns] of migrated) {
      const declared = typed.get(table)
      if (!declared) differences.push(`${table}: in the database, no row type`)
      else {
        const sorted = [...columns].sort()
        for (const c of sorted)
          if (!declared.includes(c)) differences.push(`${table}.${c}: no field in the row type`)
        for (const c of declared)
          if (!sorted.includes(c)) differences.push(`${table}.${c}: not in the database`)
      }
    }
    for (const table of typed.keys())
      if (!migrated.has(table)) differences.push(`${table}: row type, no table`)
    expect(differences).toEqual([])
  })
})
