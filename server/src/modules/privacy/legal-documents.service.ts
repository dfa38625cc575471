import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { zonedInstant } from '../../kernel/calendar/zoned-time'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { LegalDocumentKind } from '../../shared/legal-documents'
import type { LegalDocument, LegalDocumentSummary, PublishLegalDocumentInput } from './privacy.schema'
import * as q from './privacy.queries'

type VersionRow = Awaited<ReturnType<typeof q.findVersions>>[number]

function statusOf(row: { id: string; effective_at: Date }, currentId: string | undefined, now: Date) {
  if (row.id === currentId) return 'current' as const
  return row.effective_at > now ? ('scheduled' as const) : ('superseded' as const)
}

/** A document in the request's language. */
export function presentSummary(
  row: VersionRow,
  currentId: string | undefined,
  now: Date,
): LegalDocumentSummary {
  const en = currentLocale() === 'en'
  return {
    kind: row.kind,
    version: row.version,
    title: en ? row.title_en : row.title_zh,
    changeSummary: en ? row.change_summary_en : row.change_summary_zh,
    effectiveOn: row.effective_on,
    publishedAt: row.published_at.toISOString(),
    status: statusOf(row, currentId, now),
    language: en ? 'en' : 'zh-CN',
  }
}

export function presentDocument(row: q.DocumentRow, currentId: string | undefined, now: Date): LegalDocument {
  return {
    ...presentSummary(row, currentId, now),
    body: currentLocale() === 'en' ? row.body_en : row.body_zh,
  }
}

/** The version of each kind in effect now (public: anyone may read what they are asked to accept). */
export async function listCurrentDocuments(deps: AppDeps): Promise<{ items: LegalDocumentSummary[] }> {
  const now = new Date()
  const current = await q.findCurrentDocumentIds(deps.db, now)
  const rows = await q.findDocumentsByIds(deps.db, [...current.values()])
  const order = ['privacy_notice', 'terms_of_use', 'staff_notice']
  rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
  return { items: rows.map((r) => presentSummary(r, r.id, now)) }
}

/** The version of a kind in effect now. Refuses: NOT_FOUND (none published yet). */
export async function getCurrentDocument(deps: AppDeps, kind: LegalDocumentKind): Promise<LegalDocument> {
  const now = new Date()
  const currentId = (await q.findCurrentDocumentIds(deps.db, now)).get(kind)
  const [row] = currentId ? await q.findDocumentsByIds(deps.db, [currentId]) : []
  if (!row) throw notFound()
  return presentDocument(row, currentId, now)
}

/** Every version of a kind, newest first: old versions stay readable (what someone agreed to then). */
export async function listDocumentVersions(deps: AppDeps, kind: LegalDocumentKind) {
  const now = new Date()
  const currentId = (await q.findCurrentDocumentIds(deps.db, now)).get(kind)
  const rows = await q.findVersions(deps.db, kind)
  return { items: rows.map((r) => presentSummary(r, currentId, now)) }
}

/** One version of a kind, whatever its status. Refuses: NOT_FOUND. */
export async function getDocumentVersion(
  deps: AppDeps,
  kind: LegalDocumentKind,
  version: number,
): Promise<LegalDocument> {
  const now = new Date()
  const row = await q.findDocument(deps.db, kind, version)
  if (!row) throw notFound()
  const currentId = (await q.findCurrentDocumentIds(deps.db, now)).get(kind)
  return presentDocument(row, currentId, now)
}

/** 00:00 of a city date, as the instant a version takes effect. */
function startOfCityDay(deps: AppDeps, date: string): Date {
  return zonedInstant(date, 0, deps.config.timeZone)
}

/**
 * An administrator publishes a new version of a document: both languages, what changed, and the city's
 * date it takes effect (today: at once; later: everyone is asked again from that day). Earlier versions
 * stay as they were. Refuses: FORBIDDEN (not an admin), VALIDATION_FAILED (a date in the past, or before
 * the newest version's), VERSION_CONFLICT (someone published in between).
 */
export async function publishDocument(
  deps: AppDeps,
  actor: Actor,
  kind: LegalDocumentKind,
  input: PublishLegalDocumentInput,
): Promise<LegalDocument> {
  const admin = requireRole(actor, 'admin')
  const today = cityToday(deps)
  if (input.effectiveOn < today)
    throw new AppError('VALIDATION_FAILED', {
      fields: { effectiveOn: translate('privacy.effectiveInPast', { today }) },
    })
  const published = await deps.db.transaction().execute(async (tx) => {
    await q.lockDocumentKind(tx, kind)
    const latest = await q.findLatestVersion(tx, kind)
    if ((latest?.version ?? 0) !== input.basedOnVersion) throw new AppError('VERSION_CONFLICT')
    if (latest && input.effectiveOn < latest.effective_on)
      throw new AppError('VALIDATION_FAILED', {
        fields: {
          effectiveOn: translate('privacy.effectiveBeforeLatest', {
            version: latest.version,
            date: latest.effective_on,
          }),
        },
      })
    const row = await insertVersion(tx, {
      kind,
      version: (latest?.version ?? 0) + 1,
      input,
      effectiveAt: startOfCityDay(deps, input.effectiveOn),
      publishedBy: admin.userId,
    })
    await writeAudit(tx, admin, {
      action: 'legal_document.publish',
      entityType: 'legal_document',
      entityId: row.id,
      after: {
        kind,
        version: row.version,
        effectiveOn: row.effective_on,
        changeSummaryZh: row.change_summary_zh,
      },
    })
    const currentId = (await q.findCurrentDocumentIds(tx, new Date())).get(kind)
    return presentDocument(row, currentId, new Date())
  })
  // Everyone of that kind may now owe a consent: this node asks again at once (decision 0031).
  deps.sessionCache.forgetAll()
  return published
}

async function insertVersion(
  tx: Executor,
  v: {
    kind: LegalDocumentKind
    version: number
    input: Omit<PublishLegalDocumentInput, 'basedOnVersion'>
    effectiveAt: Date
    publishedBy: string | null
  },
) {
  const normalise = (text: string) => text.replace(/\r\n?/g, '\n')
  return q.insertDocument(tx, {
    kind: v.kind,
    version: v.version,
    title_zh: v.input.titleZh,
    title_en: v.input.titleEn,
    body_zh: normalise(v.input.bodyZh),
    body_en: normalise(v.input.bodyEn),
    change_summary_zh: v.input.changeSummaryZh,
    change_summary_en: v.input.changeSummaryEn,
    effective_on: v.input.effectiveOn,
    effective_at: v.effectiveAt,
    published_by: v.publishedBy,
  })
}

/**
 * The city's default documents as the first versions, when there are none (the seed: a new deployment
 * starts with its city's text; the administrator publishes the city's own later). In effect from today.
 */
export async function seedFirstVersions(
  deps: AppDeps,
  tx: Executor,
  documents: readonly {
    kind: LegalDocumentKind
    titleZh: string
    titleEn: string
    bodyZh: string
    bodyEn: string
  }[],
): Promise<number> {
  if ((await q.countDocuments(tx)) > 0) return 0
  const today = cityToday(deps)
  for (const doc of documents)
    await insertVersion(tx, {
      kind: doc.kind,
      version: 1,
      input: {
        ...doc,
        changeSummaryZh: '首次发布。',
        changeSummaryEn: 'First version.',
        effectiveOn: today,
      },
      effectiveAt: startOfCityDay(deps, today),
      publishedBy: null,
    })
  return documents.length
}
