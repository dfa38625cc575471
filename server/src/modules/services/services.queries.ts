import type { Updateable } from 'kysely'
import { sql } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { ApplicationsTable } from './services.tables'

/** All the SQL of services (a lint rule keeps it here). */

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>

/** One application as its author sees it: only the applications they opened. */
export async function findApplication(db: Executor, id: string, createdBy: string) {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .where('created_by', '=', createdBy)
    .executeTakeFirst()
}

/** One application locked for a move, whoever asks (the runner works out their roles on it). */
export async function lockApplicationById(tx: Tx, id: string) {
  return tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findApplicationsBy(db: Executor, createdBy: string) {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('created_by', '=', createdBy)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute()
}

export async function insertApplication(
  tx: Tx,
  values: {
    enterpriseId: string
    createdBy: string
    title: string
    matterId: string
    matterVersionId: string
    departmentId: string
    jointHandling: boolean
  },
): Promise<string> {
  const row = await tx
    .insertInto('applications')
    .values({
      enterprise_id: values.enterpriseId,
      created_by: values.createdBy,
      title: values.title,
      matter_id: values.matterId,
      matter_version_id: values.matterVersionId,
      department_id: values.departmentId,
      joint_handling: values.jointHandling,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Answers the row as saved: a move by the applicant answers it without reading it again. */
export async function updateApplication(
  tx: Tx,
  id: string,
  changes: Updateable<ApplicationsTable>,
): Promise<ApplicationRow> {
  return tx
    .updateTable('applications')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function applicationEventInsert(tx: Tx, applicationId: string, event: CaseEventRecord) {
  return tx.insertInto('application_events').values({
    application_id: applicationId,
    ...caseEventColumns(event),
  })
}

export async function insertApplicationEvent(
  ...args: Parameters<typeof applicationEventInsert>
): Promise<void> {
  await applicationEventInsert(...args).execute()
}

/**
 * A notice to the applicant, kept as issued (a trigger refuses any change): its INSERT, not sent —
 * the message that announces it sends it in the same statement.
 */
export function applicationNoticeInsert(
  tx: Tx,
  notice: {
    applicationId: string
    kind: string
    issuedAt: Date
    issuedBy: string | null
    title: string
    body: string
    data: Record<string, unknown>
  },
) {
  return tx.insertInto('application_notices').values({
    application_id: notice.applicationId,
    kind: notice.kind,
    issued_at: notice.issuedAt,
    issued_by: notice.issuedBy,
    title: notice.title,
    body: notice.body,
    data: JSON.stringify(notice.data),
  })
}

export async function findApplicationNotices(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_notices')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('issued_at')
    .orderBy('id')
    .execute()
}

// Intake and the licensing clock

/** The version an application is opened on: the matter's current one, if it is published. */
export async function findCurrentPublishedVersion(db: Executor, matterId: string) {
  return db
    .selectFrom('service_matters as m')
    .innerJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
    .select(['m.id as matter_id', 'm.department_id', 'v.id as version_id', 'v.name', 'v.joint_handling'])
    .where('m.id', '=', matterId)
    .where('v.status', '=', 'published')
    .executeTakeFirst()
}

/** What the clocks and the completeness check need of an application's version. */
export async function findVersionTerms(db: Executor, versionId: string) {
  return db
    .selectFrom('service_matter_versions')
    .select([
      'id',
      'name',
      'promised_limit_days',
      'statutory_limit_days',
      'special_steps',
      'tolerance_materials',
      'supplement_limit_days',
    ])
    .where('id', '=', versionId)
    .executeTakeFirst()
}
export type VersionTerms = NonNullable<Awaited<ReturnType<typeof findVersionTerms>>>

/**
 * Applications whose completeness check is overdue (the partial index on status = 'submitted'),
 * locked; rows another transaction holds wait for the next sweep.
 */
export async function lockOverdueChecks(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('applications')
    .selectAll()
    .where('status', '=', 'submitted')
    .where('completeness_due_at', '<=', now)
    .orderBy('completeness_due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

/** Live 容缺 acceptances past their deadline with the materials still missing (migration 0035's index). */
export async function lockMissedTolerances(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('applications')
    .selectAll()
    .where('status', 'in', ['accepted', 'special_step'])
    .where('tolerance_fulfilled_at', 'is', null)
    .where('tolerance_due_at', '<=', now)
    .orderBy('tolerance_due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

/** Supplement requests whose deadline passed unanswered (partial index of migration 0063). */
export async function lockLapsedSupplements(tx: Tx, now: Date, limit: number) {
  return tx
    .selectFrom('applications')
    .selectAll()
    .where('status', '=', 'supplement_requested')
    .where('supplement_due_at', '<=', now)
    .orderBy('supplement_due_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

/** One application by id, for whoever the service already found holds a role on it. */
export async function findApplicationById(db: Executor, id: string) {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
}
