import { CompiledQuery } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createDatabaseFromTemplate, dropDatabase, postgresBaseUrl } from '../../../test/test-database'
import { openPostgres } from './database'
import { preparedQuery } from './prepared'

const base = postgresBaseUrl()

// The embedded database does not name statements (one connection in this process: nothing to save).
describe.skipIf(!base)('marked statements on PostgreSQL (decision 0040)', () => {
  it('are prepared once per connection, and prepared again after a migration changed their table', async () => {
    const created = await createDatabaseFromTemplate(base!)
    // One connection: every query below runs on it.
    const database = await openPostgres(created.url, 1)
    try {
      await database.executeSql('CREATE TABLE prepared_probe (a int)')
      await database.executeSql('INSERT INTO prepared_probe VALUES (1)')
      const select = () =>
        database.db.executeQuery(
          preparedQuery(CompiledQuery.raw('SELECT * FROM prepared_probe WHERE a = $1', [1])),
        )
      const prepared = async () =>
        (await database.executeSql('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n
      expect((await select()).rows).toEqual([{ a: 1 }])
      expect((await select()).rows).toEqual([{ a: 1 }])
      expect(await prepared()).toBe(1)
      // A running node's prepared SELECT * fails once after a column is added, then is prepared anew.
      await database.executeSql('ALTER TABLE prepared_probe ADD COLUMN b int')
      await expect(select()).rejects.toMatchObject({ code: '0A000' })
      expect((await select()).rows).toEqual([{ a: 1, b: null }])
      expect(await prepared()).toBe(2)
      // Unmarked statements stay unnamed.
      await database.db.executeQuery(CompiledQuery.raw('SELECT a FROM prepared_probe', []))
      expect(await prepared()).toBe(2)
    } finally {
      await database.close()
      await dropDatabase(base!, created.name)
    }
  })
})
