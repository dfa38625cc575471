import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateModule } from '../scripts/new-module/generate'

/**
 * `npm run new:module` writes a skeleton into a scratch copy of the places it reads and edits (the
 * module and feature folders, the migrations, the two lists). That the skeleton compiles and its
 * tests pass is shown by the module it first wrote (modules/services, see docs/NEW-MODULE.md).
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const LISTS = ['server/src/modules/modules.ts', 'web/src/app/features.ts']
let scratch: string

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'new-module-'))
  for (const dir of ['server/src/modules', 'web/src/features', 'server/migrations'])
    fs.cpSync(path.join(ROOT, dir), path.join(scratch, dir), {
      recursive: true,
      // the folders' names and the migrations are what the generator reads
      filter: (source) => !/\.(ts|tsx|json|css)$/.test(source) || LISTS.some((l) => source.endsWith(l)),
    })
  for (const list of LISTS) fs.cpSync(path.join(ROOT, list), path.join(scratch, list))
})
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }))

const read = (file: string) => fs.readFileSync(path.join(scratch, file), 'utf8')

describe('npm run new:module', () => {
  it('writes the two folders and the migration, and adds one module and one feature to the lists', async () => {
    const written = await generateModule(scratch, { module: 'road-works', case: 'permit', migration: 9001 })
    expect(written).toEqual(
      expect.arrayContaining([
        'server/migrations/9001_road_works_permits.sql',
        'server/src/modules/road-works/road-works.module.ts',
        'server/src/modules/road-works/road-works.errors.ts',
        'server/src/modules/road-works/road-works.tables.ts',
        'server/src/modules/road-works/road-works.schema.ts',
        'server/src/modules/road-works/road-works.routes.ts',
        'server/src/modules/road-works/road-works.service.ts',
        'server/src/modules/road-works/road-works.queries.ts',
        'server/src/modules/road-works/road-works.messages.ts',
        'server/src/modules/road-works/road-works.permissions.ts',
        'server/src/modules/road-works/road-works.test.ts',
        'server/src/modules/road-works/index.ts',
        'server/src/modules/road-works/permit-states.ts',
        'server/src/modules/road-works/permit-states.test.ts',
        'server/src/modules/road-works/permit-action.ts',
        'web/src/features/road-works/feature.ts',
        'web/src/features/road-works/road-works.api.ts',
        'web/src/features/road-works/messages.zh-CN.json',
        'web/src/features/road-works/messages.en.json',
        'web/src/features/road-works/mobile/MyPermitsPage.tsx',
        ...LISTS,
      ]),
    )
    for (const file of written) expect(read(file), file).not.toMatch(/\{\{|__module__|__case__/)
    expect(read('server/src/modules/road-works/road-works.tables.ts')).toContain(
      'export type PermitEventsTable = CaseEventColumns & { permit_id: string }',
    )
    expect(read('server/src/modules/road-works/road-works.routes.ts')).toContain(
      "path: '/road-works/permits'",
    )
    expect(read(LISTS[0]!)).toMatch(
      /import roadWorks from '\.\/road-works\/road-works\.module'[\s\S]*\n {2}roadWorks,\n\]/,
    )
    expect(read(LISTS[1]!)).toContain("import { roadWorksFeature } from '../features/road-works/feature'")
    expect(read(LISTS[1]!)).toMatch(/\n {2}roadWorksFeature,\n\]/)
    expect(read(LISTS[1]!)).toMatch(/typeof roadWorksMessages\n$/)
    expect(JSON.parse(read('web/src/features/road-works/messages.zh-CN.json'))).toHaveProperty(
      'roadWorks.mine.title',
    )
  })

  it('takes the next free migration number unless told', async () => {
    const numbers = fs.readdirSync(path.join(ROOT, 'server/migrations')).map((f) => Number(f.slice(0, 4)))
    const next = String(Math.max(...numbers) + 1).padStart(4, '0')
    const written = await generateModule(scratch, { module: 'street-markets' })
    expect(written).toContain(`server/migrations/${next}_street_markets_street_markets.sql`)
  })

  it.each([
    [{ module: 'RoadWorks' }, /not a module name/],
    [{ module: 'road_works' }, /not a module name/],
    [{ module: '9lives' }, /not a module name/],
    [{ module: 'appeals' }, /server\/src\/modules\/appeals exists already/],
    [{ module: 'road-works', case: 'Permit' }, /not a case name/],
    [{ module: 'road-works', case: 'appeal' }, /a table appeals exists already/],
    [{ module: 'road-works', case: 'permit', migration: 1 }, /migration 0001 exists already/],
  ])('refuses %o', async (options, message) => {
    await expect(generateModule(scratch, options)).rejects.toThrow(message)
    expect(fs.existsSync(path.join(scratch, 'server/src/modules/road-works'))).toBe(false)
    expect(read(LISTS[0]!)).toBe(fs.readFileSync(path.join(ROOT, LISTS[0]!), 'utf8'))
  })
})
