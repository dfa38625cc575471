import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/** The SQL of bundles (一件事一次办): the bundles, their members, bundle applications and their parts. */

export type BundleRow = NonNullable<Awaited<ReturnType<typeof findBundle>>>

const bundleColumns = [
  'id',
  'code',
  'name',
  'description',
  'promised_limit_days',
  'members_limit_days',
  'is_published',
  'published_at',
] as const

export async function findBundle(db: Executor, id: string) {
  return db.selectFrom('service_bundles').select(bundleColumns).where('id', '=', id).executeTakeFirst()
}

export async function lockBundle(tx: Tx, id: string) {
  return tx
    .selectFrom('service_bundles')
    .select(bundleColumns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function findPublishedBundles(db: Executor) {
  return db
    .selectFrom('service_bundles')
    .select(bundleColumns)
    .where('is_published', '=', true)
    .orderBy('code')
    .limit(200)
    .execute()
}

export async function bundleCodeTaken(db: Executor, code: string, except: string | null): Promise<boolean> {
  let query = db.selectFrom('service_bundles').select('id').where('code', '=', code)
  if (except) query = query.where('id', '<>', except)
  return (await query.executeTakeFirst()) !== undefined
}

/**
 * Matters by id with their current published version (what a member of a bundle is today); a matter
 * never published comes back with a null version.
 */
export async function findMattersWithCurrentVersion(db: Executor, matterIds: readonly string[]) {
  if (matterIds.length === 0) return []
  return db
    .selectFrom('service_matters as m')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .leftJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
    .select([
      'm.id as matter_id',
      'm.code',
      'm.department_id',
      'd.name as department_name',
      'v.id as version_id',
      'v.name',
      'v.promised_limit_days',
      'v.statutory_limit_days',
      'v.visits_needed',
      'v.materials',
      'v.form_schema',
    ])
    .where('m.id', 'in', matterIds)
    .execute()
}
export type MatterNowRow = Awaited<ReturnType<typeof findMattersWithCurrentVersion>>[number]

/** The members of bundles, in order, each with its matter's current version. */
export async function findMembers(db: Executor, bundleIds: readonly string[]) {
  if (bundleIds.length === 0) return []
  return db
    .selectFrom('service_bundle_members as bm')
    .innerJoin('service_matters as m', 'm.id', 'bm.matter_id')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .innerJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
    .select([
      'bm.bundle_id',
      'bm.position',
      'bm.stage',
      'm.id as matter_id',
      'm.code',
      'm.department_id',
      'd.name as department_name',
      'v.id as version_id',
      'v.name',
      'v.promised_limit_days',
      'v.statutory_limit_days',
      'v.visits_needed',
      'v.materials',
      'v.form_schema',
    ])
    .where('bm.bundle_id', 'in', bundleIds)
    .orderBy('bm.bundle_id')
    .orderBy('bm.position')
    .execute()
}
export type MemberRow = Awaited<ReturnType<typeof findMembers>>[number]

export async function insertBundle(
  tx: Tx,
  b: {
    code: string
    name: string
    description: string
    promisedLimitDays: number
    membersLimitDays: number
    createdBy: string | null
  },
): Promise<string> {
  const now = new Date()
  const row = await tx
    .insertInto('service_bundles')
    .values({
      code: b.code,
      name: b.name,
      description: b.description,
      promised_limit_days: b.promisedLimitDays,
      members_limit_days: b.membersLimitDays,
      created_by: b.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateBundle(
  tx: Tx,
  id: string,
  b: { code: string; name: string; description: string; promisedLimitDays: number; membersLimitDays: number },
) {
  await tx
    .updateTable('service_bundles')
    .set({
      code: b.code,
      name: b.name,
      description: b.description,
      promised_limit_days: b.promisedLimitDays,
      members_limit_days: b.membersLimitDays,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

export async function replaceMembers(
  tx: Tx,
  bundleId: string,
  members: readonly { matterId: string; stage: number }[],
) {
  await tx.deleteFrom('service_bundle_members').where('bundle_id', '=', bundleId).execute()
  await tx
    .insertInto('service_bundle_members')
    .values(
      members.map((m, i) => ({
        bundle_id: bundleId,
        matter_id: m.matterId,
        position: i + 1,
        stage: m.stage,
      })),
    )
    .execute()
}

export async function publishBundle(
  tx: Tx,
  id: string,
  membersLimitDays: number,
  by: string | null,
  at: Date,
) {
  await tx
    .updateTable('service_bundles')
    .set({
      is_published: true,
      published_at: at,
      published_by: by,
      members_limit_days: membersLimitDays,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute()
}

// ── bundle applications ──────────────────────────────────────────────────────────────────────────

const applicationColumns = [
  'ba.id',
  'ba.bundle_id',
  'ba.enterprise_id',
  'ba.created_by',
  'ba.status',
  'ba.form_data',
  'ba.created_at',
  'ba.saved_at',
  'ba.submitted_at',
  'ba.promised_due_at',
  'ba.version',
  'b.name as bundle_name',
  'b.promised_limit_days',
] as const

/** A bundle application as its author sees it: only the ones they opened. */
export async function findBundleApplication(db: Executor, id: string, createdBy: string) {
  return db
    .selectFrom('bundle_applications as ba')
    .innerJoin('service_bundles as b', 'b.id', 'ba.bundle_id')
    .select(applicationColumns)
    .where('ba.id', '=', id)
    .where('ba.created_by', '=', createdBy)
    .executeTakeFirst()
}
export type BundleApplicationRow = NonNullable<Awaited<ReturnType<typeof findBundleApplication>>>

export async function lockBundleApplication(tx: Tx, id: string, createdBy: string) {
  await tx
    .selectFrom('bundle_applications')
    .select('id')
    .where('id', '=', id)
    .where('created_by', '=', createdBy)
    .forUpdate()
    .executeTakeFirst()
  return findBundleApplication(tx, id, createdBy)
}

export async function findBundleApplicationsBy(db: Executor, createdBy: string) {
  return db
    .selectFrom('bundle_applications as ba')
    .innerJoin('service_bundles as b', 'b.id', 'ba.bundle_id')
    .select(applicationColumns)
    .where('ba.created_by', '=', createdBy)
    .orderBy('ba.created_at', 'desc')
    .orderBy('ba.id')
    .limit(100)
    .execute()
}

export async function insertBundleApplication(
  tx: Tx,
  a: { bundleId: string; enterpriseId: string; createdBy: string; at: Date },
): Promise<string> {
  const row = await tx
    .insertInto('bundle_applications')
    .values({
      bundle_id: a.bundleId,
      enterprise_id: a.enterpriseId,
      created_by: a.createdBy,
      form_data: '{}',
      created_at: a.at,
      saved_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function saveBundleForm(tx: Tx, id: string, formData: Record<string, unknown>, at: Date) {
  await tx
    .updateTable('bundle_applications')
    .set({ form_data: JSON.stringify(formData), saved_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

export async function markBundleSubmitted(tx: Tx, id: string, at: Date, promisedDueAt: Date) {
  await tx
    .updateTable('bundle_applications')
    .set({ status: 'submitted', submitted_at: at, promised_due_at: promisedDueAt, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** A child application: a draft of one member matter, on the version current at opening. */
export async function insertChildApplication(
  tx: Tx,
  c: {
    enterpriseId: string
    createdBy: string
    title: string
    matterId: string
    versionId: string
    departmentId: string
    at: Date
  },
): Promise<string> {
  const row = await tx
    .insertInto('applications')
    .values({
      enterprise_id: c.enterpriseId,
      created_by: c.createdBy,
      title: c.title,
      matter_id: c.matterId,
      matter_version_id: c.versionId,
      department_id: c.departmentId,
      created_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertPart(
  tx: Tx,
  p: {
    bundleApplicationId: string
    applicationId: string
    matterId: string
    departmentId: string
    position: number
    stage: number
  },
) {
  await tx
    .insertInto('bundle_application_parts')
    .values({
      bundle_application_id: p.bundleApplicationId,
      application_id: p.applicationId,
      matter_id: p.matterId,
      department_id: p.departmentId,
      position: p.position,
      stage: p.stage,
    })
    .execute()
}

/** A child's answers: the merged form's, restricted to its own questions (written before it is submitted). */
export async function setChildFormData(tx: Tx, applicationId: string, formData: Record<string, unknown>) {
  await tx
    .updateTable('applications')
    .set({ form_data: JSON.stringify(formData), version: sql`version + 1` })
    .where('id', '=', applicationId)
    .where('status', '=', 'draft')
    .execute()
}

/** The parts of bundle applications, in order, each with its application's state, clocks and form. */
export async function findParts(db: Executor, bundleApplicationIds: readonly string[]) {
  if (bundleApplicationIds.length === 0) return []
  return db
    .selectFrom('bundle_application_parts as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('service_matter_versions as v', 'v.id', 'a.matter_version_id')
    .select([
      'p.bundle_application_id',
      'p.application_id',
      'p.matter_id',
      'p.department_id',
      'p.position',
      'p.stage',
      'd.name as department_name',
      'a.title as matter_name',
      'a.status',
      'a.submitted_at',
      'a.completeness_due_at',
      'a.decision_due_at',
      'a.decided_at',
      'a.decision_reason',
      'a.decision_legal_basis',
      'a.certificate_id',
      'v.form_schema',
      'v.materials',
    ])
    .where('p.bundle_application_id', 'in', bundleApplicationIds)
    .orderBy('p.bundle_application_id')
    .orderBy('p.position')
    .execute()
}
export type PartRow = Awaited<ReturnType<typeof findParts>>[number]

/** The notices issued to the parts, oldest first. */
export async function findPartNotices(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return []
  return db
    .selectFrom('application_notices')
    .select(['application_id', 'kind', 'title', 'body', 'issued_at'])
    .where('application_id', 'in', applicationIds)
    .orderBy('issued_at')
    .orderBy('id')
    .execute()
}

/**
 * Submitted bundle applications for the monitor, newest first: every one (departmentIds null), or
 * those with a part in one of the departments — the scope is this query's rule, not a filter after it.
 */
export async function findMonitoredApplications(
  db: Executor,
  departmentIds: readonly string[] | null,
  limit: number,
) {
  let query = db
    .selectFrom('bundle_applications as ba')
    .innerJoin('service_bundles as b', 'b.id', 'ba.bundle_id')
    .innerJoin('enterprises as e', 'e.id', 'ba.enterprise_id')
    .select([...applicationColumns, 'e.name as enterprise_name'])
    .where('ba.status', '=', 'submitted')
  if (departmentIds !== null) {
    if (departmentIds.length === 0) return []
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('bundle_application_parts as p')
          .select('p.application_id')
          .whereRef('p.bundle_application_id', '=', 'ba.id')
          .where('p.department_id', 'in', departmentIds),
      ),
    )
  }
  return query.orderBy('ba.submitted_at', 'desc').orderBy('ba.id').limit(limit).execute()
}

/**
 * Runs one part's work so that, if it throws, what it wrote is undone and the transaction goes on (a
 * savepoint): the bundle collects every part's refusal before it rolls the whole submission back.
 */
export async function inSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT bundle_part`.execute(tx)
  try {
    const result = await work()
    await sql`RELEASE SAVEPOINT bundle_part`.execute(tx)
    return result
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT bundle_part`.execute(tx)
    throw error
  }
}

/** The form of a draft version (the seed writes it before publishing; a published version never changes). */
export async function setDraftForm(tx: Tx, versionId: string, form: Record<string, unknown>) {
  await tx
    .updateTable('service_matter_versions')
    .set({ form_schema: JSON.stringify(form) })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute()
}

export async function findMatterIdsByCode(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>()
  const rows = await db
    .selectFrom('service_matters')
    .select(['id', 'code'])
    .where('code', 'in', codes)
    .execute()
  return new Map(rows.map((r) => [r.code, r.id]))
}

export async function countBundles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('service_bundles')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Whether an application is a part of a bundle application (a part moves with its bundle). */
export async function isBundlePart(db: Executor, applicationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bundle_application_parts')
    .select('application_id')
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
  return row !== undefined
}

/** Removes a file from the parts of a bundle application it was uploaded for; answers those parts. */
export async function deletePartMaterials(tx: Tx, bundleApplicationId: string, uploadId: string) {
  const rows = await tx
    .deleteFrom('application_materials')
    .where('upload_id', '=', uploadId)
    .where('source', '=', 'upload')
    .where(
      'application_id',
      'in',
      tx
        .selectFrom('bundle_application_parts')
        .select('application_id')
        .where('bundle_application_id', '=', bundleApplicationId),
    )
    .returning('application_id')
    .execute()
  return rows.map((r) => r.application_id)
}
