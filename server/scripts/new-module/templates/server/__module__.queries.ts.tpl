import type { Updateable } from 'kysely'
import { sql } from 'kysely'
import type { CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { {{casesPascal}}Table } from './{{module}}.tables'

/** All the SQL of {{module}} (a lint rule keeps it here). */

export type {{casePascal}}Row = NonNullable<Awaited<ReturnType<typeof find{{casePascal}}>>>

/** One {{caseWordsEn}} as its author sees it: only the {{casesWordsEn}} they opened. */
export async function find{{casePascal}}(db: Executor, id: string, createdBy: string) {
  return db
    .selectFrom('{{table}}')
    .selectAll()
    .where('id', '=', id)
    .where('created_by', '=', createdBy)
    .executeTakeFirst()
}

export async function lock{{casePascal}}(tx: Tx, id: string, createdBy: string) {
  return tx
    .selectFrom('{{table}}')
    .selectAll()
    .where('id', '=', id)
    .where('created_by', '=', createdBy)
    .forUpdate()
    .executeTakeFirst()
}

export async function find{{casesPascal}}By(db: Executor, createdBy: string) {
  return db
    .selectFrom('{{table}}')
    .selectAll()
    .where('created_by', '=', createdBy)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute()
}

export async function insert{{casePascal}}(
  tx: Tx,
  values: { enterpriseId: string; createdBy: string; title: string },
): Promise<string> {
  const row = await tx
    .insertInto('{{table}}')
    .values({
      enterprise_id: values.enterpriseId,
      created_by: values.createdBy,
      title: values.title,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function update{{casePascal}}(tx: Tx, id: string, changes: Updateable<{{casesPascal}}Table>) {
  await tx
    .updateTable('{{table}}')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function {{caseCamel}}EventInsert(tx: Tx, {{caseCamel}}Id: string, event: CaseEventRecord) {
  return tx
    .insertInto('{{eventsTable}}')
    .values({
      {{caseSnake}}_id: {{caseCamel}}Id,
      at: new Date(),
      type: event.type,
      actor_user_id: event.actorUserId,
      actor_role: event.actorRole,
      note: event.note,
      note_audience: event.noteAudience,
      data: JSON.stringify(event.data),
      audience: event.audience,
    })
}

export async function insert{{casePascal}}Event(...args: Parameters<typeof {{caseCamel}}EventInsert>): Promise<void> {
  await {{caseCamel}}EventInsert(...args).execute()
}
