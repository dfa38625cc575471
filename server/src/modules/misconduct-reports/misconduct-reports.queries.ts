import { sql, type Updateable } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { MisconductReportsTable, ReportArea } from './misconduct-reports.tables'

/**
 * All SQL of misconduct reports. The identities table is read by one query only (findSealedIdentity),
 * which only the discipline inspector's path calls.
 */

function reportQuery(db: Executor) {
  return db
    .selectFrom('misconduct_reports as r')
    .leftJoin('departments as d', 'd.id', 'r.accused_department_id')
    .selectAll('r')
    .select('d.name as accused_department_name')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('misconduct_report_identities as i')
            .select('i.report_id')
            .whereRef('i.report_id', '=', 'r.id'),
        )
        .as('has_identity'),
    )
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>

export async function findReport(db: Executor, id: string) {
  return reportQuery(db).where('r.id', '=', id).executeTakeFirst()
}

export async function lockReport(tx: Tx, id: string) {
  await tx.selectFrom('misconduct_reports').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return findReport(tx, id)
}

export async function findReportByReceiptHash(db: Executor, hash: string) {
  return db
    .selectFrom('misconduct_reports as r')
    .select([
      'r.id',
      'r.area',
      'r.status',
      'r.filed_at',
      'r.acknowledged_at',
      'r.closed_at',
      'r.reporter_message',
    ])
    .select((eb) =>
      eb
        .selectFrom('misconduct_report_evidence as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.report_id', '=', 'r.id')
        .as('evidence_count'),
    )
    .where('r.receipt_hash', '=', hash)
    .executeTakeFirst()
}

/** Still owed: an acknowledgement, a transfer decision or the result told (report-deadlines.ts, in SQL). */
function overdue(now: Date) {
  return sql<boolean>`(
    (r.acknowledge_due_at < ${now} AND r.acknowledged_at IS NULL)
    OR (r.status = 'received' AND r.transfer_due_at < ${now})
    OR (r.result_due_at < ${now} AND r.result_notified_at IS NULL))`
}

export async function findReports(
  db: Executor,
  filter: { status?: string | undefined; overdueAt?: Date | undefined },
  page: { limit: number; offset: number },
) {
  let query = reportQuery(db)
  if (filter.status)
    query = query.where('r.status', '=', filter.status as MisconductReportsTable['area'] as never)
  if (filter.overdueAt) query = query.where(overdue(filter.overdueAt))
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await query.orderBy('r.filed_at', 'desc').limit(page.limit).offset(page.offset).execute()
  return { items, total: Number(counted.n) }
}

/** What waits for discipline inspection: reports not yet decided, and reports with an overdue clock. */
export async function countReportWork(db: Executor, now: Date) {
  const row = await db
    .selectFrom('misconduct_reports as r')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('r.status', '=', 'received').as('received'),
      eb.fn.countAll<number>().filterWhere(overdue(now)).as('overdue'),
    ])
    .executeTakeFirstOrThrow()
  return { received: Number(row.received), overdue: Number(row.overdue) }
}

export async function nextReportNumber(tx: Tx, year: number): Promise<string> {
  const row = await sql<{ n: string }>`SELECT nextval('misconduct_report_number_seq')::text AS n`.execute(tx)
  return `JB${year}${row.rows[0]!.n.padStart(6, '0')}`
}

export async function insertReport(
  tx: Tx,
  row: {
    number: string
    receiptHash: string
    area: ReportArea
    accusedUnit: string | null
    accusedDepartmentId: string | null
    accusedPerson: string | null
    text: string
    isAnonymous: boolean
    filedAt: Date
    acknowledgeDueAt: Date | null
    transferDueAt: Date
  },
) {
  return tx
    .insertInto('misconduct_reports')
    .values({
      number: row.number,
      receipt_hash: row.receiptHash,
      area: row.area,
      accused_unit: row.accusedUnit,
      accused_department_id: row.accusedDepartmentId,
      accused_person: row.accusedPerson,
      text: row.text,
      is_anonymous: row.isAnonymous,
      filed_at: row.filedAt,
      acknowledge_due_at: row.acknowledgeDueAt,
      transfer_due_at: row.transferDueAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function insertSealedIdentity(
  tx: Tx,
  row: { reportId: string; sealed: string; consentsToNaming: boolean; at: Date },
) {
  await tx
    .insertInto('misconduct_report_identities')
    .values({
      report_id: row.reportId,
      sealed: row.sealed,
      consents_to_naming: row.consentsToNaming,
      created_at: row.at,
    })
    .execute()
}

export async function findSealedIdentity(db: Executor, reportId: string) {
  return db
    .selectFrom('misconduct_report_identities')
    .select(['sealed', 'consents_to_naming'])
    .where('report_id', '=', reportId)
    .executeTakeFirst()
}

export async function insertEvidence(
  tx: Tx,
  row: { reportId: string; fileName: string; contentType: string; content: Buffer; sha256: string; at: Date },
) {
  await tx
    .insertInto('misconduct_report_evidence')
    .values({
      report_id: row.reportId,
      file_name: row.fileName,
      content_type: row.contentType,
      size_bytes: row.content.length,
      sha256: row.sha256,
      content: row.content,
      uploaded_at: row.at,
    })
    .execute()
}

export async function findEvidenceList(db: Executor, reportId: string) {
  return db
    .selectFrom('misconduct_report_evidence')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'])
    .where('report_id', '=', reportId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export async function findEvidenceFile(db: Executor, reportId: string, evidenceId: string) {
  return db
    .selectFrom('misconduct_report_evidence')
    .select(['file_name', 'content_type', 'content'])
    .where('report_id', '=', reportId)
    .where('id', '=', evidenceId)
    .executeTakeFirst()
}

export async function findReportEvents(db: Executor, reportId: string) {
  return db
    .selectFrom('misconduct_report_events')
    .select(['at', 'type', 'actor_role', 'note'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute()
}

export async function updateReport(tx: Tx, id: string, changes: Updateable<MisconductReportsTable>) {
  await tx
    .updateTable('misconduct_reports')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function reportEventInsert(tx: Tx, reportId: string, event: CaseEventRecord) {
  return tx.insertInto('misconduct_report_events').values({
    report_id: reportId,
    ...caseEventColumns(event),
  })
}
