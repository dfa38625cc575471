import { requireRole, requireSignedIn, type Actor } from '../../kernel/auth/actor'
import { findPendingDocuments } from '../../kernel/auth/consent.queries'
import { deleteSessionsOfUser } from '../../kernel/auth/session.queries'
import { writeAudit } from '../../kernel/audit/audit'
import { currentLocale } from '../../kernel/context'
import { AppError, validationFailed, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { requiredDocumentsOf } from '../../shared/legal-documents'
import { presentDocument } from './legal-documents.service'
import type { AcceptDocumentsInput, ConsentStatus } from './privacy.schema'
import * as q from './privacy.queries'

export type ClientInfo = { ip: string; userAgent: string | null }

/**
 * What the signed-in user must still accept (each document whole, with what changed since the version
 * they accepted before), and every acceptance they gave. Callable while acceptance is pending.
 */
export async function getConsentStatus(deps: AppDeps, actor: Actor): Promise<ConsentStatus> {
  const user = requireSignedIn(actor)
  const now = new Date()
  const [pending, records] = await Promise.all([
    findPendingDocuments(deps.db, user.userId, user.userKind, now),
    q.findAcceptancesOfUser(deps.db, user.userId),
  ])
  const rows = await q.findDocumentsByIds(
    deps.db,
    pending.map((p) => p.id),
  )
  const en = currentLocale() === 'en'
  return {
    pending: pending.map((p) => {
      const row = rows.find((r) => r.id === p.id)!
      const before = records.find((r) => r.kind === p.kind && r.version < p.version)
      return { ...presentDocument(row, row.id, now), previouslyAcceptedVersion: before?.version ?? null }
    }),
    records: records.map((r) => ({
      kind: r.kind,
      version: r.version,
      title: en ? r.title_en : r.title_zh,
      acceptedAt: r.accepted_at.toISOString(),
      withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    })),
    mayWithdraw: user.userKind === 'enterprise',
  }
}

/**
 * The user accepts the versions they read. Only the current version of a document their kind of
 * account is asked to accept can be accepted; accepting one already accepted changes nothing. Each new
 * acceptance is recorded with the address and browser it came from, and audited.
 * Refuses: VALIDATION_FAILED (a document not for this kind of account, or named twice),
 * LEGAL_DOCUMENT_OUTDATED (a newer version took effect since the page was opened).
 */
export async function acceptDocuments(
  deps: AppDeps,
  actor: Actor,
  input: AcceptDocumentsInput,
  client: ClientInfo,
): Promise<ConsentStatus> {
  const user = requireSignedIn(actor)
  const required = requiredDocumentsOf(user.userKind)
  const fields: FieldErrors = {}
  input.documents.forEach((d, i) => {
    if (!required.includes(d.kind))
      fields[`documents.${i}.kind`] = translate('privacy.notForYou', {
        document: translate(`privacy.kind.${d.kind}`),
      })
    else if (input.documents.findIndex((o) => o.kind === d.kind) !== i)
      fields[`documents.${i}.kind`] = translate('privacy.namedTwice')
  })
  if (Object.keys(fields).length) throw validationFailed(fields)

  await deps.db.transaction().execute(async (tx) => {
    const current = await q.findCurrentDocumentIds(tx, new Date())
    for (const d of input.documents) {
      const id = current.get(d.kind)
      const row = id ? (await q.findDocumentsByIds(tx, [id]))[0] : undefined
      if (!row || row.version !== d.version)
        throw new AppError('LEGAL_DOCUMENT_OUTDATED', {
          params: { document: translate(`privacy.kind.${d.kind}`), version: row?.version ?? d.version },
        })
      const recorded = await q.insertAcceptance(tx, {
        userId: user.userId,
        documentId: row.id,
        ip: client.ip,
        userAgent: client.userAgent,
      })
      if (recorded)
        await writeAudit(tx, user, {
          action: 'consent.accept',
          entityType: 'legal_document',
          entityId: row.id,
          after: { kind: row.kind, version: row.version, userId: user.userId },
        })
    }
  })
  deps.sessionCache.forgetUser(user.userId)
  return getConsentStatus(deps, { ...user, consentPending: false })
}

/**
 * An enterprise user withdraws their consent (PIPL art. 15): every live acceptance is dated, every
 * session of theirs ends, and the platform asks again before it is used. What was done before stays
 * lawful and the case records stay (they are kept under the archive rules). Staff acknowledge a notice
 * rather than consent, so they cannot withdraw. Refuses: FORBIDDEN (staff).
 */
export async function withdrawConsent(
  deps: AppDeps,
  actor: Actor,
  input: { reason?: string | undefined },
): Promise<{ withdrawn: number; sessionsEnded: number }> {
  const user = requireRole(actor, 'enterprise')
  const result = await deps.db.transaction().execute(async (tx) => {
    const withdrawn = await q.withdrawAcceptances(tx, user.userId, new Date())
    const sessionsEnded = await deleteSessionsOfUser(tx, user.userId)
    await writeAudit(tx, user, {
      action: 'consent.withdraw',
      entityType: 'user',
      entityId: user.userId,
      after: { documents: withdrawn.map((w) => w.document_id), reason: input.reason ?? null, sessionsEnded },
    })
    return { withdrawn: withdrawn.length, sessionsEnded }
  })
  deps.sessionCache.forgetUser(user.userId)
  return result
}
