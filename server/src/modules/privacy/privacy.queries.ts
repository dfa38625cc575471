import { sql, type Insertable } from 'kysely'
import { currentDocumentsSql } from '../../kernel/auth/consent.queries'
import type { Executor } from '../../kernel/db/database'
import type { LegalDocumentsTable } from './privacy.tables'
import type { LegalDocumentKind } from '../../shared/legal-documents'

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>

/** The ids of the versions in effect at `now`, one per kind. */
export async function findCurrentDocumentIds(
  db: Executor,
  now: Date,
): Promise<Map<LegalDocumentKind, string>> {
  const result = await sql<{ id: string; kind: LegalDocumentKind }>`
    SELECT cur.id, cur.kind FROM ${currentDocumentsSql(now)} cur`.execute(db)
  return new Map(result.rows.map((r) => [r.kind, r.id]))
}

export async function findDocument(db: Executor, kind: LegalDocumentKind, version: number) {
  return db
    .selectFrom('legal_documents')
    .selectAll()
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst()
}

export async function findDocumentsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return []
  return db.selectFrom('legal_documents').selectAll().where('id', 'in', ids).execute()
}

/** Every version of a kind, newest first, without the bodies. */
export async function findVersions(db: Executor, kind: LegalDocumentKind) {
  return db
    .selectFrom('legal_documents')
    .select([
      'id',
      'kind',
      'version',
      'title_zh',
      'title_en',
      'change_summary_zh',
      'change_summary_en',
      'effective_on',
      'effective_at',
      'published_at',
    ])
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute()
}

export async function findLatestVersion(db: Executor, kind: LegalDocumentKind) {
  return db
    .selectFrom('legal_documents')
    .select(['version', 'effective_on'])
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Publishing is one at a time per kind: the version number is the next after the newest. */
export async function lockDocumentKind(db: Executor, kind: LegalDocumentKind): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`legal_documents:${kind}`}))`.execute(db)
}

export async function insertDocument(db: Executor, row: Insertable<LegalDocumentsTable>) {
  return db.insertInto('legal_documents').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function countDocuments(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('legal_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every acceptance of a user, newest first, with the document's kind, version and titles. */
export async function findAcceptancesOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('legal_acceptances as a')
    .innerJoin('legal_documents as d', 'd.id', 'a.document_id')
    .select([
      'a.id',
      'a.accepted_at',
      'a.withdrawn_at',
      'a.ip',
      'a.user_agent',
      'd.kind',
      'd.version',
      'd.title_zh',
      'd.title_en',
    ])
    .where('a.user_id', '=', userId)
    .orderBy('a.accepted_at', 'desc')
    .orderBy('d.kind')
    .execute()
}

/** Records an acceptance unless a live one exists (accepting twice is a no-op); true when recorded. */
export async function insertAcceptance(
  db: Executor,
  row: { userId: string; documentId: string; ip: string | null; userAgent: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('legal_acceptances')
    .values({
      user_id: row.userId,
      document_id: row.documentId,
      ip: row.ip,
      user_agent: row.userAgent?.slice(0, 300) ?? null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'document_id']).where('withdrawn_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** Dates every live acceptance of the user; answers the documents they were for. */
export async function withdrawAcceptances(db: Executor, userId: string, at: Date) {
  return db
    .updateTable('legal_acceptances')
    .set({ withdrawn_at: at })
    .where('user_id', '=', userId)
    .where('withdrawn_at', 'is', null)
    .returning('document_id')
    .execute()
}

// Data exports

export async function insertDataExport(
  db: Executor,
  row: {
    userId: string
    scope: 'personal' | 'enterprise'
    enterpriseId: string | null
    format: 'json' | 'xlsx'
    sizeBytes: number
  },
): Promise<void> {
  await db
    .insertInto('data_exports')
    .values({
      user_id: row.userId,
      scope: row.scope,
      enterprise_id: row.enterpriseId,
      format: row.format,
      size_bytes: row.sizeBytes,
    })
    .execute()
}

/** How many exports a user made since a moment, and the oldest of them (for the wait). */
export async function countExportsSince(db: Executor, userId: string, since: Date) {
  const row = await db
    .selectFrom('data_exports')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('exported_at').as('oldest')])
    .where('user_id', '=', userId)
    .where('exported_at', '>', since)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n), oldest: (row.oldest as Date | null) ?? null }
}

export async function findExportsOfEnterprise(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('data_exports as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .select(['x.format', 'x.size_bytes', 'x.exported_at', 'u.phone'])
    .where('x.enterprise_id', '=', enterpriseId)
    .orderBy('x.exported_at', 'desc')
    .execute()
}

export async function findExportsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('data_exports as x')
    .leftJoin('enterprises as e', 'e.id', 'x.enterprise_id')
    .select(['x.scope', 'x.format', 'x.size_bytes', 'x.exported_at', 'e.name as enterprise_name'])
    .where('x.user_id', '=', userId)
    .orderBy('x.exported_at', 'desc')
    .execute()
}

// The personal export: the account, its memberships and its sessions.

export async function findAccount(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'kind',
      'username',
      'phone',
      'display_name',
      'email',
      'created_at',
      'last_sign_in_at',
      'totp_enabled_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirst()
}

export async function findMembershipsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select(['e.name', 'e.uscc', 'm.role', 'm.created_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .execute()
}

export async function findSessionsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()
}

export async function findRoleNamesOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.role', 'd.name as department_name'])
    .where('r.user_id', '=', userId)
    .execute()
}
