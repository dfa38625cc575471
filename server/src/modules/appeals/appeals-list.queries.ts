import { sql, type Expression, type SelectQueryBuilder } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import { prepared } from '../../kernel/db/prepared'
import type { DB } from '../../kernel/db/schema'
import type { AppealStatus } from './appeals.tables'

/** Every list of appeals: one summary query, narrowed by the builders below, paged. */

/** States in which the lead department holds the appeal (after a return it is with the task force). */
const LEAD_HOLDS: AppealStatus[] = [
  'dispatched',
  'handling',
  'paused',
  'awaiting_approval',
  'replied',
  'closed',
  'withdrawn',
]

/** One row per appeal for every list: category, enterprise, current lead and the nearest running deadline. */
export function summaryQuery(db: Executor) {
  return (
    db
      .selectFrom('appeals as a')
      .innerJoin('appeal_categories as c', 'c.code', 'a.category_code')
      .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
      // The read model's lead, shown only while the lead holds the appeal (after a return it is with the task force).
      .leftJoin('departments as ld', (join) =>
        join.onRef('ld.id', '=', 'a.lead_department_id').on('a.status', 'in', LEAD_HOLDS),
      )
      .select([
        'a.id',
        'a.number',
        'a.title',
        'a.status',
        'a.channel',
        'a.category_code',
        'c.name as category_name',
        'c.name_en as category_name_en',
        'a.tier',
        'a.hide_identity',
        'e.name as enterprise_name',
        'e.uscc as enterprise_uscc',
        'a.enterprise_id',
        'ld.id as lead_department_id',
        'ld.name as lead_department_name',
        'a.created_at',
        'a.return_count',
        'a.reopen_count',
      ])
      .select('a.next_due_at as due_at')
  )
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]

export type SummaryQuery = ReturnType<typeof summaryQuery>

export async function pageOf(
  query: SummaryQuery,
  page: { limit: number; offset: number },
  order: 'due' | 'created',
  options: { countInline?: boolean } = {},
) {
  const counted = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'))
  const ordered =
    order === 'due'
      ? query.orderBy(sql`due_at`, (ob) => ob.asc().nullsLast()).orderBy('a.created_at')
      : query.orderBy('a.created_at', 'desc')
  const countTotal = async () =>
    Number(
      (
        await (
          counted as unknown as SelectQueryBuilder<DB, 'appeals', { n: number }>
        ).executeTakeFirstOrThrow()
      ).n,
    )
  if (options.countInline) {
    // A small set (one enterprise's appeals): the page and the total in one round trip. A page past
    // the end has no row to carry the total, so only then is it counted apart.
    const rows = await ordered
      .select(sql<string>`count(*) over ()`.as('total_count'))
      .limit(page.limit)
      .offset(page.offset)
      .execute()
    const total = rows.length ? Number(rows[0]!.total_count) : page.offset > 0 ? await countTotal() : 0
    return { items: rows, total }
  }
  const [items, total] = await Promise.all([
    ordered.limit(page.limit).offset(page.offset).execute(),
    countTotal(),
  ])
  return { items, total }
}

/** The appeals of the enterprises a user acts for, decided in the query (no list of ids fetched first). */
export function ofMember(query: SummaryQuery, userId: string) {
  return query.where('a.enterprise_id', 'in', (eb) =>
    eb.selectFrom('enterprise_members as m').select('m.enterprise_id').where('m.user_id', '=', userId),
  )
}

/**
 * What an enterprise member's list of appeals is built from, as one value (decision 0041): every row
 * version it reads — the appeals (status, lead, deadline, title …) and their categories, enterprises
 * and lead departments (the names shown) — by `xmin` (the transaction that wrote it) and `ctid`
 * (where it lies). Any committed change to one of them, a new appeal, or a membership that brings or
 * takes appeals gives another value. A scalar subquery, so a page can read it in its own snapshot.
 */
function memberListFingerprint(userId: Expression<string>) {
  return sql<string>`(
    SELECT md5(coalesce(string_agg(concat_ws(':', fa.xmin, fa.ctid, fc.xmin, fe.xmin, fd.xmin), ',' ORDER BY fa.id), ''))
    FROM appeals fa
    JOIN appeal_categories fc ON fc.code = fa.category_code
    JOIN enterprises fe ON fe.id = fa.enterprise_id
    LEFT JOIN departments fd ON fd.id = fa.lead_department_id
    WHERE fa.enterprise_id IN (SELECT fm.enterprise_id FROM enterprise_members fm WHERE fm.user_id = ${userId}))`
}

/**
 * The fingerprints of members' lists as the database has them now, for many members in one query
 * (SharedLookups). Prepared (decision 0040): it runs on every read of a kept list, and planning this
 * join took ~1 ms of PostgreSQL's CPU each time where running it takes ~0.1 ms.
 */
export async function findMemberListFingerprints(
  db: Executor,
  userIds: string[],
): Promise<Map<string, string>> {
  const { rows } = await prepared(
    sql<{ user_id: string; fingerprint: string }>`
      SELECT u.user_id, ${memberListFingerprint(sql.ref('u.user_id'))} AS fingerprint
      FROM unnest(${userIds}::uuid[]) AS u(user_id)`,
  ).execute(db)
  return new Map(rows.map((r) => [r.user_id, r.fingerprint]))
}

/** What the enterprise's list shows of an appeal (presentEnterpriseSummary), and no more. */
export type MemberListRow = Pick<
  SummaryRow,
  | 'id'
  | 'number'
  | 'title'
  | 'status'
  | 'channel'
  | 'category_code'
  | 'category_name'
  | 'category_name_en'
  | 'enterprise_name'
  | 'lead_department_id'
  | 'lead_department_name'
  | 'created_at'
  | 'due_at'
>

/**
 * A page of a member's appeals, newest first, each row carrying the total and the list's fingerprint:
 * one statement, so the fingerprint is of exactly the rows the page was built from. The columns the
 * list shows, as summaryQuery and ofMember would select them, prepared (decision 0040): built by
 * Kysely and planned anew each time, this query cost more CPU than everything else in a read.
 */
export async function findMemberAppealPage(
  db: Executor,
  userId: string,
  page: { limit: number; offset: number },
) {
  const { rows } = await prepared(
    sql<MemberListRow & { total_count: string; list_fingerprint: string }>`
      SELECT a.id, a.number, a.title, a.status, a.channel, a.category_code,
             c.name AS category_name, c.name_en AS category_name_en, e.name AS enterprise_name,
             ld.id AS lead_department_id, ld.name AS lead_department_name,
             a.created_at, a.next_due_at AS due_at,
             count(*) OVER () AS total_count,
             ${memberListFingerprint(sql.val(userId))} AS list_fingerprint
      FROM appeals a
      JOIN appeal_categories c ON c.code = a.category_code
      JOIN enterprises e ON e.id = a.enterprise_id
      LEFT JOIN departments ld ON ld.id = a.lead_department_id AND a.status IN (${sql.join(LEAD_HOLDS)})
      WHERE a.enterprise_id IN (SELECT m.enterprise_id FROM enterprise_members m WHERE m.user_id = ${userId})
      ORDER BY a.created_at DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  ).execute(db)
  return rows
}

export function inStatuses(query: SummaryQuery, statuses: AppealStatus[]) {
  return query.where('a.status', 'in', statuses)
}

export function ofEnterprises(query: SummaryQuery, enterpriseIds: string[]) {
  return query.where(
    'a.enterprise_id',
    'in',
    enterpriseIds.length ? enterpriseIds : ['00000000-0000-0000-0000-000000000000'],
  )
}

/**
 * Department scoping is part of the query: the appeals in `statuses` that a department in scope leads
 * now (the read model's lead, in a state where the lead holds it) or co-handles now. Two index reads
 * joined by id — the inbox index for leads, the co-handler index — never a scan of the pool: an OR
 * across the two would make PostgreSQL filter every open appeal.
 */
export function heldBy(query: SummaryQuery, departmentIds: string[], statuses: AppealStatus[]) {
  const ids = departmentIds.length ? departmentIds : ['00000000-0000-0000-0000-000000000000']
  const led = statuses.filter((s) => LEAD_HOLDS.includes(s))
  return query.where('a.status', 'in', statuses).where('a.id', 'in', (eb) => {
    const coHandled = eb
      .selectFrom('appeal_assignments as h')
      .select('h.appeal_id as id')
      .where('h.is_current', '=', true)
      .where('h.role', '=', 'co')
      .where('h.department_id', 'in', ids)
    if (led.length === 0) return coHandled
    return eb
      .selectFrom('appeals as l')
      .select('l.id')
      .where('l.lead_department_id', 'in', ids)
      .where('l.status', 'in', led)
      .unionAll(coHandled)
  })
}

export function overdue(query: SummaryQuery, now: Date) {
  return query.where('a.next_due_at', '<', now)
}

export function withPendingExtension(query: SummaryQuery) {
  return query.where((eb) =>
    eb.exists(
      eb
        .selectFrom('appeal_extensions as x')
        .select('x.id')
        .whereRef('x.appeal_id', '=', 'a.id')
        .where('x.status', '=', 'requested'),
    ),
  )
}

export function matching(query: SummaryQuery, text: string) {
  const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`
  return query.where((eb) =>
    eb.or([eb('a.number', 'ilike', like), eb('a.title', 'ilike', like), eb('e.name', 'ilike', like)]),
  )
}
