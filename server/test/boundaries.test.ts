import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The boundaries of docs/ARCHITECTURE.md are lint rules (eslint.config.js), not hopes. Each row is
 * a snippet at a path: the rule it must break, or none.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: ROOT })

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse error')
}

const SELECT = `import type { Executor } from '../../kernel/db/database'
export const read = (db: Executor) => db.selectFrom('appeals').selectAll().execute()
`
const RAW = `import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'
export const ping = (db: Executor) => sql\`SELECT 1\`.execute(db)
`

describe('SQL only in queries files', () => {
  it.each([
    ['server/src/modules/appeals/appeals-example.service.ts', SELECT, ['no-restricted-syntax']],
    ['server/src/modules/appeals/appeals-example.service.ts', RAW, ['no-restricted-syntax']],
    ['server/src/kernel/http/example.ts', RAW, ['no-restricted-syntax']],
    ['server/src/modules/appeals/appeals-example.queries.ts', SELECT, []],
    ['server/src/modules/appeals/appeals-example.queries.ts', RAW, []],
    ['server/src/kernel/db/example.ts', RAW, []],
  ])('%s', async (file, code, expected) => {
    expect(await rulesBroken(file, code)).toEqual(expected)
  })
})

describe('a module uses another only through its public file or its contract', () => {
  const importing = (from: string) => `import { x } from '${from}'\nexport const y = x\n`
  it.each([
    ['../enterprises/enterprises.service', ['no-restricted-imports']],
    ['../enterprises/enterprises.queries', ['no-restricted-imports']],
    ['../enterprises', []],
    ['../enterprises/index', []],
    ['../enterprises/enterprises.schema', []],
    ['./appeals-intake.queries', []],
    ['../../kernel/errors', []],
  ])('appeals imports %s', async (from, expected) => {
    expect(
      await rulesBroken('server/src/modules/appeals/appeals-example.service.ts', importing(from)),
    ).toEqual(expected)
  })

  it('tests and test factories may reach into another module', async () => {
    const code = importing('../policies/policies.factories')
    expect(await rulesBroken('server/src/modules/benefits/benefits.factories.ts', code)).toEqual([])
    expect(await rulesBroken('server/src/modules/benefits/example.test.ts', code)).toEqual([])
  })
})
