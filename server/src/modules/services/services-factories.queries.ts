import type { Insertable } from 'kysely'
import type { Tx } from '../../kernel/db/database'
import type { ApplicationsTable } from './services.tables'

/** The SQL of the test factories (services.factories.ts): an application put straight in a state. */
export async function insertApplicationRow(tx: Tx, values: Insertable<ApplicationsTable>): Promise<string> {
  const row = await tx.insertInto('applications').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}
