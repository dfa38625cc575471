import type { Executor, Tx } from '../../kernel/db/database'

/** The SQL of the 办不成事 desk: an application's history as its applicant reads it, and the link. */

/** The matter's name (of the version it was filed under) and its department's name. */
export async function findMatterOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('applications as a')
    .leftJoin('service_matter_versions as v', 'v.id', 'a.matter_version_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .select(['v.name as matter_name', 'd.name as department_name'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
}

/** The steps the applicant reads (audience 'enterprise'), oldest first: no internal note reaches the appeal. */
export async function findApplicantEvents(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_events')
    .select(['id', 'at', 'type'])
    .where('application_id', '=', applicationId)
    .where('audience', '=', 'enterprise')
    .orderBy('id')
    .execute()
}

export async function findNotices(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_notices')
    .select(['id', 'kind', 'issued_at', 'title', 'body'])
    .where('application_id', '=', applicationId)
    .orderBy('issued_at')
    .orderBy('id')
    .execute()
}

/** The application's side of the link (the appeal's was written by its filing). */
export async function linkAppeal(tx: Tx, applicationId: string, appealId: string) {
  await tx.updateTable('applications').set({ appeal_id: appealId }).where('id', '=', applicationId).execute()
}

export async function findApplicationById(db: Executor, id: string) {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
}
