import { sql, type Updateable } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type {
  SupervisionCasesTable,
  SupervisionLevel,
  SupervisionSource,
  SupervisionStatus,
  SupervisionSubjectType,
} from './supervision.tables'

/** Every column a case is presented with: its subject, appeal and department by name. */
function caseQuery(db: Executor) {
  return db
    .selectFrom('supervision_cases as s')
    .leftJoin('appeals as a', 'a.id', 's.appeal_id')
    .leftJoin('applications as ap', (join) =>
      join.onRef('ap.id', '=', 's.subject_id').on('s.subject_type', '=', 'application'),
    )
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('users as u', 'u.id', 's.closed_by')
    .selectAll('s')
    .select(['a.number as appeal_number', 'a.title as appeal_title', 'd.name as department_name'])
    .select((eb) => [
      eb.fn.coalesce('a.number', sql<string | null>`null`).as('subject_number'),
      eb.fn.coalesce('a.title', 'ap.title').as('subject_title'),
    ])
    .select('u.display_name as closed_by_name')
}

export type SupervisionCaseRow = NonNullable<Awaited<ReturnType<typeof findSupervisionCase>>>

export async function findSupervisionCase(db: Executor, id: string) {
  return caseQuery(db).where('s.id', '=', id).executeTakeFirst()
}

export type LockedSupervisionCase = NonNullable<Awaited<ReturnType<typeof lockSupervisionCase>>>

export async function lockSupervisionCase(tx: Tx, id: string) {
  return tx.selectFrom('supervision_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export type SupervisionFilter = {
  status?: SupervisionStatus | undefined
  level?: SupervisionLevel | undefined
  source?: SupervisionSource | undefined
  /** true: waiting for a response past the deadline; false: not overdue */
  overdueAt?: { at: Date; overdue: boolean } | undefined
  departmentId?: string | undefined
  /** null: every department (the bureau's and discipline inspection's view) */
  departmentIds: string[] | null
}

/** Newest first. */
export async function findSupervisionCases(
  db: Executor,
  filter: SupervisionFilter,
  page: { limit: number; offset: number },
) {
  let query = caseQuery(db)
  if (filter.status) query = query.where('s.status', '=', filter.status)
  if (filter.level) query = query.where('s.level', '=', filter.level)
  if (filter.source) query = query.where('s.source', '=', filter.source)
  if (filter.departmentId) query = query.where('s.department_id', '=', filter.departmentId)
  const overdue = filter.overdueAt
  if (overdue)
    query = overdue.overdue
      ? query.where('s.status', '=', 'open').where('s.response_due_at', '<=', overdue.at)
      : query.where((eb) =>
          eb.or([
            eb('s.status', '<>', 'open'),
            eb('s.response_due_at', 'is', null),
            eb('s.response_due_at', '>', overdue.at),
          ]),
        )
  if (filter.departmentIds)
    query = query.where(
      's.department_id',
      'in',
      filter.departmentIds.length ? filter.departmentIds : ['00000000-0000-0000-0000-000000000000'],
    )
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await query
    .orderBy('s.opened_at', 'desc')
    .orderBy('s.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { items, total: Number(counted.n) }
}

export async function findSupervisionEvents(db: Executor, caseId: string) {
  return db
    .selectFrom('supervision_case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.at', 'e.type', 'e.actor_role', 'e.note', 'e.data', 'u.display_name as actor_name'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.id')
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function supervisionEventInsert(tx: Tx, caseId: string, event: CaseEventRecord) {
  return tx.insertInto('supervision_case_events').values({ case_id: caseId, ...caseEventColumns(event) })
}

export async function updateSupervisionCase(
  tx: Tx,
  id: string,
  changes: Updateable<SupervisionCasesTable>,
): Promise<void> {
  await tx
    .updateTable('supervision_cases')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export type NewSupervisionCase = {
  source: SupervisionSource
  subjectType: SupervisionSubjectType | null
  subjectId: string | null
  appealId: string | null
  departmentId: string | null
  reason: string
  level: SupervisionLevel
  responseDueAt: Date
  openedBy: string | null
  at: Date
}

/**
 * Inserts many cases in one statement, skipping each that an unclosed automatic case of the same
 * source and subject already covers (the cause index); answers the rows inserted.
 */
export async function insertSupervisionCases(tx: Tx, rows: readonly NewSupervisionCase[]) {
  if (!rows.length) return []
  return tx
    .insertInto('supervision_cases')
    .values(
      rows.map((row) => ({
        source: row.source,
        subject_type: row.subjectType,
        subject_id: row.subjectId,
        appeal_id: row.appealId,
        department_id: row.departmentId,
        reason: row.reason,
        level: row.level,
        response_due_at: row.responseDueAt,
        opened_by: row.openedBy,
        opened_at: row.at,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['source', 'subject_type', 'subject_id'])
        .where('status', '<>', 'closed')
        .where('source', '<>', 'manual')
        .doNothing(),
    )
    .returning(['id', 'source', 'subject_type', 'subject_id'])
    .execute()
}

/** The unclosed automatic cases of one source about these subjects. */
export async function findUnclosedCasesOf(
  tx: Tx,
  source: SupervisionSource,
  subjectType: SupervisionSubjectType,
  subjectIds: readonly string[],
) {
  if (!subjectIds.length) return []
  return tx
    .selectFrom('supervision_cases')
    .select(['id', 'subject_id'])
    .where('source', '=', source)
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .where('status', '<>', 'closed')
    .execute()
}

/** The 'open' step of many cases in one statement. */
export async function insertSupervisionEvents(
  tx: Tx,
  events: readonly { caseId: string; event: CaseEventRecord }[],
) {
  if (!events.length) return
  await tx
    .insertInto('supervision_case_events')
    .values(
      events.map(({ caseId, event }) => ({
        case_id: caseId,
        ...caseEventColumns(event),
      })),
    )
    .execute()
}

/** Cases waiting for a response past their deadline below the top level, locked (others' locks skipped). */
export async function lockCasesDueForEscalation(tx: Tx, now: Date, batch: number) {
  return tx
    .selectFrom('supervision_cases')
    .selectAll()
    .where('status', '=', 'open')
    .where('level', '<>', 'city')
    .where('response_due_at', '<=', now)
    .orderBy('response_due_at')
    .limit(batch)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function findSettings(db: Executor) {
  return db.selectFrom('supervision_settings').selectAll().executeTakeFirstOrThrow()
}

export async function updateSettings(
  tx: Tx,
  row: {
    section_days: number
    bureau_days: number
    city_days: number
    bad_rating_threshold: number
    bad_rating_window_days: number
    updated_by: string
  },
) {
  await tx
    .updateTable('supervision_settings')
    .set({ ...row, updated_at: new Date() })
    .execute()
}

export async function departmentExists(db: Executor, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  )
}

/** When the unit's last repeated-bad-ratings case was opened (its ratings were counted by it). */
export async function lastBadRatingsCaseAt(tx: Tx, departmentId: string): Promise<Date | null> {
  const row = await tx
    .selectFrom('supervision_cases')
    .select((eb) => eb.fn.max('opened_at').as('at'))
    .where('source', '=', 'bad_ratings')
    .where('department_id', '=', departmentId)
    .executeTakeFirst()
  return (row?.at as Date | null | undefined) ?? null
}

/**
 * The unit's bad ratings (given, level ≤ 2, not excluded) rated after `since` (the one being recorded
 * included: this transaction wrote it), oldest first.
 */
export async function badRatingsOf(tx: Tx, departmentId: string, since: Date) {
  return tx
    .selectFrom('ratings')
    .select(['id', 'rated_at'])
    .where('department_id', '=', departmentId)
    .where('kind', '=', 'given')
    .where('level', '<=', 2)
    .where('excluded_at', 'is', null)
    .where('rated_at', '>', since)
    .orderBy('rated_at')
    .execute()
}

/**
 * Serialises the openers of one unit's repeated-bad-ratings case (two ratings recorded at once must
 * not both count to N and open twice): a transaction-scoped advisory lock on the unit.
 */
export async function lockBadRatingsOf(tx: Tx, departmentId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'supervision.bad_ratings:' + departmentId}))`.execute(tx)
}

// ---- figures ------------------------------------------------------------------------------------

export async function figureCasesOpened(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('supervision_cases as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.id', 's.department_id', 'd.name as department_name', 's.source', 's.level', 's.status'])
    .where('s.opened_at', '>=', from)
    .where('s.opened_at', '<', to)
    .execute()
}

export async function figureCasesClosed(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('supervision_cases as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.id', 's.department_id', 'd.name as department_name'])
    .where('s.closed_at', '>=', from)
    .where('s.closed_at', '<', to)
    .execute()
}

export async function figureEscalations(db: Executor, from: Date, to: Date) {
  return db
    .selectFrom('supervision_case_events as e')
    .innerJoin('supervision_cases as s', 's.id', 'e.case_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select(['e.data', 's.department_id', 'd.name as department_name'])
    .where('e.type', '=', 'escalate')
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .execute()
}

/** Cases waiting for a response past their deadline at `at` (and not closed since). */
export async function figureOverdue(db: Executor, at: Date) {
  return db
    .selectFrom('supervision_cases as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.id', 's.department_id', 'd.name as department_name', 's.level'])
    .where('s.status', '=', 'open')
    .where('s.response_due_at', '<=', at)
    .execute()
}

export async function anySupervisionCase(db: Executor): Promise<boolean> {
  return (await db.selectFrom('supervision_cases').select('id').limit(1).executeTakeFirst()) !== undefined
}
