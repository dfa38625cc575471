import type { Insertable, Updateable } from 'kysely'
import { sql } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import { INTEREST_DENOMINATOR } from './commitment-money'
import type { CommitmentsTable, CommitmentOwnerRole, ComplaintStatus } from './commitments.tables'

/** All the SQL of commitments (a lint rule keeps it here). */

/** Who may see which commitments: everyone's (the bureau), a unit's role's, an enterprise user's own. */
export type CommitmentScope =
  | { kind: 'all' }
  | { kind: 'units'; units: { departmentId: string; role: CommitmentOwnerRole }[] }
  | { kind: 'member'; userId: string }

function commitmentsWithNames(db: Executor) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .selectAll('c')
    .select([
      'd.name as department_name',
      'e.name as enterprise_name',
      // numeric read as text: fen × bp × days outgrows a double (commitment-money.ts)
      sql<string>`c.interest_numerator::text`.as('interest_numerator_text'),
    ])
}

export type CommitmentRow = NonNullable<Awaited<ReturnType<typeof findCommitment>>>

export async function findCommitment(db: Executor, id: string, scope: CommitmentScope) {
  return scoped(commitmentsWithNames(db).where('c.id', '=', id), scope).executeTakeFirst()
}

export async function lockCommitment(tx: Tx, id: string, scope: CommitmentScope) {
  return scoped(commitmentsWithNames(tx).where('c.id', '=', id), scope)
    .forUpdate('c')
    .executeTakeFirst()
}

type Builder = ReturnType<typeof commitmentsWithNames>

function scoped(query: Builder, scope: CommitmentScope): Builder {
  if (scope.kind === 'all') return query
  if (scope.kind === 'member')
    return query.where('c.enterprise_id', 'in', (eb) =>
      eb.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', scope.userId),
    )
  if (scope.units.length === 0) return query.where(sql<boolean>`false`)
  return query.where((eb) =>
    eb.or(
      scope.units.map((u) =>
        eb.and([eb('c.department_id', '=', u.departmentId), eb('c.owner_role', '=', u.role)]),
      ),
    ),
  )
}

export async function listCommitments(
  db: Executor,
  scope: CommitmentScope,
  filter: { status?: string; kind?: string; parentId?: string },
) {
  let query = scoped(commitmentsWithNames(db), scope)
  if (filter.status) query = query.where('c.status', '=', filter.status as never)
  if (filter.kind) query = query.where('c.kind', '=', filter.kind as never)
  query = filter.parentId ? query.where('c.parent_id', '=', filter.parentId) : query
  return query.orderBy('c.due_on').orderBy('c.number').limit(500).execute()
}

export async function insertCommitment(tx: Tx, values: Omit<Insertable<CommitmentsTable>, 'number'>) {
  const row = await tx
    .insertInto('commitments')
    .values({
      ...values,
      number: sql<string>`'CM' || lpad(nextval('commitment_number_seq')::text, 7, '0')`,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow()
  return row
}

export async function updateCommitment(tx: Tx, id: string, changes: Updateable<CommitmentsTable>) {
  await tx
    .updateTable('commitments')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function commitmentEventInsert(tx: Tx, commitmentId: string, event: CaseEventRecord) {
  return tx.insertInto('commitment_events').values({
    commitment_id: commitmentId,
    ...caseEventColumns(event),
  })
}

export async function insertCommitmentEvent(
  ...args: Parameters<typeof commitmentEventInsert>
): Promise<void> {
  await commitmentEventInsert(...args).execute()
}

export async function findEvents(db: Executor, commitmentId: string, enterpriseOnly: boolean) {
  let query = db
    .selectFrom('commitment_events')
    .select(['id', 'at', 'type', 'note', 'note_audience', 'audience', 'data'])
    .where('commitment_id', '=', commitmentId)
  if (enterpriseOnly) query = query.where('audience', '=', 'enterprise')
  return query.orderBy('id').execute()
}

export async function findPayments(db: Executor, commitmentId: string) {
  return db
    .selectFrom('commitment_payments')
    .select(['id', 'paid_on', 'principal_fen', 'interest_fen'])
    .where('commitment_id', '=', commitmentId)
    .orderBy('paid_on')
    .orderBy('recorded_at')
    .execute()
}

export async function insertPayment(
  tx: Tx,
  values: {
    commitmentId: string
    paidOn: string
    principalFen: number
    interestFen: number
    recordedBy: string
  },
) {
  const row = await tx
    .insertInto('commitment_payments')
    .values({
      commitment_id: values.commitmentId,
      paid_on: values.paidOn,
      principal_fen: values.principalFen,
      interest_fen: values.interestFen,
      recorded_by: values.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function countExisting(db: Executor, departmentId: string, enterpriseId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('departments').select('id').where('id', '=', departmentId)).as('department'),
      eb.exists(eb.selectFrom('enterprises').select('id').where('id', '=', enterpriseId)).as('enterprise'),
    ])
    .executeTakeFirstOrThrow()
  return { department: Boolean(row.department), enterprise: Boolean(row.enterprise) }
}

// ── complaints ───────────────────────────────────────────────────────────────

function complaintsWithCommitment(db: Executor) {
  return db
    .selectFrom('commitment_complaints as k')
    .innerJoin('commitments as c', 'c.id', 'k.commitment_id')
    .selectAll('k')
    .select([
      'c.number as commitment_number',
      'c.title as commitment_title',
      'c.department_id',
      'c.owner_role',
    ])
}

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>

export async function findComplaint(db: Executor, id: string) {
  return complaintsWithCommitment(db).where('k.id', '=', id).executeTakeFirst()
}

export async function lockComplaint(tx: Tx, id: string) {
  return complaintsWithCommitment(tx).where('k.id', '=', id).forUpdate('k').executeTakeFirst()
}

export async function listComplaints(db: Executor, filter: { memberUserId?: string; commitmentId?: string }) {
  let query = complaintsWithCommitment(db)
  if (filter.memberUserId) {
    const userId = filter.memberUserId
    query = query.where('k.enterprise_id', 'in', (eb) =>
      eb.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', userId),
    )
  }
  if (filter.commitmentId) query = query.where('k.commitment_id', '=', filter.commitmentId)
  return query.orderBy('k.filed_at', 'desc').orderBy('k.id').limit(500).execute()
}

/**
 * Complaints still unverified past their day that nobody was told of yet: stamped in the same
 * statement, so each is told once however often the sweep runs.
 */
export async function stampLateComplaints(tx: Tx, at: Date) {
  return tx
    .updateTable('commitment_complaints as k')
    .from('commitments as c')
    .set({ late_told_at: at })
    .whereRef('c.id', '=', 'k.commitment_id')
    .where('k.status', '=', 'submitted')
    .where('k.verify_by', '<', at)
    .where('k.late_told_at', 'is', null)
    .returning(['k.id', 'k.enterprise_id', 'k.verify_by', 'c.number', 'c.title'])
    .execute()
}

export async function hasUndecidedComplaint(tx: Tx, commitmentId: string) {
  const row = await tx
    .selectFrom('commitment_complaints')
    .select('id')
    .where('commitment_id', '=', commitmentId)
    .where('status', '=', 'submitted')
    .executeTakeFirst()
  return row !== undefined
}

export async function insertComplaint(
  tx: Tx,
  values: {
    commitmentId: string
    enterpriseId: string
    filedBy: string
    text: string
    filedAt: Date
    verifyBy: Date
  },
) {
  const row = await tx
    .insertInto('commitment_complaints')
    .values({
      commitment_id: values.commitmentId,
      enterprise_id: values.enterpriseId,
      filed_by: values.filedBy,
      text: values.text,
      filed_at: values.filedAt,
      verify_by: values.verifyBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function decideComplaint(
  tx: Tx,
  id: string,
  values: {
    status: ComplaintStatus
    explanation: string
    refusedToRectify: boolean
    decidedBy: string
    at: Date
  },
) {
  await tx
    .updateTable('commitment_complaints')
    .set({
      status: values.status,
      explanation: values.explanation,
      refused_to_rectify: values.refusedToRectify,
      decided_by: values.decidedBy,
      decided_at: values.at,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute()
}

// ── settings ─────────────────────────────────────────────────────────────────

export async function findSettings(db: Executor) {
  const row = await db.selectFrom('commitment_settings').select('verification_days').executeTakeFirst()
  return { verificationDays: row?.verification_days ?? 10 }
}

export async function updateSettings(tx: Tx, verificationDays: number, userId: string) {
  await tx
    .updateTable('commitment_settings')
    .set({ verification_days: verificationDays, updated_by: userId, updated_at: new Date() })
    .where('id', '=', true)
    .execute()
}

// ── the daily sweep (set-wise: 100,000 rows in one statement each) ──────────────

/**
 * Open rows due before today become overdue; answers the rows that moved (for their events, audit
 * rows and supervision cases). An instalment of a repayment plan that moves is a second breach.
 */
export async function markOverdue(tx: Tx, today: string, onlyId?: string) {
  let query = tx
    .updateTable('commitments')
    .set({
      status: 'overdue',
      overdue_since: sql<string>`due_on + 1`,
      is_second_breach: sql<boolean>`parent_id IS NOT NULL`,
      version: sql`version + 1`,
    })
    .where('status', '=', 'open')
    .where('due_on', '<', today)
  if (onlyId) query = query.where('id', '=', onlyId)
  return query
    .returning(['id', 'number', 'kind', 'title', 'department_id', 'enterprise_id', 'parent_id', 'due_on'])
    .execute()
}

/** The timeline's "overdue" step for every row that moved, in one statement. */
export async function insertOverdueEvents(tx: Tx, ids: string[], at: Date) {
  if (ids.length === 0) return
  await tx
    .insertInto('commitment_events')
    .values(
      ids.map((id) => ({
        commitment_id: id,
        at,
        type: 'overdue',
        actor_role: 'system',
        data: '{}',
        audience: 'enterprise' as const,
      })),
    )
    .execute()
}

/** A broken instalment marks its rescheduled payable a second breach too. */
export async function markParentsSecondBreach(tx: Tx, parentIds: string[]) {
  if (parentIds.length === 0) return
  await tx.updateTable('commitments').set({ is_second_breach: true }).where('id', 'in', parentIds).execute()
}

/**
 * Every overdue payable's interest as of today, by commitment-money.ts's formula in SQL: the stored
 * numerator plus outstanding × rate × the days since accrual_from, over 3,650,000, rounded half up.
 * Rows already accrued to today are left alone, so a second run the same day writes nothing.
 */
export async function accrueInterest(tx: Tx, today: string) {
  const result = await tx
    .updateTable('commitments')
    .set({
      interest_fen: sql<number>`round((interest_numerator + outstanding_fen::numeric * rate_bp
        * greatest(0, ${today}::date - accrual_from)) / ${String(INTEREST_DENOMINATOR)}::numeric)::bigint`,
      interest_as_of: today,
    })
    .where('status', '=', 'overdue')
    .where('kind', '=', 'payable')
    .where((eb) => eb.or([eb('interest_as_of', 'is', null), eb('interest_as_of', '<', today)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

// ── the yearly publication ───────────────────────────────────────────────────

/**
 * Payables overdue and unpaid at the end of the year, per owning unit: due before 31 December and
 * with undisputed principal still unpaid that day (payments after it do not count; an instalment's
 * payment counts for the payable it reschedules, and instalments are not counted twice).
 */
export async function overdueAtYearEnd(db: Executor, yearEnd: string) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('commitment_payments as cp')
          .innerJoin('commitments as paid', 'paid.id', 'cp.commitment_id')
          // an instalment's payment pays its payable
          .select([
            sql<string>`coalesce(paid.parent_id, paid.id)`.as('root_id'),
            sql<number>`sum(cp.principal_fen)`.as('paid'),
          ])
          .where('cp.paid_on', '<=', yearEnd)
          .groupBy(sql`coalesce(paid.parent_id, paid.id)`)
          .as('p'),
      (join) => join.onRef('p.root_id', '=', 'c.id'),
    )
    .select([
      'd.name as department_name',
      sql<number>`count(*)`.as('overdue_count'),
      sql<number>`sum(c.amount_fen - c.disputed_fen - coalesce(p.paid, 0))`.as('overdue_amount_fen'),
    ])
    .where('c.kind', '=', 'payable')
    .where('c.parent_id', 'is', null)
    .where('c.due_on', '<', yearEnd)
    .where(sql<boolean>`c.amount_fen - c.disputed_fen - coalesce(p.paid, 0) > 0`)
    .groupBy('d.name')
    .orderBy('d.name')
    .execute()
}

// ── demo data ────────────────────────────────────────────────────────────────

export async function countCommitments(db: Executor) {
  const row = await db
    .selectFrom('commitments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findDepartmentIdsByCodes(db: Executor, codes: readonly string[]) {
  return db
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('code', 'in', [...codes])
    .execute()
}

/** The first enterprise the user with this phone acts for (the demo enterprise's). */
export async function findEnterpriseOfPhone(db: Executor, phone: string) {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('enterprise_members as m', 'm.user_id', 'u.id')
    .select(['m.enterprise_id', 'u.id as user_id'])
    .where('u.phone', '=', phone)
    .orderBy('m.created_at')
    .executeTakeFirst()
  return row
}
