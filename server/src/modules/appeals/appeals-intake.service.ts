import {
  hasRole,
  primaryRole,
  requireRole,
  requireSignedIn,
  type Actor,
  type UserActor,
} from '../../kernel/auth/actor'
import { auditRowOf } from '../../kernel/audit/audit'
import { openOnce } from '../../kernel/cases/open-once'
import {
  knownReadableNumberSource,
  readableNumberSource,
  type ReadableNumberSource,
} from '../../kernel/readable-numbers'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { currentLocale } from '../../kernel/context'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { StatementMessage } from '../../kernel/notify/notifier'
import { assertSameRequest, requestFingerprint } from '../../kernel/idempotency'
import { acceptUpload } from '../../kernel/uploads'
import { isMobilePhone } from '../../shared/phone'
import { checkUscc } from '../../shared/uscc'
import { findEnterpriseIdByUscc } from '../enterprises'
import { activeStaffWithRolesSql } from '../users'
import { assertCanSee, holdingOf, requireViewer } from './appeal-access'
import { OPEN_STATES } from './appeal-states'
import type { FileAppealInput } from './appeals.schema'
import { candidateWords, wordsOf } from './words'
import {
  findAttachment,
  findUnlinkedAttachments,
  insertAttachment,
  linkAttachments,
} from './appeal-attachments.queries'
import { findAppeal, type AppealRow } from './appeal-row.queries'
import { findCategories, findCategory } from './appeals-catalogue.queries'
import {
  filedSql,
  findAppealByIdempotencyKey,
  insertFiledAppeal,
  type FiledAppeal,
} from './appeals-intake.queries'
import { findSimilarOpen, findWordFrequencies, replaceWordFrequencies } from './appeals-similar.queries'

/**
 * Every channel files through fileIntoPool: the enterprise's own form, the hotline operator, a
 * company visit, the federation's batch, and later the cannot-do desk and bad ratings. One pool, one
 * numbering, one receipt, and a retried submit never files twice.
 */
export type IntakeInput = Omit<FileAppealInput, 'channel'> & {
  channel: AppealRow['channel']
  submittedBy: string
  note?: string | null
  /** the filing request's fingerprint, bound to its idempotency key (kernel/idempotency.ts) */
  requestFingerprint?: string | null
  /** the application the 办不成事 desk files from (services/application-desk.service.ts) */
  applicationId?: string | null
}

export type Receipt = {
  id: string
  number: string
  status: AppealRow['status']
  createdAt: string
  receipt: string
}

function receiptOf(appeal: FiledAppeal): Receipt {
  return {
    id: appeal.id,
    number: appeal.number,
    status: appeal.status,
    createdAt: appeal.created_at.toISOString(),
    receipt: translate('appeals.receipt', { number: appeal.number }),
  }
}

/** Every reason to refuse the filing's fields, listed together. Refuses: VALIDATION_FAILED. */
async function assertIntakeFields(tx: Tx, input: IntakeInput): Promise<void> {
  const fields: FieldErrors = {}
  const category = await findCategory(tx, input.categoryCode)
  if (!category?.is_active) fields.categoryCode = translate('appeals.unknownCategory')
  if (!(await ownsAttachments(tx, input))) fields.attachmentIds = translate('appeals.attachmentsNotYours')
  if (!canTextContact(input)) fields.contactPhone = translate('appeals.smsNeedsMobile')
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

async function ownsAttachments(tx: Tx, input: IntakeInput): Promise<boolean> {
  const owned = await findUnlinkedAttachments(tx, input.attachmentIds, input.submittedBy)
  return owned.length === new Set(input.attachmentIds).size
}

// A fixed line cannot receive a text message.
const canTextContact = (input: IntakeInput) =>
  !(input.preferredContact === 'sms' && input.contactPhone && !isMobilePhone(input.contactPhone))

/**
 * Writes a filing whose checks passed or are conditions of its insert (`conditions`) in one statement:
 * the appeal, its "filed" event, its audit row, and the enterprise's receipt with — when
 * `tellDispatchers` — the task force's "new appeal", each with its delivery job (decision 0040).
 * Undefined, with nothing written, when the insert's conditions did not hold. Its attachments are
 * the caller's (writeFilingInTx).
 */
async function writeFiling(
  deps: AppDeps,
  db: Executor,
  actor: UserActor,
  input: IntakeInput,
  number: ReadableNumberSource,
  conditions: { memberUserId?: string; skipIfKeyUsed?: boolean },
  tellDispatchers: boolean,
): Promise<FiledAppeal | undefined> {
  const messages: StatementMessage[] = [
    {
      from: filedSql.appeal,
      recipient: { enterpriseId: filedSql.enterpriseId },
      template: 'appeal.received',
      params: filedSql.params,
      isSolicited: true,
    },
  ]
  // The task force must triage it. (A federation batch tells them once, not per row.)
  if (tellDispatchers)
    messages.push({
      from: filedSql.appealAnd(activeStaffWithRolesSql(['dispatcher'])),
      recipient: { userId: filedSql.personId },
      template: 'appeal.new',
      params: filedSql.params,
    })
  return insertFiledAppeal(
    db,
    {
      enterprise_id: input.enterpriseId,
      submitted_by: input.submittedBy,
      channel: input.channel,
      idempotency_key: input.idempotencyKey,
      request_fingerprint: input.requestFingerprint ?? null,
      category_code: input.categoryCode,
      title: input.title,
      body: input.body,
      words: wordsOf(`${input.title} ${input.body}`),
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      preferred_contact: input.preferredContact,
      contact_phone: input.contactPhone,
      hide_identity: input.hideIdentity,
      is_public: input.isPublic,
      application_id: input.applicationId ?? null,
    },
    number,
    {
      actorUserId: actor.userId,
      actorRole: primaryRole(actor),
      // On-behalf filings note the caller: internal, part of the identity a hidden appeal keeps from the department.
      note: input.note ?? null,
      data: { channel: input.channel },
    },
    // Written unlinked, no lock: the chainer links it after commit (decision 0027).
    auditRowOf(actor, {
      action: 'appeal.file',
      entityType: 'appeal',
      after: {
        channel: input.channel,
        enterpriseId: input.enterpriseId,
        categoryCode: input.categoryCode,
        ...(input.applicationId ? { applicationId: input.applicationId } : {}),
      },
    }),
    conditions,
    await deps.notifier.outboxSql(messages),
  )
}

/** writeFiling in the caller's transaction, numbered (the year's sequence made if new), attachments linked. */
async function writeFilingInTx(
  deps: AppDeps,
  tx: Tx,
  actor: UserActor,
  input: IntakeInput,
  conditions: { memberUserId?: string; skipIfKeyUsed?: boolean },
  tellDispatchers: boolean,
): Promise<FiledAppeal | undefined> {
  const number = await readableNumberSource(deps, tx, 'appeal_counters', new Date())
  const appeal = await writeFiling(deps, tx, actor, input, number, conditions, tellDispatchers)
  if (appeal) await linkAttachments(tx, input.attachmentIds, appeal.id, null)
  return appeal
}

/**
 * Files one appeal into the pool inside the caller's transaction, after checking its fields.
 * `tellDispatchers`: the task force hears of it now (a federation batch tells them once, not per row).
 * Refuses: VALIDATION_FAILED (category, attachments, a text message to a fixed line).
 */
export async function fileIntoPool(
  deps: AppDeps,
  tx: Tx,
  actor: UserActor,
  input: IntakeInput,
  tellDispatchers = false,
): Promise<FiledAppeal> {
  await assertIntakeFields(tx, input)
  const appeal = await writeFilingInTx(deps, tx, actor, input, {}, tellDispatchers)
  // Only a category retired since the check above stops the insert.
  if (!appeal)
    throw new AppError('VALIDATION_FAILED', {
      fields: { categoryCode: translate('appeals.unknownCategory') },
    })
  return appeal
}

/**
 * Files once per idempotency key: a retry (or a double tap) of the same request answers the first
 * appeal's receipt; the key with a different request is refused.
 *
 * The common filing is one statement (decisions 0032, 0040): the category, the key and — with
 * `memberUserId` — the enterprise are conditions of the insert, not questions asked before it. When
 * the insert does not happen, or a field is wrong, the filing takes the long way, which asks each
 * question in turn and refuses or replays exactly as before: `assertMayFile`, then the kit's
 * `openOnce` (the key, the fields, a race on the key). The common filing does not go through `openOnce`
 * because its insert is itself once per key (ON CONFLICT DO NOTHING): asking for the key first would
 * add a statement to every filing (decision 0038).
 * Refuses: IDEMPOTENCY_KEY_REUSED, and whatever `assertMayFile` and the fields refuse.
 */
async function fileOnce(
  deps: AppDeps,
  actor: UserActor,
  input: IntakeInput,
  request: Record<string, unknown>,
  access: { memberUserId?: string; assertMayFile: () => Promise<void> },
): Promise<{ receipt: Receipt; replayed: boolean }> {
  const { idempotencyKey: _key, ...rest } = request
  const fingerprint = requestFingerprint(rest)
  const filing = { ...input, requestFingerprint: fingerprint }
  if (canTextContact(input)) {
    const conditions = { memberUserId: access.memberUserId, skipIfKeyUsed: true }
    // Without attachments, and once the year's sequence is known, the filing is one statement that
    // commits by itself (decision 0040); otherwise a transaction checks and links the attachments.
    const number =
      filing.attachmentIds.length === 0
        ? knownReadableNumberSource(deps, 'appeal_counters', new Date())
        : undefined
    const filed = number
      ? await writeFiling(deps, deps.db, actor, filing, number, conditions, true)
      : await deps.db.transaction().execute(async (tx) => {
          if (!(await ownsAttachments(tx, filing))) return undefined
          return writeFilingInTx(deps, tx, actor, filing, conditions, true)
        })
    if (filed) return { receipt: receiptOf(filed), replayed: false }
  }
  await access.assertMayFile()
  const { opened, replayed } = await openOnce<FiledAppeal>(deps.db, {
    replay: async () => {
      const appeal = await findAppealByIdempotencyKey(deps.db, input.submittedBy, input.idempotencyKey)
      if (appeal) assertSameRequest(appeal.request_fingerprint, fingerprint)
      return appeal
    },
    open: (tx) => fileIntoPool(deps, tx, actor, filing, true),
  })
  return { receipt: receiptOf(opened), replayed }
}

/**
 * An enterprise user files for an enterprise they act for.
 * Refuses: FORBIDDEN (not an enterprise user), VALIDATION_FAILED (not their enterprise, category, attachments),
 * IDEMPOTENCY_KEY_REUSED (the key came before with a different appeal).
 */
export async function fileAppeal(deps: AppDeps, actor: Actor, input: FileAppealInput) {
  const user = requireRole(actor, 'enterprise')
  // Whether they act for the enterprise is a condition of the insert; the long way asks it first.
  const assertMayFile = async () => {
    const viewer = await requireViewer(deps.db, user)
    if (viewer.kind !== 'enterprise' || !viewer.enterpriseIds.includes(input.enterpriseId)) {
      throw new AppError('VALIDATION_FAILED', {
        fields: { enterpriseId: translate('appeals.notYourEnterprise') },
      })
    }
  }
  return fileOnce(
    deps,
    user,
    { ...input, submittedBy: user.userId },
    { filing: 'appeal', ...input },
    { memberUserId: user.userId, assertMayFile },
  )
}

/**
 * The task force files for an enterprise that called the hotline or was visited.
 * Refuses: FORBIDDEN (not the task force), VALIDATION_FAILED (credit code, category, attachments),
 * IDEMPOTENCY_KEY_REUSED (the key came before with a different filing).
 */
export async function fileOnBehalf(
  deps: AppDeps,
  actor: Actor,
  input: Omit<FileAppealInput, 'enterpriseId' | 'channel'> & {
    enterpriseUscc: string
    channel: 'hotline' | 'visit'
    callerName: string
  },
) {
  const user = requireRole(actor, 'dispatcher')
  const check = checkUscc(input.enterpriseUscc)
  const enterpriseId = check.ok ? await findEnterpriseIdByUscc(deps.db, check.code) : undefined
  if (!enterpriseId)
    throw new AppError('VALIDATION_FAILED', {
      fields: { enterpriseUscc: translate('appeals.unknownEnterprise') },
    })
  const { enterpriseUscc: _u, callerName, ...rest } = input
  return fileOnce(
    deps,
    user,
    { ...rest, enterpriseId, submittedBy: user.userId, note: callerName },
    { filing: 'on-behalf', ...input },
    { assertMayFile: async () => undefined },
  )
}

/**
 * Stores one uploaded file for a later appeal or reply. The type comes from the bytes.
 * Refuses: ATTACHMENT_REJECTED (wrong type, too large, empty).
 */
export async function uploadAttachment(
  deps: AppDeps,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
) {
  const user = requireSignedIn(actor)
  await requireViewer(deps.db, user)
  const upload = acceptUpload(file)
  const row = await insertAttachment(deps.db, { ...upload, by: user.userId })
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes }
}

/** A file of an appeal the caller may see, or one they uploaded and not used yet. Refuses: NOT_FOUND. */
export async function downloadAttachment(deps: AppDeps, actor: Actor, id: string) {
  const user = requireSignedIn(actor)
  const viewer = await requireViewer(deps.db, user)
  const file = await findAttachment(deps.db, id)
  if (!file) throw notFound()
  if (file.appeal_id) {
    const appeal = (await findAppeal(deps.db, file.appeal_id))!
    assertCanSee(viewer, appeal, await holdingOf(deps.db, appeal.id))
  } else if (file.uploaded_by !== user.userId) {
    throw notFound()
  }
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}

/**
 * Open appeals like the text, to merge duplicates in triage and to spare an enterprise filing twice.
 * An enterprise sees only its own; the task force sees the whole pool.
 */
export async function findSimilar(
  deps: AppDeps,
  actor: Actor,
  input: { text: string; enterpriseId?: string | undefined; excludeId?: string | undefined },
) {
  const user = requireSignedIn(actor)
  const viewer = await requireViewer(deps.db, user)
  let enterpriseId = input.enterpriseId
  if (viewer.kind === 'enterprise') {
    if (!enterpriseId || !viewer.enterpriseIds.includes(enterpriseId)) return []
  } else if (!hasRole(user, 'dispatcher') && !hasRole(user, 'bureau_leader')) {
    throw new AppError('FORBIDDEN')
  } else {
    enterpriseId = undefined
  }
  const words = wordsOf(input.text)
  const candidates = candidateWords(words, await findWordFrequencies(deps.db, words))
  const rows = await findSimilarOpen(
    deps.db,
    words,
    candidates,
    { title: input.text.slice(0, 200), enterpriseId, excludeId: input.excludeId, statuses: OPEN_STATES },
    5,
  )
  return rows
    .filter((r) => r.score >= 0.2)
    .map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      score: Math.round(r.score * 100) / 100,
    }))
}

/** Recounts the words of the open appeals for the similar-appeals search (a job, every ten minutes). */
export async function refreshWordFrequencies(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute((tx) => replaceWordFrequencies(tx, OPEN_STATES))
}

/** The active catalogue for everyone signed in; with `all`, retired categories too (admins). Refuses: FORBIDDEN. */
export async function listCategories(deps: AppDeps, actor: Actor, input: { all?: boolean } = {}) {
  const user = requireSignedIn(actor)
  if (input.all && !hasRole(user, 'admin')) throw new AppError('FORBIDDEN')
  const en = currentLocale() === 'en'
  const rows = await findCategories(deps.db, !input.all)
  return rows.map((c) => ({
    code: c.code,
    name: en ? c.name_en : c.name,
    nameZh: c.name,
    nameEn: c.name_en,
    defaultDepartmentId: c.default_department_id,
    defaultTier: c.default_tier,
    isActive: c.is_active,
    sortOrder: c.sort_order,
    keywords: c.keywords ?? [],
  }))
}
