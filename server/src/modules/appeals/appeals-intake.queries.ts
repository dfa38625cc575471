import { sql, type Insertable, type RawBuilder } from 'kysely'
import { insertAuditRowSql, type UnlinkedAuditRow } from '../../kernel/audit/audit.queries'
import { nextSerialTextSql, readableNumberSql } from '../../kernel/db/counters.queries'
import type { Executor, Tx } from '../../kernel/db/database'
import { prepared } from '../../kernel/db/prepared'
import type { AppealsTable } from './appeals.tables'
import type { AppealRow } from './appeal-row.queries'

/**
 * Filing: the one statement that files an appeal (decision 0032), and the idempotency keys a retry or a
 * federation batch is recognised by.
 */

/** What a filing answers: all its receipt and its callers need (the whole row is not sent back). */
export type FiledAppeal = Pick<AppealRow, 'id' | 'number' | 'status' | 'created_at'>

/** What a filing stores: the appeal's columns but its number, tier and status (the statement sets those). */
export type FilingValues = Omit<Insertable<AppealsTable>, 'number' | 'tier' | 'status' | 'words'> & {
  words: string[]
}

/**
 * Files an appeal in one statement: the row, numbered from the year's sequence, with its category's
 * tier, its "filed" event and its audit row (`after` gains the number and tier; decision 0032). Inserts nothing, and takes no number, when the category
 * is not active, when `memberUserId` is given and does not act for the enterprise, or — with
 * `skipIfKeyUsed` — when the submitter already used the idempotency key (also one committed by a
 * racing request, after waiting for it); the caller then finds out which, the long way. `outbox`
 * (Notifier.outboxSql over `filedSql`) writes the filing's messages and their jobs in the same
 * statement, so a filing without attachments is this one statement (decision 0040).
 */
export async function insertFiledAppeal(
  db: Executor,
  values: FilingValues,
  number: { prefix: string; sequence: string },
  event: {
    actorUserId: string
    actorRole: string | null
    note: string | null
    data: Record<string, unknown>
  },
  audit: UnlinkedAuditRow,
  options: { memberUserId?: string; skipIfKeyUsed?: boolean },
  outbox: RawBuilder<unknown>,
): Promise<FiledAppeal | undefined> {
  const v = values
  const member = options.memberUserId
    ? sql`AND EXISTS (SELECT 1 FROM enterprise_members m
                      WHERE m.user_id = ${options.memberUserId} AND m.enterprise_id = ${v.enterprise_id})`
    : sql``
  const onConflict = options.skipIfKeyUsed
    ? sql`ON CONFLICT (submitted_by, idempotency_key) DO NOTHING`
    : sql``
  // Parameters in a SELECT list carry no column type: each is cast to its column's. Prepared: every
  // filing sends the same text (one per combination of the two options), decision 0040.
  const result = await prepared(sql<FiledAppeal>`
    WITH allowed AS (
      SELECT c.default_tier FROM appeal_categories c
      WHERE c.code = ${v.category_code} AND c.is_active ${member}
    ), serial AS (
      SELECT ${nextSerialTextSql(number.sequence)} AS s FROM allowed
    ), filed AS (
      INSERT INTO appeals (number, enterprise_id, submitted_by, channel, idempotency_key, request_fingerprint,
                           category_code, tier, title, body, words, address, latitude, longitude,
                           preferred_contact, contact_phone, hide_identity, is_public, status, application_id)
      SELECT ${readableNumberSql(number.prefix, sql<string>`serial.s`)}, ${v.enterprise_id}::uuid,
             ${v.submitted_by}::uuid, ${v.channel}::text, ${v.idempotency_key ?? null}::text,
             ${v.request_fingerprint ?? null}::text, ${v.category_code}::text, allowed.default_tier,
             ${v.title}::text, ${v.body}::text, ${v.words}::text[], ${v.address ?? null}::text,
             ${v.latitude ?? null}::float8, ${v.longitude ?? null}::float8,
             ${v.preferred_contact ?? 'phone'}::text, ${v.contact_phone ?? null}::text,
             ${v.hide_identity ?? false}::boolean, ${v.is_public ?? false}::boolean, 'submitted',
             ${v.application_id ?? null}::uuid
      FROM allowed, serial
      ${onConflict}
      RETURNING *
    ), event AS (
      INSERT INTO appeal_events (appeal_id, type, actor_user_id, actor_role, note, note_audience, data, audience)
      SELECT filed.id, 'filed', ${event.actorUserId}::uuid, ${event.actorRole}::text, ${event.note}::text,
             'internal', ${JSON.stringify(event.data)}::jsonb, 'enterprise'
      FROM filed
    ), audited AS (
      ${insertAuditRowSql(audit, 'filed', {
        entityId: sql<string>`filed.id::text`,
        // What the insert decided joins what the caller knew.
        after: sql`${JSON.stringify(audit.after ?? {})}::jsonb || jsonb_build_object('number', filed.number, 'tier', filed.tier)`,
      })}
    ), ${outbox}
    SELECT filed.id, filed.number, filed.status, filed.created_at FROM filed`).execute(db)
  return result.rows[0]
}

/** SQL over the filing statement's new row (`filed`), for the messages that statement writes. */
export const filedSql = {
  /** the new appeal: one message */
  appeal: sql`filed`,
  /** the new appeal beside each person of `people` (a subquery of their ids): a message each */
  appealAnd: (people: RawBuilder<{ id: string }>) => sql`filed, (${people}) AS person`,
  personId: sql<string>`person.id`,
  enterpriseId: sql<string>`filed.enterprise_id`,
  /** what a receipt and the task force's message say: the number, the title, the appeal to open */
  params: sql`jsonb_build_object('number', filed.number, 'title', filed.title, 'appealId', filed.id)`,
}

export async function findAppealByIdempotencyKey(db: Executor, submittedBy: string, key: string) {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('submitted_by', '=', submittedBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

/**
 * A federation row already filed by anyone (its key is the row's content): locks the key for the rest
 * of the transaction, so two dispatchers importing the same file at once file it once.
 */
export async function lockAndFindBatchAppeal(tx: Tx, key: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'appeal-batch:' + key}))`.execute(tx)
  return tx
    .selectFrom('appeals')
    .selectAll()
    .where('channel', '=', 'federation')
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}
