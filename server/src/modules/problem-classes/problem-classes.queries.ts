import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { ProblemClassStatus, ProblemItemSource } from './problem-classes.tables'

/** All SQL of problem classes: clustering runs, proposals, classes, their cases, tasks and outputs. */

const NONE = '00000000-0000-0000-0000-000000000000'

// ---------- what a clustering run reads ----------

/**
 * The month's appeals with their stored words and the department leading each (merged duplicates
 * are left out: their original stands for them), in a fixed order.
 */
export async function findAppealsToCluster(db: Executor, range: { from: Date; to: Date }) {
  return db
    .selectFrom('appeals as a')
    .leftJoin('appeal_assignments as l', (j) =>
      j.onRef('l.appeal_id', '=', 'a.id').on('l.role', '=', 'lead').on('l.is_current', '=', true),
    )
    .select(['a.id', 'a.title', 'a.words', 'a.enterprise_id', 'l.department_id'])
    .where('a.created_at', '>=', range.from)
    .where('a.created_at', '<', range.to)
    .where('a.merged_into', 'is', null)
    .orderBy('a.id')
    .execute()
}

/** The month's bad ratings (差评, level ≤ 2) with something said, not excluded, and an appeal's title where they rate one. */
export async function findBadRatingsToCluster(db: Executor, range: { from: Date; to: Date }) {
  return db
    .selectFrom('ratings as r')
    .leftJoin('appeals as a', (j) => j.onRef('a.id', '=', 'r.subject_id').on('r.subject_type', '=', 'appeal'))
    .select([
      'r.id',
      'r.subject_type',
      'r.subject_id',
      'r.comment',
      'r.enterprise_id',
      'r.department_id',
      'a.id as appeal_id',
      'a.title as appeal_title',
    ])
    .where('r.rated_at', '>=', range.from)
    .where('r.rated_at', '<', range.to)
    .where('r.level', '<=', 2)
    .where('r.excluded_at', 'is', null)
    .where('r.comment', 'is not', null)
    .orderBy('r.id')
    .execute()
}

// ---------- runs ----------

export async function insertRun(tx: Tx, row: { month: string; requestedBy: string | null }) {
  return tx
    .insertInto('problem_clustering_runs')
    .values({ month: row.month, requested_by: row.requestedBy })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findRun(db: Executor, id: string) {
  return db.selectFrom('problem_clustering_runs').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A run of the month not yet finished (a second request waits for it rather than queuing another). */
export async function findUnfinishedRun(db: Executor, month: string) {
  return db
    .selectFrom('problem_clustering_runs')
    .selectAll()
    .where('month', '=', month)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()
}

export async function findLatestRun(db: Executor, month: string) {
  return db
    .selectFrom('problem_clustering_runs')
    .selectAll()
    .where('month', '=', month)
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Takes a queued run for this worker; undefined when another took it. */
export async function claimRun(tx: Tx, id: string) {
  return tx
    .updateTable('problem_clustering_runs')
    .set({ status: 'running' })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst()
}

export async function finishRun(
  tx: Tx,
  id: string,
  row: { status: 'done' | 'failed'; itemCount: number; proposalCount: number; failure?: string },
) {
  await tx
    .updateTable('problem_clustering_runs')
    .set({
      status: row.status,
      finished_at: new Date(),
      item_count: row.itemCount,
      proposal_count: row.proposalCount,
      failure: row.failure ?? null,
    })
    .where('id', '=', id)
    .execute()
}

/** The open proposals of earlier runs of the month give way to the new run's. */
export async function dismissOpenProposalsOfMonth(tx: Tx, month: string, exceptRunId: string) {
  await tx
    .updateTable('problem_proposals')
    .set({ status: 'dismissed', decided_at: new Date() })
    .where('month', '=', month)
    .where('status', '=', 'open')
    .where('run_id', '<>', exceptRunId)
    .execute()
}

// ---------- proposals ----------

export type ItemValues = {
  source: ProblemItemSource
  appealId: string | null
  ratingId: string | null
  subjectType: string | null
  subjectId: string | null
  enterpriseId: string | null
  departmentId: string | null
  title: string
}

const itemColumns = (item: ItemValues) => ({
  source: item.source,
  appeal_id: item.appealId,
  rating_id: item.ratingId,
  subject_type: item.subjectType,
  subject_id: item.subjectId,
  enterprise_id: item.enterpriseId,
  department_id: item.departmentId,
  title: item.title.slice(0, 200),
})

/** Inserts proposals and their cases, a few thousand rows per statement. */
export async function insertProposals(
  tx: Tx,
  runId: string,
  month: string,
  proposals: { rank: number; topWords: string[]; departmentIds: string[]; items: ItemValues[] }[],
) {
  const CHUNK = 2000
  for (let i = 0; i < proposals.length; i += 500) {
    const slice = proposals.slice(i, i + 500)
    const ids = await tx
      .insertInto('problem_proposals')
      .values(
        slice.map((p) => ({
          run_id: runId,
          month,
          rank: p.rank,
          top_words: p.topWords,
          size: p.items.length,
          department_ids: p.departmentIds,
        })),
      )
      .returning(['id', 'rank'])
      .execute()
    const idOf = new Map(ids.map((r) => [r.rank, r.id]))
    const rows = slice.flatMap((p) =>
      p.items.map((item) => ({ proposal_id: idOf.get(p.rank)!, ...itemColumns(item) })),
    )
    for (let j = 0; j < rows.length; j += CHUNK)
      await tx
        .insertInto('problem_proposal_items')
        .values(rows.slice(j, j + CHUNK))
        .execute()
  }
}

export async function findProposals(
  db: Executor,
  filter: { month: string; status?: 'open' | 'accepted' | 'dismissed' | undefined },
  page: { limit: number; offset: number },
) {
  let q = db.selectFrom('problem_proposals').where('month', '=', filter.month)
  if (filter.status) q = q.where('status', '=', filter.status)
  const counted = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = await q
    .selectAll()
    .orderBy('size', 'desc')
    .orderBy('rank')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { items, total: Number(counted.n) }
}

export async function findProposal(db: Executor, id: string) {
  return db.selectFrom('problem_proposals').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function lockProposals(tx: Tx, ids: string[]) {
  if (ids.length === 0) return []
  return tx
    .selectFrom('problem_proposals')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute()
}

export async function decideProposals(
  tx: Tx,
  ids: string[],
  row: { status: 'accepted' | 'dismissed'; classId: string | null; by: string },
) {
  await tx
    .updateTable('problem_proposals')
    .set({ status: row.status, class_id: row.classId, decided_by: row.by, decided_at: new Date() })
    .where('id', 'in', ids)
    .execute()
}

/** The cases of proposals, with their department's name; at most `perProposal` each (the largest show their first). */
export async function findProposalItems(db: Executor, proposalIds: string[], perProposal = 1000) {
  if (proposalIds.length === 0) return []
  return db
    .selectFrom('problem_proposal_items as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .leftJoin('appeals as a', 'a.id', 'i.appeal_id')
    .selectAll('i')
    .select(['d.name as department_name', 'a.number as appeal_number'])
    .where('i.proposal_id', 'in', proposalIds)
    .where(
      sql<boolean>`i.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY proposal_id ORDER BY source, title, id) AS n
        FROM problem_proposal_items WHERE proposal_id IN (${sql.join(proposalIds)})) x WHERE n <= ${perProposal})`,
    )
    .orderBy('i.source')
    .orderBy('i.title')
    .orderBy('i.id')
    .execute()
}

export async function findDepartmentNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function departmentExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst())
}

export async function policyExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('policies').select('id').where('id', '=', id).executeTakeFirst())
}

// ---------- classes ----------

export async function insertClass(
  tx: Tx,
  row: { name: string; description: string | null; topWords: string[]; createdBy: string },
) {
  return tx
    .insertInto('problem_classes')
    .values({
      name: row.name,
      description: row.description,
      top_words: row.topWords,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Copies the cases of proposals into a class, each appeal or rating once, leaving out `except`. */
export async function copyProposalItems(tx: Tx, classId: string, proposalIds: string[], except: string[]) {
  await sql`
    INSERT INTO problem_class_items (class_id, source, appeal_id, rating_id, subject_type, subject_id, enterprise_id, department_id, title)
    SELECT DISTINCT ON (coalesce(rating_id, appeal_id)) ${classId}::uuid, source, appeal_id, rating_id, subject_type, subject_id, enterprise_id, department_id, title
    FROM problem_proposal_items
    WHERE proposal_id IN (${sql.join(proposalIds)})
      AND id NOT IN (${sql.join(except.length ? except : [NONE])})
    ORDER BY coalesce(rating_id, appeal_id), id`.execute(tx)
}

function classQuery(db: Executor) {
  return db
    .selectFrom('problem_classes as c')
    .leftJoin('departments as d', 'd.id', 'c.owner_department_id')
    .selectAll('c')
    .select('d.name as owner_department_name')
    .select((eb) =>
      eb
        .selectFrom('problem_class_items as i')
        .whereRef('i.class_id', '=', 'c.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('item_count'),
    )
}

export type ClassRow = NonNullable<Awaited<ReturnType<typeof findClass>>>

export async function findClass(db: Executor, id: string) {
  return classQuery(db).where('c.id', '=', id).executeTakeFirst()
}

export async function lockClass(tx: Tx, id: string) {
  return tx.selectFrom('problem_classes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/**
 * Classes newest first. `departmentIds` null: every class (the bureau); otherwise only monthly or
 * closed classes the departments own or hold a task of.
 */
export async function findClasses(
  db: Executor,
  filter: { status?: ProblemClassStatus | undefined; departmentIds: string[] | null },
  page: { limit: number; offset: number },
) {
  let q = classQuery(db)
  if (filter.status) q = q.where('c.status', '=', filter.status)
  if (filter.departmentIds) {
    const ids = filter.departmentIds.length ? filter.departmentIds : [NONE]
    q = q
      .where('c.status', 'in', ['monthly', 'closed'])
      .where((eb) =>
        eb.or([
          eb('c.owner_department_id', 'in', ids),
          eb.exists(
            eb
              .selectFrom('problem_class_tasks as t')
              .whereRef('t.class_id', '=', 'c.id')
              .where('t.owner_department_id', 'in', ids)
              .select('t.id'),
          ),
        ]),
      )
  }
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await q
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { items, total: Number(counted.n) }
}

export async function findClassItems(db: Executor, classId: string) {
  return db
    .selectFrom('problem_class_items as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .leftJoin('appeals as a', 'a.id', 'i.appeal_id')
    .selectAll('i')
    .select(['d.name as department_name', 'a.number as appeal_number'])
    .where('i.class_id', '=', classId)
    .orderBy('i.source')
    .orderBy('i.title')
    .orderBy('i.id')
    .execute()
}

export async function deleteClassItems(tx: Tx, classId: string, itemIds: string[]): Promise<number> {
  if (itemIds.length === 0) return 0
  const result = await tx
    .deleteFrom('problem_class_items')
    .where('class_id', '=', classId)
    .where('id', 'in', itemIds)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function bumpClass(
  tx: Tx,
  id: string,
  changes: {
    name?: string
    description?: string | null
    status?: ProblemClassStatus
    monthlyMonth?: string
    ownerDepartmentId?: string
    madeMonthlyAt?: Date
    closedAt?: Date
    closedBy?: string
    closingSummary?: string
  },
) {
  await tx
    .updateTable('problem_classes')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.status && { status: changes.status }),
      ...(changes.monthlyMonth && { monthly_month: changes.monthlyMonth }),
      ...(changes.ownerDepartmentId && { owner_department_id: changes.ownerDepartmentId }),
      ...(changes.madeMonthlyAt && { made_monthly_at: changes.madeMonthlyAt }),
      ...(changes.closedAt && { closed_at: changes.closedAt }),
      ...(changes.closedBy && { closed_by: changes.closedBy }),
      ...(changes.closingSummary && { closing_summary: changes.closingSummary }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

/** The enterprises whose appeals or ratings are in the class: who hears that it is solved. */
export async function findEnterprisesOfClass(db: Executor, classId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('problem_class_items')
    .select('enterprise_id')
    .distinct()
    .where('class_id', '=', classId)
    .where('enterprise_id', 'is not', null)
    .orderBy('enterprise_id')
    .execute()
  return rows.map((r) => r.enterprise_id!)
}

/** The classes an appeal is in (newest first): the appeal's page shows them. */
export async function findClassesOfAppeal(db: Executor, appealId: string) {
  return db
    .selectFrom('problem_class_items as i')
    .innerJoin('problem_classes as c', 'c.id', 'i.class_id')
    .select(['c.id', 'c.name', 'c.status', 'c.monthly_month', 'c.closed_at', 'c.closing_summary'])
    .where('i.appeal_id', '=', appealId)
    .distinct()
    .orderBy('c.id')
    .execute()
}

// ---------- tasks and outputs ----------

export async function insertTask(
  tx: Tx,
  row: { classId: string; title: string; ownerDepartmentId: string; dueOn: string; createdBy: string },
) {
  return tx
    .insertInto('problem_class_tasks')
    .values({
      class_id: row.classId,
      title: row.title,
      owner_department_id: row.ownerDepartmentId,
      due_on: row.dueOn,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function findTasks(db: Executor, classId: string) {
  return db
    .selectFrom('problem_class_tasks as t')
    .leftJoin('departments as d', 'd.id', 't.owner_department_id')
    .leftJoin('users as u', 'u.id', 't.done_by')
    .selectAll('t')
    .select(['d.name as owner_department_name', 'u.display_name as done_by_name'])
    .where('t.class_id', '=', classId)
    .orderBy('t.due_on')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute()
}

export async function lockTask(tx: Tx, classId: string, taskId: string) {
  return tx
    .selectFrom('problem_class_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('class_id', '=', classId)
    .forUpdate()
    .executeTakeFirst()
}

export async function markTaskDone(tx: Tx, taskId: string, row: { by: string; evidence: string }) {
  await tx
    .updateTable('problem_class_tasks')
    .set({ done_at: new Date(), done_by: row.by, evidence: row.evidence })
    .where('id', '=', taskId)
    .execute()
}

export async function countOpenTasks(db: Executor, classId: string): Promise<number> {
  const row = await db
    .selectFrom('problem_class_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertOutput(
  tx: Tx,
  row: {
    classId: string
    policyId: string | null
    reference: string | null
    note: string | null
    createdBy: string
  },
) {
  return tx
    .insertInto('problem_class_outputs')
    .values({
      class_id: row.classId,
      policy_id: row.policyId,
      reference: row.reference,
      note: row.note,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function findOutputs(db: Executor, classId: string) {
  return db
    .selectFrom('problem_class_outputs as o')
    .leftJoin('policies as p', 'p.id', 'o.policy_id')
    .selectAll('o')
    .select('p.title as policy_title')
    .where('o.class_id', '=', classId)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute()
}

// ---------- figures ----------

/** The figures of problem classes over an interval (docs/METRICS.md, "Problem classes"). */
export async function findProblemClassFigures(
  db: Executor,
  range: { from: Date; to: Date; timeZone: string },
) {
  const row = await sql<{
    classes_created: number
    monthly_started: number
    classes_closed: number
    appeals_in_closed: number
    enterprises_told: number
    tasks_due: number
    tasks_done_on_time: number
    median_days_to_close: number | null
  }>`
    SELECT
      (SELECT count(*)::int FROM problem_classes WHERE created_at >= ${range.from} AND created_at < ${range.to}) AS classes_created,
      (SELECT count(*)::int FROM problem_classes WHERE made_monthly_at >= ${range.from} AND made_monthly_at < ${range.to}) AS monthly_started,
      (SELECT count(*)::int FROM problem_classes WHERE status = 'closed' AND closed_at >= ${range.from} AND closed_at < ${range.to}) AS classes_closed,
      (SELECT count(DISTINCT i.appeal_id)::int FROM problem_class_items i JOIN problem_classes c ON c.id = i.class_id
        WHERE c.status = 'closed' AND c.closed_at >= ${range.from} AND c.closed_at < ${range.to}) AS appeals_in_closed,
      (SELECT count(DISTINCT i.enterprise_id)::int FROM problem_class_items i JOIN problem_classes c ON c.id = i.class_id
        WHERE c.status = 'closed' AND c.closed_at >= ${range.from} AND c.closed_at < ${range.to}) AS enterprises_told,
      (SELECT count(*)::int FROM problem_class_tasks
        WHERE due_on >= (${range.from}::timestamptz AT TIME ZONE ${range.timeZone})::date
          AND due_on < (${range.to}::timestamptz AT TIME ZONE ${range.timeZone})::date) AS tasks_due,
      (SELECT count(*)::int FROM problem_class_tasks
        WHERE due_on >= (${range.from}::timestamptz AT TIME ZONE ${range.timeZone})::date
          AND due_on < (${range.to}::timestamptz AT TIME ZONE ${range.timeZone})::date
          AND done_at IS NOT NULL AND (done_at AT TIME ZONE ${range.timeZone})::date <= due_on) AS tasks_done_on_time,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - made_monthly_at) / 86400)
        FROM problem_classes WHERE status = 'closed' AND made_monthly_at IS NOT NULL
          AND closed_at >= ${range.from} AND closed_at < ${range.to}) AS median_days_to_close`.execute(db)
  return row.rows[0]!
}
