import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { AppealStatus } from './appeals.tables'

/** What Open311 publishes: public appeals and their first image. */

/** Public appeals (the enterprise allowed it and did not hide its identity), for Open311. */
export async function findPublicAppeals(
  db: Executor,
  filter: {
    numbers?: string[] | undefined
    categoryCodes?: string[] | undefined
    from: Date
    to: Date
    statuses?: AppealStatus[] | undefined
  },
  limit: number,
) {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('appeal_categories as c', 'c.code', 'a.category_code')
    .leftJoin('appeal_assignments as s', (join) =>
      join.onRef('s.appeal_id', '=', 'a.id').on('s.role', '=', 'lead').on('s.is_current', '=', true),
    )
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      'a.number',
      'a.status',
      'a.title',
      'a.body',
      'a.category_code',
      'c.name as category_name',
      'c.name_en as category_name_en',
      'd.name as department_name',
      'a.created_at',
      'a.updated_at',
      'a.address',
      'a.latitude',
      'a.longitude',
      'a.close_reason',
    ])
    .select((eb) =>
      eb
        .selectFrom('appeal_clocks as k')
        .select((k) => k.fn.max('k.due_at').as('d'))
        .whereRef('k.appeal_id', '=', 'a.id')
        .where('k.kind', '=', 'resolution')
        .as('expected_at'),
    )
    .select([firstImageOf('id').as('media_id'), firstImageOf('content_type').as('media_type')])
    .where('a.is_public', '=', true)
    .where('a.hide_identity', '=', false)
    .where('a.status', 'not in', ['rejected', 'merged'])
  if (filter.numbers?.length) q = q.where('a.number', 'in', filter.numbers)
  else {
    q = q.where('a.created_at', '>=', filter.from).where('a.created_at', '<=', filter.to)
    if (filter.categoryCodes?.length) q = q.where('a.category_code', 'in', filter.categoryCodes)
    if (filter.statuses) q = q.where('a.status', 'in', filter.statuses)
  }
  return q.orderBy('a.created_at', 'desc').limit(limit).execute()
}

/**
 * A column of the first image the enterprise filed with appeal `a` (not a department's reply
 * attachment, not a PDF): the one picture an Open311 feed shows.
 */
function firstImageOf(column: 'id' | 'content_type') {
  return sql<string | null>`(
    SELECT ${sql.ref(`f.${column}`)} FROM appeal_attachments f
    WHERE f.appeal_id = a.id AND f.reply_id IS NULL AND f.content_type IN ('image/jpeg', 'image/png', 'image/webp')
    ORDER BY f.uploaded_at, f.id LIMIT 1)`
}

/**
 * An image Open311 may show: the first image of an appeal that is public, does not hide its
 * identity and was not rejected or merged — the same rule as the public list, checked again here.
 */
export async function findPublicMedia(db: Executor, attachmentId: string) {
  return db
    .selectFrom('appeal_attachments as m')
    .innerJoin('appeals as a', 'a.id', 'm.appeal_id')
    .select(['m.content_type', 'm.content'])
    .where('m.id', '=', attachmentId)
    .where('a.is_public', '=', true)
    .where('a.hide_identity', '=', false)
    .where('a.status', 'not in', ['rejected', 'merged'])
    .where(sql<boolean>`m.id = ${firstImageOf('id')}`)
    .executeTakeFirst()
}
