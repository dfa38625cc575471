import { z } from 'zod'
import { mobilePhone, personName, plainText, uuid, version } from '../../shared/fields'

/** Liaoning's eight areas of business-environment misconduct (八类问题). */
export const REPORT_AREAS = [
  'credit',
  'judicial',
  'law_enforcement',
  'approval',
  'regulation',
  'intermediaries',
  'business_operations',
  'work_style',
] as const
export const REPORT_STATES = [
  'received',
  'accepted',
  'investigating',
  'not_accepted',
  'transferred',
  'closed',
] as const
export const REPORT_CLOCK_KINDS = ['acknowledge', 'transfer', 'result'] as const

/** At most this many evidence files, each an image or PDF of at most 10 MB, 25 MB together. */
export const MAX_EVIDENCE_FILES = 5
export const MAX_REPORT_BYTES = 25 * 1024 * 1024

/** The report as filed; sent as the `report` field (JSON text) of the multipart body, beside `files`. */
export const FileReportBody = z.strictObject({
  area: z.enum(REPORT_AREAS),
  accusedUnit: plainText(200).optional(),
  accusedDepartmentId: uuid.optional(),
  accusedPerson: plainText(100).optional(),
  text: plainText(5000, 10),
  isAnonymous: z.boolean(),
  /** real-name only (refused without it, ignored on an anonymous report): who reports, sealed at rest */
  reporter: z
    .strictObject({
      name: personName(50),
      phone: mobilePhone,
      contact: plainText(200).optional(),
      /** may discipline inspection give the reporter's name outside itself (to another organ)? */
      consentsToNaming: z.boolean().default(false),
    })
    .optional(),
})

export const FiledReportSchema = z.object({
  /** shown once: the only way to follow the report without an account */
  receiptCode: z.string(),
  filedAt: z.string(),
  evidenceCount: z.number(),
})

export const FollowReportBody = z.strictObject({ receiptCode: z.string().trim().min(1).max(40) })

/** What the reporter reads by the receipt code: the state and what discipline inspection told them. */
export const FollowedReportSchema = z.object({
  area: z.enum(REPORT_AREAS),
  status: z.enum(REPORT_STATES),
  filedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  message: z.string().nullable(),
  evidenceCount: z.number(),
})

export const ReportIdParams = z.strictObject({ id: uuid })
export const EvidenceParams = z.strictObject({ id: uuid, evidenceId: uuid })

export const ReportListQuery = z.strictObject({
  status: z.enum(REPORT_STATES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

export const ReportClockSchema = z.object({
  kind: z.enum(REPORT_CLOCK_KINDS),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  isOverdue: z.boolean(),
})

export const ReportSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  area: z.enum(REPORT_AREAS),
  accusedUnit: z.string().nullable(),
  accusedDepartmentName: z.string().nullable(),
  isAnonymous: z.boolean(),
  status: z.enum(REPORT_STATES),
  filedAt: z.string(),
  clocks: z.array(ReportClockSchema),
  isOverdue: z.boolean(),
})

export const ReportEventSchema = z.object({
  at: z.string(),
  type: z.string(),
  actorRole: z.string().nullable(),
  note: z.string().nullable(),
})

export const EvidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
})

export const ReportSchema = ReportSummarySchema.extend({
  accusedDepartmentId: z.string().nullable(),
  accusedPerson: z.string().nullable(),
  text: z.string(),
  hasIdentity: z.boolean(),
  consentsToNaming: z.boolean(),
  transferredTo: z.string().nullable(),
  decisionReason: z.string().nullable(),
  findings: z.string().nullable(),
  result: z.string().nullable(),
  closedAt: z.string().nullable(),
  reporterMessage: z.string().nullable(),
  supervisionCaseId: z.string().nullable(),
  exposureId: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
  events: z.array(ReportEventSchema),
  version: z.number(),
})

export const ReportPageSchema = z.object({ items: z.array(ReportSummarySchema), total: z.number() })

export const ReporterSchema = z.object({
  name: z.string(),
  phone: z.string(),
  contact: z.string().nullable(),
  /** whether the report was filed from a signed-in account (the account is sealed with the identity) */
  filedFromAccount: z.boolean(),
  consentsToNaming: z.boolean(),
})

/** What the reporter is told (read by the receipt code); optional where the rules do not ask for one. */
const reporterMessage = plainText(2000).optional()

export const AcceptReportBody = z.strictObject({ version, message: reporterMessage })
export const NotAcceptReportBody = z.strictObject({
  version,
  reason: plainText(2000, 4),
  message: reporterMessage,
})
export const TransferReportBody = z.strictObject({
  version,
  organ: plainText(200, 2),
  reason: plainText(2000, 4),
  /** give the reporter's identity to the organ: only with the reporter's recorded consent */
  shareReporter: z.boolean().default(false),
  message: reporterMessage,
})
export const VersionBody = z.strictObject({ version })
export const FindingsBody = z.strictObject({ version, findings: plainText(5000, 4) })
export const CloseReportBody = z.strictObject({
  version,
  result: plainText(5000, 4),
  message: reporterMessage,
})
export const NotifyResultBody = z.strictObject({ version, message: plainText(2000, 4) })
export const ProposeExposureBody = z.strictObject({
  version,
  unitName: plainText(200, 2),
  title: plainText(200, 4),
  conduct: plainText(5000, 10),
})

export type FileReportInput = z.infer<typeof FileReportBody>
export type ReportListInput = z.infer<typeof ReportListQuery>
export type Report = z.infer<typeof ReportSchema>
export type ReportSummary = z.infer<typeof ReportSummarySchema>
export type FollowedReport = z.infer<typeof FollowedReportSchema>
export type Reporter = z.infer<typeof ReporterSchema>
