import type { Executor } from '../../kernel/db/database'

/** What decides who may see an appeal, beyond its assignments. */

/** The enterprises a user acts for: what an enterprise user may see of appeals. */
export async function findEnterpriseIdsOfMember(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enterprise_members')
    .select('enterprise_id')
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.enterprise_id)
}
