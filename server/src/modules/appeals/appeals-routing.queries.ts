import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/** What routing learns from and what it suggests among. */

/** Past dispatches the department kept (signed for, never returned): what routing learns from. */
export async function findRoutingExamples(db: Executor, limit: number) {
  return db
    .selectFrom('appeal_assignments as s')
    .innerJoin('appeals as a', 'a.id', 's.appeal_id')
    .select(['a.words', 'a.category_code', 's.department_id'])
    .where('s.role', '=', 'lead')
    .where('s.signed_at', 'is not', null)
    .where('s.returned_at', 'is', null)
    .orderBy('s.dispatched_at', 'desc')
    .limit(limit)
    .execute()
}

export async function saveRoutingModel(db: Executor, model: unknown, examples: number): Promise<void> {
  await db
    .insertInto('appeal_routing_model')
    .values({ id: 1, trained_at: new Date(), examples, model: JSON.stringify(model) })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ trained_at: new Date(), examples, model: JSON.stringify(model) }),
    )
    .execute()
}

export async function findRoutingModel(db: Executor) {
  return db.selectFrom('appeal_routing_model').selectAll().where('id', '=', 1).executeTakeFirst()
}

/**
 * Departments an appeal can be dispatched to, with the names routing recognises, and whether the
 * unit receives every appeal (the bureau and the units under it).
 */
export async function findRoutableDepartments(db: Executor) {
  return db
    .selectFrom('departments as d')
    .leftJoin('departments as p', 'p.id', 'd.parent_id')
    .select(['d.id', 'd.name', 'd.short_name', 'd.recognised_names'])
    .select(sql<boolean>`d.is_bureau OR coalesce(p.is_bureau, false)`.as('is_recipient'))
    .where('d.is_active', '=', true)
    .where('d.kind', 'in', ['department', 'district', 'division'])
    .orderBy('d.sort_order')
    .execute()
}

/** The city's root unit (大连市人民政府): routing takes the city's name off department names. */
export async function findCityRoot(db: Executor) {
  return db.selectFrom('departments').select(['id', 'name']).where('kind', '=', 'city').executeTakeFirst()
}

/** Every category with its default department and keywords, retired ones too (old appeals keep them). */
export async function findRoutingCategories(db: Executor) {
  return db
    .selectFrom('appeal_categories')
    .select(['code', 'name', 'name_en', 'default_department_id', 'keywords', 'is_active'])
    .execute()
}
