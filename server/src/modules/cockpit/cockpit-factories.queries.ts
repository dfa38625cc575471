import crypto from 'node:crypto'
import type { Insertable } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { DB } from '../../kernel/db/schema'

type AppealsTable = DB['appeals']
type RatingsTable = DB['ratings']
type SupervisionCasesTable = DB['supervision_cases']

/**
 * Test rows of the cockpit's factories: appeals, ratings and supervision cases with the columns their
 * moves would have stored (the figures read those columns only). Tests only.
 */
export async function insertAppealRow(
  db: Executor,
  row: Pick<Insertable<AppealsTable>, 'enterprise_id' | 'submitted_by'> & Partial<Insertable<AppealsTable>>,
) {
  const category = await db.selectFrom('appeal_categories').select('code').limit(1).executeTakeFirstOrThrow()
  const inserted = await db
    .insertInto('appeals')
    .values({
      number: `T${crypto.randomBytes(6).toString('hex')}`,
      channel: 'web',
      category_code: category.code,
      tier: 'normal',
      title: '驾驶舱测试诉求',
      body: '驾驶舱测试诉求的内容',
      words: [],
      status: 'handling',
      ...row,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function insertRatingRow(db: Executor, row: Insertable<RatingsTable>) {
  return (await db.insertInto('ratings').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function insertSupervisionRow(db: Executor, row: Insertable<SupervisionCasesTable>) {
  return (await db.insertInto('supervision_cases').values(row).returning('id').executeTakeFirstOrThrow()).id
}
