import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/** The market-regulation registry as imported (enterprise_registry), and membership grants from claims. */

export type RegistryRecord = {
  uscc: string
  name: string
  legalRepresentative: string
  legalRepresentativePhone: string | null
}

export async function findRegistryRecord(db: Executor, uscc: string) {
  return db.selectFrom('enterprise_registry').selectAll().where('uscc', '=', uscc).executeTakeFirst()
}

export async function findRegistryRecords(db: Executor, usccs: string[]) {
  if (usccs.length === 0) return []
  return db.selectFrom('enterprise_registry').selectAll().where('uscc', 'in', usccs).execute()
}

/** Inserts or replaces the records; answers how many changed anything (a re-import changes nothing). */
export async function upsertRegistryRecords(
  tx: Tx,
  records: RegistryRecord[],
  importId: string | null,
): Promise<number> {
  let changed = 0
  for (let i = 0; i < records.length; i += 500) {
    const batch = records.slice(i, i + 500)
    const result = await tx
      .insertInto('enterprise_registry')
      .values(
        batch.map((r) => ({
          uscc: r.uscc,
          name: r.name,
          legal_representative: r.legalRepresentative,
          legal_representative_phone: r.legalRepresentativePhone,
          import_id: importId,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('uscc')
          .doUpdateSet({
            name: sql`excluded.name`,
            legal_representative: sql`excluded.legal_representative`,
            legal_representative_phone: sql`excluded.legal_representative_phone`,
            import_id: sql`excluded.import_id`,
            updated_at: sql`now()`,
          })
          .where(
            sql<boolean>`(enterprise_registry.name, enterprise_registry.legal_representative, enterprise_registry.legal_representative_phone)
              IS DISTINCT FROM (excluded.name, excluded.legal_representative, excluded.legal_representative_phone)`,
          ),
      )
      .executeTakeFirst()
    changed += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return changed
}

export async function findManagerIds(db: Executor, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enterprise_members')
    .select('user_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('role', '=', 'manager')
    .execute()
  return rows.map((r) => r.user_id)
}

/** A membership from a claim: added, or a member's role raised to what was granted (never lowered). */
export async function grantMembership(
  tx: Tx,
  row: { enterpriseId: string; userId: string; role: 'manager' | 'agent'; grantedBy: string | null },
): Promise<void> {
  await tx
    .insertInto('enterprise_members')
    .values({ enterprise_id: row.enterpriseId, user_id: row.userId, role: row.role, added_by: row.grantedBy })
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'user_id']).doUpdateSet({
        role: sql`CASE WHEN enterprise_members.role = 'manager' THEN 'manager' ELSE excluded.role END`,
      }),
    )
    .execute()
}

export async function findEnterpriseIdentity(db: Executor, uscc: string) {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc'])
    .where('uscc', '=', uscc)
    .executeTakeFirst()
}

export async function findMemberRole(db: Executor, enterpriseId: string, userId: string) {
  const row = await db
    .selectFrom('enterprise_members')
    .select('role')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.role ?? null
}
