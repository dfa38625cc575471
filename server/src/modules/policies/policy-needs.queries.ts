import type { Executor } from '../../kernel/db/database'

// Subscriptions: the topics an enterprise wants to hear about, and whether it wants pushes at all

export async function findSubscriptions(db: Executor, enterpriseIds: string[]) {
  const rows: { enterprise_id: string; topics: string[]; is_push_enabled: boolean }[] = []
  for (let i = 0; i < enterpriseIds.length; i += 5000) {
    const ids = enterpriseIds.slice(i, i + 5000)
    rows.push(
      ...(await db
        .selectFrom('policy_subscriptions')
        .select(['enterprise_id', 'topics', 'is_push_enabled'])
        .where('enterprise_id', 'in', ids)
        .execute()),
    )
  }
  return rows
}

export async function findSubscription(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('policy_subscriptions')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst()
}

export async function upsertSubscription(
  tx: Executor,
  enterpriseId: string,
  topics: string[],
  isPushEnabled: boolean,
) {
  await tx
    .insertInto('policy_subscriptions')
    .values({ enterprise_id: enterpriseId, topics, is_push_enabled: isPushEnabled, updated_at: new Date() })
    .onConflict((oc) =>
      oc
        .column('enterprise_id')
        .doUpdateSet({ topics, is_push_enabled: isPushEnabled, updated_at: new Date() }),
    )
    .execute()
}

// Needs (企业点菜)

export async function insertNeed(
  tx: Executor,
  row: { enterpriseId: string; topic: string; text: string; by: string },
) {
  return tx
    .insertInto('enterprise_needs')
    .values({ enterprise_id: row.enterpriseId, topic: row.topic, text: row.text, created_by: row.by })
    .returningAll()
    .executeTakeFirstOrThrow()
}

function needsQuery(db: Executor) {
  return db
    .selectFrom('enterprise_needs as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .selectAll('n')
    .select(['e.name as enterprise_name', 'e.division_code'])
}

export type NeedRow = Awaited<ReturnType<ReturnType<typeof needsQuery>['execute']>>[number]

export async function findNeedsOf(db: Executor, enterpriseId: string) {
  return needsQuery(db)
    .where('n.enterprise_id', '=', enterpriseId)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute()
}

export async function findNeed(db: Executor, id: string) {
  return needsQuery(db).where('n.id', '=', id).executeTakeFirst()
}

export async function findNeeds(
  db: Executor,
  filter: { topic?: string | undefined; divisionCode?: string | undefined; status?: string | undefined },
  page: { limit: number; offset: number },
) {
  let query = needsQuery(db)
  if (filter.topic) query = query.where('n.topic', '=', filter.topic)
  if (filter.divisionCode) query = query.where('e.division_code', '=', filter.divisionCode)
  if (filter.status) query = query.where('n.status', '=', filter.status as 'open')
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query.orderBy('n.created_at', 'desc').limit(page.limit).offset(page.offset).execute()
  return { rows, total: Number(total.n) }
}

/** Demand signals: needs grouped by topic, by district, and by both. */
export async function countNeeds(db: Executor) {
  return db
    .selectFrom('enterprise_needs as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .select(['n.topic', 'e.division_code'])
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('n.id').filterWhere('n.status', '=', 'open').as('open'),
    ])
    .groupBy(['n.topic', 'e.division_code'])
    .execute()
}

export async function answerNeed(
  tx: Executor,
  id: string,
  row: { answer: string; by: string; close: boolean },
) {
  return tx
    .updateTable('enterprise_needs')
    .set({
      answer: row.answer,
      answered_by: row.by,
      answered_at: new Date(),
      status: row.close ? 'closed' : 'answered',
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}
