import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/** The catalogue of categories and the appeal settings an administrator keeps. */

export async function findCategories(db: Executor, activeOnly: boolean) {
  let q = db.selectFrom('appeal_categories').selectAll()
  if (activeOnly) q = q.where('is_active', '=', true)
  return q.orderBy('sort_order').execute()
}

export async function findCategory(db: Executor, code: string) {
  return db.selectFrom('appeal_categories').selectAll().where('code', '=', code).executeTakeFirst()
}

/** When an administrator last changed the catalogue (its audit rows), or null if never since set-up. */
export async function findCatalogueChangedAt(db: Executor): Promise<Date | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('at')
    .where('entity_type', '=', 'appeal_category')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.at ?? null
}

/** keywords undefined: a new category gets none, an existing one keeps its own. */
export async function upsertCategory(
  db: Executor,
  row: {
    code: string
    name: string
    name_en: string
    default_department_id: string | null
    default_tier: 'urgent' | 'fast' | 'normal' | 'complex'
    is_active: boolean
    sort_order: number
    keywords: string[] | undefined
  },
) {
  const { keywords, ...fields } = row
  return db
    .insertInto('appeal_categories')
    .values({ ...fields, keywords: keywords ?? [] })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: row.name,
        name_en: row.name_en,
        default_department_id: row.default_department_id,
        default_tier: row.default_tier,
        is_active: row.is_active,
        sort_order: row.sort_order,
        // a catalogue saved before keywords existed gets an empty list, never NULL (the seed's mark)
        keywords: keywords ?? sql<string[]>`coalesce(appeal_categories.keywords, '{}')`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findSettingsRow(db: Executor) {
  return db.selectFrom('appeal_settings').selectAll().where('id', '=', 1).executeTakeFirst()
}

export async function upsertSettings(
  db: Executor,
  settings: unknown,
  userId: string | null,
  expectedVersion: number | null,
) {
  if (expectedVersion === null) {
    return db
      .insertInto('appeal_settings')
      .values({ settings: JSON.stringify(settings), updated_by: userId })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('version')
      .executeTakeFirst()
  }
  return db
    .updateTable('appeal_settings')
    .set({
      settings: JSON.stringify(settings),
      updated_by: userId,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst()
}
