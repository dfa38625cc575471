import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { MatterContent, MatterListFilter, MatterVariant } from './matters.schema'

/** The catalogue's SQL: matters, their versions, the published guide and the search. */

const versionColumns = [
  'v.id as version_id',
  'v.number',
  'v.status',
  'v.name',
  'v.matter_type',
  'v.implementing_body',
  'v.legal_basis',
  'v.conditions',
  'v.materials',
  'v.fees',
  'v.statutory_limit_days',
  'v.promised_limit_days',
  'v.special_steps',
  'v.visits_needed',
  'v.online_level',
  'v.faq',
  'v.review_steps',
  'v.form_schema',
  'v.instant_conditions',
  'v.tolerance_materials',
  'v.joint_handling',
  'v.certificate_kind',
  'v.published_at',
] as const

function publishedMatters(db: Executor) {
  return db
    .selectFrom('service_matters as m')
    .innerJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .select([
      'm.id',
      'm.code',
      'm.parent_id',
      'm.variant',
      'm.department_id',
      'd.name as department_name',
      ...versionColumns,
    ])
}
export type PublishedMatterRow = NonNullable<Awaited<ReturnType<typeof findPublishedMatter>>>

/**
 * Published matters by department, type and online level; with words, those whose words hold every
 * word of the search (the GIN index answers `@>`), or whose code is the search itself; those whose
 * name holds the search first.
 */
export async function findPublishedMatters(
  db: Executor,
  filter: MatterListFilter,
  words: string[],
  limit: number,
) {
  let query = publishedMatters(db)
  if (filter.departmentId) query = query.where('m.department_id', '=', filter.departmentId)
  if (filter.matterType) query = query.where('v.matter_type', '=', filter.matterType)
  if (filter.onlineLevel) query = query.where('v.online_level', '=', filter.onlineLevel)
  if (filter.q !== undefined) {
    const code = filter.q
    query = query.where((eb) =>
      words.length > 0
        ? eb.or([eb('v.search_words', '@>', sql<string[]>`${words}::text[]`), eb('m.code', '=', code)])
        : eb('m.code', '=', code),
    )
  }
  // a matter whose name holds the search comes before one that only mentions it in its materials
  if (filter.q !== undefined) query = query.orderBy(sql`strpos(v.name, ${filter.q}) > 0`, 'desc')
  return query.orderBy('d.sort_order').orderBy('m.code').limit(limit).execute()
}

export async function findPublishedMatter(db: Executor, id: string) {
  return publishedMatters(db).where('m.id', '=', id).executeTakeFirst()
}

/**
 * Every matter of the departments (all when null) for the editor's tree: the name of its draft
 * or else its current version, the current version's number and whether a draft is open.
 */
export async function findEditableMatters(db: Executor, departmentIds: string[] | null) {
  let query = db
    .selectFrom('service_matters as m')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .leftJoin('service_matter_versions as cur', 'cur.id', 'm.current_version_id')
    .leftJoin('service_matter_versions as dr', (j) =>
      j.onRef('dr.matter_id', '=', 'm.id').on('dr.status', '=', 'draft'),
    )
    .select([
      'm.id',
      'm.code',
      'm.parent_id',
      'm.variant',
      'm.department_id',
      'd.name as department_name',
      'cur.number as current_number',
      'dr.number as draft_number',
      sql<string>`coalesce(dr.name, cur.name)`.as('name'),
    ])
  if (departmentIds !== null) {
    if (departmentIds.length === 0) return []
    query = query.where('m.department_id', 'in', departmentIds)
  }
  return query.orderBy('d.sort_order').orderBy('m.code').limit(5000).execute()
}

/** A matter's versions, newest first, without their content. */
export async function findVersionList(db: Executor, matterId: string) {
  return db
    .selectFrom('service_matter_versions as v')
    .select(['v.id', 'v.number', 'v.status', 'v.name', 'v.created_at', 'v.published_at'])
    .where('v.matter_id', '=', matterId)
    .orderBy('v.number', 'desc')
    .execute()
}

/**
 * What the export writes: each matter of the departments (all when null) with its department's
 * code and its current version, or its draft when it was never published; parents before children.
 */
export async function findExportRows(db: Executor, departmentIds: string[] | null) {
  let query = db
    .selectFrom('service_matters as m')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .leftJoin('service_matters as p', 'p.id', 'm.parent_id')
    .innerJoin('service_matter_versions as v', (j) =>
      j.on((eb) =>
        eb.or([
          eb('v.id', '=', eb.ref('m.current_version_id')),
          eb.and([eb('m.current_version_id', 'is', null), eb('v.matter_id', '=', eb.ref('m.id'))]),
        ]),
      ),
    )
    .select([
      'm.id',
      'm.code',
      'm.variant',
      'p.code as parent_code',
      'd.code as department_code',
      'v.matter_id',
      ...versionColumns,
    ])
  if (departmentIds !== null) {
    if (departmentIds.length === 0) return []
    query = query.where('m.department_id', 'in', departmentIds)
  }
  // a parent's code sorts before its children's (DL-X-0001 < DL-X-0001-01) in the seed's scheme;
  // the import does not rely on it: it orders by parent itself
  return query.orderBy('d.sort_order').orderBy('m.code').execute()
}

export async function findMattersByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return []
  return db
    .selectFrom('service_matters as m')
    .leftJoin('service_matters as p', 'p.id', 'm.parent_id')
    .select([
      'm.id',
      'm.code',
      'm.variant',
      'm.department_id',
      'm.current_version_id',
      'p.code as parent_code',
    ])
    .where('m.code', 'in', codes)
    .execute()
}

export async function findDepartmentsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return []
  return db.selectFrom('departments').select(['id', 'code']).where('code', 'in', codes).execute()
}

export async function findMatter(db: Executor, id: string) {
  return db
    .selectFrom('service_matters')
    .select(['id', 'code', 'parent_id', 'variant', 'department_id', 'current_version_id'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The matter's row locked for a write, so two editors' drafts and publishes take turns. */
export async function lockMatter(tx: Tx, id: string) {
  return tx
    .selectFrom('service_matters')
    .select(['id', 'code', 'department_id', 'current_version_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  const row = await db.selectFrom('service_matters').select('id').where('code', '=', code).executeTakeFirst()
  return row !== undefined
}

export async function insertMatter(
  tx: Tx,
  m: {
    code: string
    parentId: string | null
    variant: MatterVariant | null
    departmentId: string
    createdBy: string | null
  },
): Promise<string> {
  const row = await tx
    .insertInto('service_matters')
    .values({
      code: m.code,
      parent_id: m.parentId,
      variant: m.variant,
      department_id: m.departmentId,
      created_by: m.createdBy,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function contentColumns(c: MatterContent, words: string[]) {
  return {
    name: c.name,
    matter_type: c.matterType,
    implementing_body: c.implementingBody,
    legal_basis: c.legalBasis,
    conditions: c.conditions,
    materials: JSON.stringify(c.materials),
    fees: JSON.stringify(c.fees),
    statutory_limit_days: c.statutoryLimitDays,
    promised_limit_days: c.promisedLimitDays,
    special_steps: JSON.stringify(c.specialSteps),
    visits_needed: c.visitsNeeded,
    online_level: c.onlineLevel,
    faq: JSON.stringify(c.faq),
    review_steps: JSON.stringify(c.reviewSteps),
    form_schema: JSON.stringify(c.formSchema),
    instant_conditions: c.instantConditions === null ? null : JSON.stringify(c.instantConditions),
    tolerance_materials: JSON.stringify(c.toleranceMaterials),
    joint_handling: c.jointHandling,
    certificate_kind: c.certificateKind,
    search_words: words,
  }
}

export async function findDraft(db: Executor, matterId: string) {
  return db
    .selectFrom('service_matter_versions as v')
    .select(['v.matter_id', ...versionColumns])
    .where('v.matter_id', '=', matterId)
    .where('v.status', '=', 'draft')
    .executeTakeFirst()
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findDraft>>>

export async function findCurrentVersion(db: Executor, matterId: string) {
  return db
    .selectFrom('service_matter_versions as v')
    .innerJoin('service_matters as m', 'm.current_version_id', 'v.id')
    .select(['v.matter_id', ...versionColumns])
    .where('m.id', '=', matterId)
    .executeTakeFirst()
}

export async function findVersion(db: Executor, id: string) {
  return db
    .selectFrom('service_matter_versions as v')
    .select(['v.matter_id', ...versionColumns])
    .where('v.id', '=', id)
    .executeTakeFirst()
}

/** The matter's draft with this content: the existing draft rewritten, or the next number opened. */
export async function writeDraft(
  tx: Tx,
  matterId: string,
  content: MatterContent,
  words: string[],
  by: string | null,
): Promise<string> {
  const existing = await findDraft(tx, matterId)
  if (existing) {
    await tx
      .updateTable('service_matter_versions')
      .set(contentColumns(content, words))
      .where('id', '=', existing.version_id)
      .execute()
    return existing.version_id
  }
  const last = await tx
    .selectFrom('service_matter_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('matter_id', '=', matterId)
    .executeTakeFirst()
  const row = await tx
    .insertInto('service_matter_versions')
    .values({
      matter_id: matterId,
      number: (last?.n ?? 0) + 1,
      ...contentColumns(content, words),
      created_by: by,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Draft → published, and the matter now points at it (the earlier published version stays as it was). */
export async function publishVersion(
  tx: Tx,
  matterId: string,
  versionId: string,
  by: string | null,
  at: Date,
) {
  await tx
    .updateTable('service_matter_versions')
    .set({ status: 'published', published_by: by, published_at: at })
    .where('id', '=', versionId)
    .execute()
  await tx
    .updateTable('service_matters')
    .set({ current_version_id: versionId })
    .where('id', '=', matterId)
    .execute()
}

export async function countMatters(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('service_matters')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The form of a draft version (published versions never change: set it before publishing). */
export async function setDraftFormSchema(tx: Tx, versionId: string, formSchema: Record<string, unknown>) {
  await tx
    .updateTable('service_matter_versions')
    .set({ form_schema: JSON.stringify(formSchema) })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute()
}
