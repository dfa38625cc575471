import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/** Published versions: each a snapshot of the policy and its items, and each item's rule versions. */

export async function insertVersion(
  tx: Tx,
  row: {
    policyId: string
    versionNo: number
    snapshot: unknown
    by: string | null
    note: string | null
    preview: unknown
  },
) {
  await tx
    .insertInto('policy_versions')
    .values({
      policy_id: row.policyId,
      version_no: row.versionNo,
      snapshot: JSON.stringify(row.snapshot),
      published_by: row.by,
      note: row.note,
      preview: row.preview === null ? null : JSON.stringify(row.preview),
    })
    .execute()
}

export async function findVersions(db: Executor, policyId: string) {
  return db
    .selectFrom('policy_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.version_no', 'v.published_at', 'v.note', 'v.preview', 'u.display_name as published_by_name'])
    .where('v.policy_id', '=', policyId)
    .orderBy('v.version_no', 'desc')
    .execute()
}

export async function findSnapshot(db: Executor, policyId: string, versionNo: number) {
  return db
    .selectFrom('policy_versions')
    .select('snapshot')
    .where('policy_id', '=', policyId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst()
}

/** The latest published snapshot of every policy in force. */
export async function findInForceSnapshots(db: Executor) {
  return db
    .selectFrom('policies as p')
    .innerJoin('policy_versions as v', (join) =>
      join.onRef('v.policy_id', '=', 'p.id').onRef('v.version_no', '=', 'p.published_version'),
    )
    .select(['p.id', 'p.status', 'v.version_no', 'v.snapshot'])
    .where('p.status', 'in', ['published', 'amended'])
    .execute()
}

/** Changes whenever what is in force could have changed: a publication, a status change, a fact definition. */
export async function findCatalogueStamp(db: Executor): Promise<string> {
  const row = await sql<{ stamp: string }>`
    SELECT concat_ws('|',
      (SELECT max(updated_at)::text FROM policies),
      (SELECT count(*)::text FROM policy_versions),
      (SELECT max(updated_at)::text FROM fact_definitions)) AS stamp`.execute(db)
  return row.rows[0]?.stamp ?? ''
}

export async function findRuleVersions(db: Executor, itemId: string) {
  return db
    .selectFrom('benefit_rule_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('rule_version', 'desc')
    .execute()
}

export async function findLatestRuleVersion(tx: Executor, itemId: string) {
  return tx
    .selectFrom('benefit_rule_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('rule_version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertRuleVersion(
  tx: Tx,
  row: {
    itemId: string
    ruleVersion: number
    conditions: unknown
    amountFormula: string | null
    exclusion: unknown
    effectiveFrom: string | null
    effectiveTo: string | null
    policyVersion: number
  },
) {
  await tx
    .insertInto('benefit_rule_versions')
    .values({
      item_id: row.itemId,
      rule_version: row.ruleVersion,
      conditions: JSON.stringify(row.conditions),
      amount_formula: row.amountFormula,
      exclusion: row.exclusion ? JSON.stringify(row.exclusion) : null,
      effective_from: row.effectiveFrom,
      effective_to: row.effectiveTo,
      policy_version: row.policyVersion,
    })
    .execute()
}

/** The rule version before a new one stops the day before the new one starts. */
export async function closeRuleVersion(tx: Tx, itemId: string, ruleVersion: number, effectiveTo: string) {
  await tx
    .updateTable('benefit_rule_versions')
    .set({ effective_to: effectiveTo })
    .where('item_id', '=', itemId)
    .where('rule_version', '=', ruleVersion)
    .execute()
}

/** In-force policies whose end date has passed: the daily job expires them. */
export async function findPoliciesToExpire(db: Executor, today: string) {
  return db
    .selectFrom('policies')
    .select(['id'])
    .where('status', 'in', ['published', 'amended'])
    .where('effective_to', '<', today)
    .execute()
}
