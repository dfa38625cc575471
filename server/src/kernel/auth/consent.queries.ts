import { sql, type Expression, type RawBuilder } from 'kysely'
import { REQUIRED_DOCUMENTS, type LegalDocumentKind } from '../../shared/legal-documents'
import type { Executor } from '../db/database'

/**
 * The session gate's view of the legal documents (the privacy module publishes and records them): which
 * current versions a user has not accepted. "Current" is, per kind, the newest version in effect.
 */

const kindList = (kinds: readonly LegalDocumentKind[]) => sql.join(kinds.map((k) => sql.lit(k)))

/** The current version of every kind at `now`: id, kind, version. */
export function currentDocumentsSql(now: Date): RawBuilder<unknown> {
  return sql`(SELECT DISTINCT ON (d.kind) d.id, d.kind, d.version
              FROM legal_documents d
              WHERE d.effective_at <= ${now}
              ORDER BY d.kind, d.version DESC)`
}

/**
 * True when the user (a row aliased `u` of users in the outer query) has a current document of their
 * kind without a live acceptance. One correlated subquery, so resolving a session stays one round trip.
 */
export function consentPendingSql(userId: Expression<string>, userKind: Expression<string>, now: Date) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${currentDocumentsSql(now)} cur
    WHERE ((${userKind} = 'staff' AND cur.kind IN (${kindList(REQUIRED_DOCUMENTS.staff)}))
        OR (${userKind} = 'enterprise' AND cur.kind IN (${kindList(REQUIRED_DOCUMENTS.enterprise)})))
      AND NOT EXISTS (SELECT 1 FROM legal_acceptances a
                      WHERE a.user_id = ${userId} AND a.document_id = cur.id AND a.withdrawn_at IS NULL))`
}

/** The current documents of the user's kind they have not accepted (kind and version), in a stable order. */
export async function findPendingDocuments(
  db: Executor,
  userId: string,
  userKind: 'staff' | 'enterprise',
  now: Date,
): Promise<{ id: string; kind: LegalDocumentKind; version: number }[]> {
  const kinds = REQUIRED_DOCUMENTS[userKind]
  const result = await sql<{ id: string; kind: LegalDocumentKind; version: number }>`
    SELECT cur.id, cur.kind, cur.version FROM ${currentDocumentsSql(now)} cur
    WHERE cur.kind IN (${kindList(kinds)})
      AND NOT EXISTS (SELECT 1 FROM legal_acceptances a
                      WHERE a.user_id = ${userId} AND a.document_id = cur.id AND a.withdrawn_at IS NULL)
    ORDER BY cur.kind`.execute(db)
  return result.rows.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind))
}
