import { sql, type Updateable } from 'kysely'
import { caseEventColumns, type CaseEventRecord } from '../../kernel/cases/action-runner'
import type { Executor, Tx } from '../../kernel/db/database'
import type { ExposureSource, ExposureState, ExposuresTable } from './exposures.tables'

function exposureQuery(db: Executor) {
  return db
    .selectFrom('exposures as x')
    .leftJoin('users as p', 'p.id', 'x.proposed_by')
    .leftJoin('users as r', 'r.id', 'x.reviewed_by')
    .selectAll('x')
    .select(['p.display_name as proposed_by_name', 'r.display_name as reviewed_by_name'])
}

export type ExposureRow = NonNullable<Awaited<ReturnType<typeof findExposure>>>

export async function findExposure(db: Executor, id: string) {
  return exposureQuery(db).where('x.id', '=', id).executeTakeFirst()
}

export async function lockExposure(tx: Tx, id: string) {
  await tx.selectFrom('exposures').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return findExposure(tx, id)
}

export async function findExposures(
  db: Executor,
  filter: { status?: ExposureState | undefined },
  page: { limit: number; offset: number },
) {
  let query = exposureQuery(db)
  if (filter.status) query = query.where('x.status', '=', filter.status)
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await query.orderBy('x.proposed_at', 'desc').limit(page.limit).offset(page.offset).execute()
  return { items, total: Number(counted.n) }
}

/** The public board reads only published items and only the reviewed columns. */
function publicQuery(db: Executor) {
  return db
    .selectFrom('exposures')
    .select([
      'id',
      'unit_name',
      'public_title',
      'public_conduct',
      'published_at',
      'rectification',
      'rectified_at',
    ])
    .where('status', 'in', ['published', 'rectified'])
}

export async function findPublishedExposures(db: Executor, page: { limit: number; offset: number }) {
  const counted = await publicQuery(db)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const items = await publicQuery(db)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { items, total: Number(counted.n) }
}

export async function findPublishedExposure(db: Executor, id: string) {
  return publicQuery(db).where('id', '=', id).executeTakeFirst()
}

export async function countProposedExposures(db: Executor) {
  const row = await db
    .selectFrom('exposures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['proposed', 'approved'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertExposure(
  tx: Tx,
  row: {
    source: ExposureSource
    sourceId: string | null
    unitName: string
    departmentId: string | null
    title: string
    conduct: string
    proposedBy: string
    at: Date
  },
) {
  return tx
    .insertInto('exposures')
    .values({
      source: row.source,
      source_id: row.sourceId,
      unit_name: row.unitName,
      department_id: row.departmentId,
      title: row.title,
      conduct: row.conduct,
      proposed_by: row.proposedBy,
      proposed_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function updateExposure(tx: Tx, id: string, changes: Updateable<ExposuresTable>) {
  await tx
    .updateTable('exposures')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** The event's INSERT, not sent: the case kit sends it together with the move's audit row (one statement). */
export function exposureEventInsert(tx: Tx, exposureId: string, event: CaseEventRecord) {
  return tx.insertInto('exposure_events').values({
    exposure_id: exposureId,
    ...caseEventColumns(event),
  })
}

export async function countExposures(db: Executor) {
  const row = await db
    .selectFrom('exposures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A demo staff account holding a role (the demo seed acts as it), or undefined. */
export async function findDemoStaffWithRole(db: Executor, username: string, role: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.department_id', 'r.department_id as role_department_id'])
    .where('u.username', '=', username)
    .where('u.is_demo', '=', true)
    .where('r.role', '=', role)
    .executeTakeFirst()
}
