import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/**
 * Read-only figures of the policies module for the effect evaluation (modules/benefits): which items
 * have ever been published, how many enterprises they match, how many were pushed and opened, and
 * when each enterprise was first found eligible. Other modules call these instead of reading the
 * policy tables themselves.
 */

export type EvaluationItemRow = {
  itemId: string
  code: string
  title: string
  mode: 'no_application' | 'fast_application' | 'standard_application'
  benefitKind: 'amount' | 'formula' | 'service'
  departmentId: string
  departmentName: string | null
  budgetCap: number | null
  policyId: string
  policyTitle: string
  documentNumber: string | null
  policyStatus: string
}

/**
 * Items of policies that have been published at least once (in force, amended, expired or repealed:
 * a repealed policy's payouts still count), as their working copy names them.
 */
export async function findEvaluationItems(
  db: Executor,
  filter: { policyId?: string | undefined; itemIds?: string[] | undefined; departmentIds?: string[] | 'all' },
): Promise<EvaluationItemRow[]> {
  let query = db
    .selectFrom('benefit_items as i')
    .innerJoin('policies as p', 'p.id', 'i.policy_id')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .select([
      'i.id as itemId',
      'i.code',
      'i.title',
      'i.mode',
      'i.benefit_kind as benefitKind',
      'i.department_id as departmentId',
      'd.name as departmentName',
      'i.budget_cap as budgetCap',
      'p.id as policyId',
      'p.title as policyTitle',
      'p.document_number as documentNumber',
      'p.status as policyStatus',
    ])
    .where('p.published_version', 'is not', null)
  if (filter.policyId) query = query.where('p.id', '=', filter.policyId)
  if (filter.itemIds) {
    if (filter.itemIds.length === 0) return []
    query = query.where('i.id', 'in', filter.itemIds)
  }
  if (filter.departmentIds && filter.departmentIds !== 'all') {
    if (filter.departmentIds.length === 0) return []
    query = query.where('i.department_id', 'in', filter.departmentIds)
  }
  return query.orderBy('p.title').orderBy('i.sort_order').orderBy('i.code').execute()
}

/** Eligible / undetermined / ineligible counts of the latest matching run, per item. */
export async function countMatches(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return []
  return db
    .selectFrom('policy_match_counts')
    .select(['item_id as itemId', 'eligible', 'undetermined', 'ineligible'])
    .where('item_id', 'in', itemIds)
    .execute()
}

/** Enterprises told about each item (pushes that were delivered) and how many of them opened it. */
export async function countPushes(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return []
  return db
    .selectFrom('policy_pushes')
    .select([
      'item_id as itemId',
      sql<number>`count(DISTINCT enterprise_id)::int`.as('pushed'),
      sql<number>`(count(DISTINCT enterprise_id) FILTER (WHERE viewed_at IS NOT NULL))::int`.as('viewed'),
    ])
    .where('item_id', 'in', itemIds)
    .where('status', '=', 'notified')
    .groupBy('item_id')
    .execute()
}

/**
 * When each enterprise was first found eligible for each item: its first push (whatever its
 * delivery: a held-back push still dates the eligibility).
 */
export async function findFirstPushes(db: Executor, itemIds: string[], enterpriseIds: string[]) {
  if (itemIds.length === 0 || enterpriseIds.length === 0) return []
  const rows: { itemId: string; enterpriseId: string; firstAt: Date }[] = []
  for (let i = 0; i < enterpriseIds.length; i += 1000) {
    rows.push(
      ...(await db
        .selectFrom('policy_pushes')
        .select([
          'item_id as itemId',
          'enterprise_id as enterpriseId',
          sql<Date>`min(detected_at)`.as('firstAt'),
        ])
        .where('item_id', 'in', itemIds)
        .where('enterprise_id', 'in', enterpriseIds.slice(i, i + 1000))
        .groupBy(['item_id', 'enterprise_id'])
        .execute()),
    )
  }
  return rows
}
