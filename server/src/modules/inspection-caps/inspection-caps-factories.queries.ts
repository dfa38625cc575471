import type { Insertable } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { DB } from '../../kernel/db/schema'

/**
 * Test data for inspection caps (inspection-caps.factories.ts), written straight into the tables:
 * a credit tier as the market-regulation data gives it, a published item, an inspection row as
 * planning would have written it. Only tests reach these.
 */

export async function insertCreditTier(db: Executor, enterpriseId: string, tier: string) {
  const fact = await db
    .insertInto('enterprise_facts')
    .values({
      enterprise_id: enterpriseId,
      fact_key: 'creditTier',
      value: JSON.stringify(tier),
      source: 'market_regulation',
      is_verified: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('enterprise_fact_values')
    .values({
      enterprise_id: enterpriseId,
      fact_key: 'creditTier',
      value_text: tier,
      period: '',
      source: 'market_regulation',
      is_verified: true,
      fact_id: fact.id,
      change_seq: 0,
    })
    .execute()
}

export async function insertPublishedItem(db: Executor, p: { code: string; departmentId: string; at: Date }) {
  return db
    .insertInto('inspection_items')
    .values({
      code: p.code,
      name: '特种设备使用单位监督检查',
      department_id: p.departmentId,
      basis: '《中华人民共和国特种设备安全法》第五十七条',
      status: 'published',
      published_at: p.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function insertInspectionRow(
  db: Executor,
  row: Insertable<DB['inspections']>,
  itemIds: string[],
) {
  const inserted = await db.insertInto('inspections').values(row).returningAll().executeTakeFirstOrThrow()
  if (itemIds.length)
    await db
      .insertInto('inspection_item_links')
      .values(itemIds.map((item_id) => ({ inspection_id: inserted.id, item_id })))
      .execute()
  return inserted
}
