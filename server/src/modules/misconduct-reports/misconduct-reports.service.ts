import type { Updateable } from 'kysely'
import { hasRole, requireStaff, systemActor, type Actor, type UserActor } from '../../kernel/auth/actor'
import { countAttempt, type ThrottleRule } from '../../kernel/auth/throttle'
import { writeAudit } from '../../kernel/audit/audit'
import { cityYear } from '../../kernel/calendar/city-today'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import { currentRequestContext, runInRequestContext } from '../../kernel/context'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound, type ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { acceptUpload, MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
import { insertProposal } from '../exposures'
import { openSupervisionCase } from '../supervision'
import type {
  FileReportInput,
  FollowedReport,
  Report,
  Reporter,
  ReportListInput,
  ReportSummary,
} from './misconduct-reports.schema'
import { MAX_EVIDENCE_FILES, MAX_REPORT_BYTES } from './misconduct-reports.schema'
import type { MisconductReportsTable } from './misconduct-reports.tables'
import * as q from './misconduct-reports.queries'
import type { ReportRow } from './misconduct-reports.queries'
import { hashReceiptCode, newReceiptCode } from './receipt-code'
import { dueOnFiling, isReportOverdue, reportClocks, resultDueOnClosing } from './report-deadlines'
import { loadOrCreateSealingKey, seal, sealingKeyFile, unseal } from './report-sealing'
import { tellReporter } from './reporter-notices'
import { REPORT_TABLE, type ReportAction, type ReportRole, type ReportStateName } from './report-states'

/**
 * Misconduct reports (投诉举报): anyone files, only discipline inspection reads (检举控告工作规则).
 *
 * - Every staff path starts with `requireInspector`: any other role — the accused department's staff,
 *   the task force, the bureau leader, an administrator — gets the same FORBIDDEN for a report that
 *   exists as for one that does not, so nothing leaks, not even existence.
 * - The reporter (name, phone, contact, the filing account, who uploaded the evidence) is sealed
 *   (report-sealing.ts) in its own table; it is opened only by `revealReporter`, which the case kit
 *   records on the timeline and in the audit trail without the identity itself.
 * - The filing is audited by the intake, not the filer, and without the client's address: the audit
 *   trail must not name an anonymous reporter either.
 */

/** A receipt code guessed from one address: 10 free tries, then a doubling wait up to an hour. */
export const RECEIPT_LOOKUP_LIMIT: ThrottleRule = {
  free: 10,
  baseDelayMs: 2_000,
  maxDelayMs: 3_600_000,
  quietMs: 24 * 3_600_000,
}

type SealedIdentity = { name: string; phone: string; contact: string | null; userId: string | null }

function requireInspector(actor: Actor): UserActor {
  const user = requireStaff(actor)
  if (!hasRole(user, 'discipline_inspector')) throw new AppError('FORBIDDEN')
  return user
}

function sealingKey(deps: AppDeps) {
  return loadOrCreateSealingKey(sealingKeyFile(deps.config.auditSigningKeyFile))
}

const presentSummaryRow = definePresenter({
  id: 'id',
  number: 'number',
  area: 'area',
  accusedUnit: 'accused_unit',
  accusedDepartmentName: 'accused_department_name',
  isAnonymous: 'is_anonymous',
  status: 'status',
  filedAt: 'filed_at',
})

function clockedOf(row: ReportRow) {
  return {
    status: row.status,
    acknowledgeDueAt: row.acknowledge_due_at,
    acknowledgedAt: row.acknowledged_at,
    transferDueAt: row.transfer_due_at,
    transferredAt: row.transferred_at,
    resultDueAt: row.result_due_at,
    resultNotifiedAt: row.result_notified_at,
  }
}

function presentSummary(row: ReportRow, now: Date): ReportSummary {
  const clocks = reportClocks(clockedOf(row), now).map((c) => ({
    kind: c.kind,
    dueAt: c.dueAt.toISOString(),
    doneAt: c.doneAt?.toISOString() ?? null,
    isOverdue: c.isOverdue,
  }))
  return { ...presentSummaryRow(row), clocks, isOverdue: isReportOverdue(clockedOf(row), now) }
}

const presentDetailRow = definePresenter({
  accusedDepartmentId: 'accused_department_id',
  accusedPerson: 'accused_person',
  text: 'text',
  hasIdentity: 'has_identity',
  transferredTo: 'transferred_to',
  decisionReason: 'decision_reason',
  findings: 'findings',
  result: 'result',
  closedAt: 'closed_at',
  reporterMessage: 'reporter_message',
  supervisionCaseId: 'supervision_case_id',
  exposureId: 'exposure_id',
  version: 'version',
})
const presentEvidence = definePresenter({
  id: 'id',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: 'size_bytes',
  uploadedAt: 'uploaded_at',
})
const presentEvent = definePresenter({ at: 'at', type: 'type', actorRole: 'actor_role', note: 'note' })

/**
 * Files a report with its evidence, all or nothing: every file is checked before anything is written.
 * Answers the receipt code once; only its hash is kept.
 * Refuses: REPORT_IDENTITY_REQUIRED (real-name without name and phone), REPORT_TOO_MANY_FILES,
 * REPORT_TOO_LARGE, ATTACHMENT_REJECTED (a file that is empty, over 10 MB, or not an image or PDF).
 */
export async function fileReport(
  deps: AppDeps,
  actor: Actor,
  input: FileReportInput,
  files: { name: string; bytes: Uint8Array }[],
) {
  if (!input.isAnonymous && !input.reporter) throw new AppError('REPORT_IDENTITY_REQUIRED')
  if (files.length > MAX_EVIDENCE_FILES) throw new AppError('REPORT_TOO_MANY_FILES')
  if (files.reduce((sum, f) => sum + f.bytes.length, 0) > MAX_REPORT_BYTES)
    throw new AppError('REPORT_TOO_LARGE')
  const evidence = files.map((f) => acceptUpload(f, MAX_ATTACHMENT_BYTES))
  const filer = actor.kind === 'user' ? actor.userId : null
  const identity: SealedIdentity | null = input.reporter
    ? {
        name: input.reporter.name,
        phone: input.reporter.phone,
        contact: input.reporter.contact ?? null,
        userId: filer,
      }
    : null
  const isAnonymous = input.isAnonymous || !identity
  const receiptCode = newReceiptCode()
  const now = new Date()
  const key = sealingKey(deps)
  const request = currentRequestContext()
  // The audit row of a filing carries no address: withheld, like the filer.
  const withheld = {
    requestId: request?.requestId ?? '',
    locale: request?.locale ?? 'zh-CN',
    ip: '',
  } as const
  await runInRequestContext(withheld, () =>
    deps.db.transaction().execute(async (tx) => {
      const calendar = await deps.calendar.calendar(tx)
      const due = dueOnFiling(calendar, now, isAnonymous)
      const { id } = await q.insertReport(tx, {
        number: await q.nextReportNumber(tx, cityYear(deps, now)),
        receiptHash: hashReceiptCode(receiptCode),
        area: input.area,
        accusedUnit: input.accusedUnit ?? null,
        accusedDepartmentId: input.accusedDepartmentId ?? null,
        accusedPerson: input.accusedPerson ?? null,
        text: input.text,
        isAnonymous,
        filedAt: now,
        acknowledgeDueAt: due.acknowledgeDueAt,
        transferDueAt: due.transferDueAt,
      })
      // An anonymous report keeps nothing of who filed it, not even the account it came from.
      if (identity && !isAnonymous)
        await q.insertSealedIdentity(tx, {
          reportId: id,
          sealed: seal(key, id, identity),
          consentsToNaming: input.reporter?.consentsToNaming ?? false,
          at: now,
        })
      for (const file of evidence)
        await q.insertEvidence(tx, {
          reportId: id,
          fileName: file.fileName,
          contentType: file.contentType,
          content: file.content,
          sha256: file.sha256,
          at: now,
        })
      await writeAudit(tx, systemActor('misconduct-report-intake'), {
        action: 'misconduct_report.file',
        entityType: 'misconduct_report',
        entityId: id,
        after: { area: input.area, isAnonymous, evidence: evidence.length },
      })
    }),
  )
  return { receiptCode, filedAt: now.toISOString(), evidenceCount: evidence.length }
}

/**
 * The reporter follows the report by its receipt code. Every lookup is counted on the caller's
 * address first; a wrong code answers exactly as a missing one. Refuses: RATE_LIMITED, NOT_FOUND.
 */
export async function followReport(deps: AppDeps, receiptCode: string, ip: string): Promise<FollowedReport> {
  const outcome = await countAttempt(
    deps.db,
    [{ key: `report-receipt:${ip}`, rule: RECEIPT_LOOKUP_LIMIT }],
    new Date(),
  )
  if (!outcome.admitted)
    throw new AppError('RATE_LIMITED', {
      params: { seconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) },
    })
  const row = await q.findReportByReceiptHash(deps.db, hashReceiptCode(receiptCode))
  if (!row) throw notFound()
  return {
    area: row.area,
    status: row.status,
    filedAt: row.filed_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    message: row.reporter_message,
    evidenceCount: Number(row.evidence_count ?? 0),
  }
}

/** Refuses: FORBIDDEN (anyone but discipline inspection). */
export async function listReports(deps: AppDeps, actor: Actor, input: ReportListInput) {
  requireInspector(actor)
  const now = new Date()
  const page = await q.findReports(
    deps.db,
    { status: input.status, overdueAt: input.overdue === 'true' ? now : undefined },
    input,
  )
  return { items: page.items.map((r) => presentSummary(r, now)), total: page.total }
}

/** Refuses: FORBIDDEN, NOT_FOUND. */
export async function getReport(deps: AppDeps, actor: Actor, id: string): Promise<Report> {
  requireInspector(actor)
  const row = await q.findReport(deps.db, id)
  if (!row) throw notFound()
  const [evidence, events, identity] = await Promise.all([
    q.findEvidenceList(deps.db, id),
    q.findReportEvents(deps.db, id),
    q.findSealedIdentity(deps.db, id),
  ])
  return {
    ...presentSummary(row, new Date()),
    ...presentDetailRow(row),
    hasIdentity: Boolean(row.has_identity),
    consentsToNaming: identity?.consents_to_naming ?? false,
    evidence: evidence.map(presentEvidence),
    events: events.map(presentEvent),
  }
}

/** One evidence file, for download. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getEvidenceFile(deps: AppDeps, actor: Actor, id: string, evidenceId: string) {
  requireInspector(actor)
  const file = await q.findEvidenceFile(deps.db, id, evidenceId)
  if (!file) throw notFound()
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}

/** What waits for discipline inspection, for the console's home. */
export async function countReportWork(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  if (!hasRole(user, 'discipline_inspector')) return []
  const counts = await q.countReportWork(deps.db, new Date())
  return [
    { key: 'reports.received', count: counts.received, path: '/staff/misconduct-reports?status=received' },
    { key: 'reports.overdue', count: counts.overdue, path: '/staff/misconduct-reports?overdue=true' },
  ]
}

type Changes = Updateable<MisconductReportsTable>
type Ctx = { deps: AppDeps; tx: Tx; actor: UserActor; row: ReportRow; now: Date }

const REPORT_KIND: CaseKind<
  ReportRow,
  ReportStateName,
  ReportAction,
  ReportRole,
  ErrorCode,
  never,
  Changes,
  void
> = {
  entityType: 'misconduct_report',
  table: REPORT_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    // Reading the sealed identity records an event, not a change: the version stays.
    if (!changes && to === row.status) return
    await q.updateReport(tx, row.id, { ...changes, status: to })
  },
  eventInsert: (tx, row, event) => q.reportEventInsert(tx, row.id, event),
}

/** One move of discipline inspection on a report (the case kit: lock, check, work, event, audit). */
async function act<T = void>(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number | null,
  action: ReportAction,
  work: (ctx: Ctx) => Promise<CaseOutcome<ReportStateName, Changes> & { answer?: T }>,
): Promise<T | undefined> {
  const user = requireInspector(actor)
  let answer: T | undefined
  await runCaseAction(
    deps.db,
    REPORT_KIND,
    action,
    async (tx) => {
      const row = await q.lockReport(tx, id)
      if (!row) return undefined
      if (version !== null && row.version !== version) throw new AppError('VERSION_CONFLICT')
      return {
        ctx: { deps, tx, actor: user, row, now: new Date() },
        roles: ['discipline_inspector'] as const,
      }
    },
    async (ctx) => {
      const outcome = await work(ctx)
      answer = outcome.answer
      return outcome
    },
  )
  return answer
}

/** Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NOT_RECEIVED. */
export async function acceptReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; message?: string | undefined },
) {
  await act(deps, actor, id, input.version, 'accept', async ({ tx, row, now }) => {
    await tellReporter(deps, tx, row.id, 'acknowledged')
    return { changes: { acknowledged_at: now, reporter_message: input.message ?? null } }
  })
  return getReport(deps, actor, id)
}

/** Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NOT_RECEIVED. */
export async function notAcceptReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; reason: string; message?: string | undefined },
) {
  await act(deps, actor, id, input.version, 'not_accept', async ({ tx, row, now }) => {
    await tellReporter(deps, tx, row.id, 'acknowledged')
    return {
      changes: {
        acknowledged_at: now,
        closed_at: now,
        decision_reason: input.reason,
        reporter_message: input.message ?? null,
      },
      event: { note: input.reason },
    }
  })
  return getReport(deps, actor, id)
}

/**
 * Sends the report to the organ it belongs to. The reporter's identity goes with it only when asked
 * and only with the reporter's recorded consent.
 * Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NOT_TRANSFERABLE, REPORTER_CONSENT_MISSING.
 */
export async function transferReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: {
    version: number
    organ: string
    reason: string
    shareReporter: boolean
    message?: string | undefined
  },
) {
  await act(deps, actor, id, input.version, 'transfer', async ({ tx, row, now }) => {
    if (input.shareReporter) {
      const identity = await q.findSealedIdentity(tx, row.id)
      if (!identity?.consents_to_naming) throw new AppError('REPORTER_CONSENT_MISSING')
    }
    // a transfer before acceptance is the acknowledgement; after it, the reporter was told already
    if (!row.acknowledged_at) await tellReporter(deps, tx, row.id, 'acknowledged')
    return {
      changes: {
        acknowledged_at: row.acknowledged_at ?? now,
        transferred_at: now,
        transferred_to: input.organ,
        decision_reason: input.reason,
        closed_at: now,
        reporter_message: input.message ?? null,
      },
      event: { note: input.reason, data: { organ: input.organ, reporterShared: input.shareReporter } },
      audit: { organ: input.organ, reporterShared: input.shareReporter },
    }
  })
  return getReport(deps, actor, id)
}

/** Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NOT_ACCEPTED. */
export async function investigateReport(deps: AppDeps, actor: Actor, id: string, version: number) {
  await act(deps, actor, id, version, 'investigate', async () => ({}))
  return getReport(deps, actor, id)
}

/** Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NOT_INVESTIGATING. */
export async function recordFindings(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; findings: string },
) {
  await act(deps, actor, id, input.version, 'record_findings', async () => ({
    changes: { findings: input.findings },
  }))
  return getReport(deps, actor, id)
}

/** Closes with the result; the reporter is owed it within 15 working days. Refuses: as recordFindings. */
export async function closeReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; result: string; message?: string | undefined },
) {
  await act(deps, actor, id, input.version, 'close', async ({ deps: d, tx, now }) => {
    const calendar = await d.calendar.calendar(tx)
    return {
      changes: {
        result: input.result,
        closed_at: now,
        result_due_at: resultDueOnClosing(calendar, now),
        reporter_message: input.message ?? null,
      },
    }
  })
  return getReport(deps, actor, id)
}

/** The reporter is told the result (read by the receipt code). Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NOT_CLOSED. */
export async function notifyResult(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; message: string },
) {
  await act(deps, actor, id, input.version, 'notify_result', async ({ tx, row, now }) => {
    await tellReporter(deps, tx, row.id, 'result')
    return { changes: { result_notified_at: now, reporter_message: input.message } }
  })
  return getReport(deps, actor, id)
}

/**
 * The findings become a supervision case against the accused department (its head reads the reason:
 * the report's number, area and findings — never the reporter).
 * Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, REPORT_NO_FINDINGS, REPORT_NO_ACCUSED_DEPARTMENT,
 * REPORT_ALREADY_LINKED.
 */
export async function openSupervisionForReport(deps: AppDeps, actor: Actor, id: string, version: number) {
  await act(deps, actor, id, version, 'open_supervision', async ({ tx, actor: user, row }) => {
    if (!row.findings) throw new AppError('REPORT_NO_FINDINGS')
    if (!row.accused_department_id) throw new AppError('REPORT_NO_ACCUSED_DEPARTMENT')
    if (row.supervision_case_id) throw new AppError('REPORT_ALREADY_LINKED')
    // opened by the inspector's hand from the findings: the department is the subject
    const opened = await openSupervisionCase(deps, tx, user, {
      source: 'manual',
      subjectType: 'department',
      subjectId: row.accused_department_id,
      departmentId: row.accused_department_id,
      reason: `投诉举报 ${row.number}：${row.findings}`.slice(0, 2000),
    })
    return { changes: { supervision_case_id: opened.id }, event: { data: { supervisionCaseId: opened.id } } }
  })
  return getReport(deps, actor, id)
}

/** The findings proposed for the exposure board (a second person reviews them there). Refuses: as above, without the department. */
export async function proposeExposureForReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; unitName: string; title: string; conduct: string },
) {
  await act(deps, actor, id, input.version, 'propose_exposure', async ({ tx, actor: user, row }) => {
    if (!row.findings) throw new AppError('REPORT_NO_FINDINGS')
    if (row.exposure_id) throw new AppError('REPORT_ALREADY_LINKED')
    const proposal = await insertProposal(tx, user, {
      source: 'misconduct_report',
      sourceId: row.id,
      unitName: input.unitName,
      departmentId: row.accused_department_id,
      title: input.title,
      conduct: input.conduct,
      proposedBy: user.userId,
    })
    return { changes: { exposure_id: proposal.id }, event: { data: { exposureId: proposal.id } } }
  })
  return getReport(deps, actor, id)
}

/**
 * Opens the sealed identity for the discipline inspector, on the record (a timeline event and an
 * audit row that say who read it, never what). Refuses: FORBIDDEN, NOT_FOUND, REPORT_NO_IDENTITY.
 */
export async function revealReporter(deps: AppDeps, actor: Actor, id: string): Promise<Reporter> {
  const key = sealingKey(deps)
  const reporter = await act<Reporter>(deps, actor, id, null, 'reveal_reporter', async ({ tx, row }) => {
    const identity = await q.findSealedIdentity(tx, row.id)
    if (!identity) throw new AppError('REPORT_NO_IDENTITY')
    const opened = unseal<SealedIdentity>(key, row.id, identity.sealed)
    return {
      answer: {
        name: opened.name,
        phone: opened.phone,
        contact: opened.contact,
        filedFromAccount: opened.userId !== null,
        consentsToNaming: identity.consents_to_naming,
      },
    }
  })
  return reporter!
}

/** Two demo reports for a new demo install (one anonymous, one real-name), so discipline inspection has a worklist. */
export async function seedDemoReportsIfEmpty(deps: AppDeps): Promise<number> {
  if ((await q.countReportWork(deps.db, new Date())).received > 0) return 0
  if ((await q.findReports(deps.db, {}, { limit: 1, offset: 0 })).total > 0) return 0
  await fileReport(
    deps,
    systemActor('demo-seed'),
    {
      area: 'approval',
      accusedUnit: '某区行政审批局',
      text: '（演示数据）办理施工许可时，窗口工作人员要求反复补交同一份材料，暗示“找人”才能加快。',
      isAnonymous: true,
    },
    [],
  )
  await fileReport(
    deps,
    systemActor('demo-seed'),
    {
      area: 'law_enforcement',
      accusedUnit: '某区综合行政执法局',
      text: '（演示数据）同一周内三次以检查为名到店，未出示检查码，也未说明检查事项。',
      isAnonymous: false,
      reporter: { name: '演示举报人', phone: '13900000099', consentsToNaming: false },
    },
    [],
  )
  return 2
}
