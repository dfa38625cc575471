import { z } from 'zod'
import { isoDate, plainText, uuid } from '../../shared/fields'
import { LEGAL_DOCUMENT_KINDS } from '../../shared/legal-documents'

export const LegalDocumentKindSchema = z.enum(LEGAL_DOCUMENT_KINDS)

export const LegalDocumentKindParams = z.strictObject({ kind: LegalDocumentKindSchema })
export const LegalDocumentVersionParams = z.strictObject({
  kind: LegalDocumentKindSchema,
  version: z.coerce.number().int().min(1).max(1_000_000),
})

/** current: in effect now; scheduled: published, takes effect later; superseded: a newer one is in effect. */
export const DOCUMENT_STATUSES = ['current', 'scheduled', 'superseded'] as const

export const LegalDocumentSummarySchema = z.object({
  kind: LegalDocumentKindSchema,
  version: z.number(),
  title: z.string(),
  changeSummary: z.string(),
  effectiveOn: z.string(),
  publishedAt: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  /** the language of title, summary and body: the request's (Accept-Language or ?lang) */
  language: z.enum(['zh-CN', 'en']),
})

export const LegalDocumentSchema = LegalDocumentSummarySchema.extend({
  /** plain text: blank lines between paragraphs, "# "/"## " headings, "- " list items */
  body: z.string(),
})

export const LegalDocumentListSchema = z.object({ items: z.array(LegalDocumentSummarySchema) })

// The body of a document: long plain text, no markup (it is shown as text, never as HTML).
const documentBody = (max: number) => plainText(max, 200)

export const PublishLegalDocumentBody = z.strictObject({
  /** the newest version the administrator started from (0 when there is none): a guard against two publishing at once */
  basedOnVersion: z.number().int().min(0),
  /** the city's date it takes effect, today or later */
  effectiveOn: isoDate,
  titleZh: plainText(60, 2),
  titleEn: plainText(120, 2),
  bodyZh: documentBody(60_000),
  bodyEn: documentBody(120_000),
  /** what changed, shown to everyone asked to accept again */
  changeSummaryZh: plainText(2000, 4),
  changeSummaryEn: plainText(4000, 4),
})

export const PendingDocumentSchema = LegalDocumentSchema.extend({
  /** the version of this kind the user accepted before (its change summary says what is new), or null */
  previouslyAcceptedVersion: z.number().nullable(),
})

export const ConsentRecordSchema = z.object({
  kind: LegalDocumentKindSchema,
  version: z.number(),
  title: z.string(),
  acceptedAt: z.string(),
  withdrawnAt: z.string().nullable(),
})

export const ConsentStatusSchema = z.object({
  /** what the user must accept before using the platform; empty when nothing is pending */
  pending: z.array(PendingDocumentSchema),
  /** every acceptance, newest first */
  records: z.array(ConsentRecordSchema),
  /** enterprise users may withdraw their consent; staff acknowledge a notice and cannot */
  mayWithdraw: z.boolean(),
})

export const AcceptDocumentsBody = z.strictObject({
  documents: z
    .array(z.strictObject({ kind: LegalDocumentKindSchema, version: z.number().int().min(1) }))
    .min(1)
    .max(LEGAL_DOCUMENT_KINDS.length),
})

export const WithdrawConsentBody = z.strictObject({
  /** why, if the user wants to say (kept with the withdrawal) */
  reason: plainText(500).optional(),
})

export const WithdrawnSchema = z.object({ withdrawn: z.number(), sessionsEnded: z.number() })

export const ExportFormatQuery = z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') })
export const EnterpriseExportParams = z.strictObject({ id: uuid })

const Rows = z.array(z.record(z.string(), z.unknown()))

/** The enterprise's copy of its data: the same views its members read in the app, never the staff view. */
export const EnterpriseExportSchema = z.object({
  format: z.literal('yingshang.enterprise-export'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  exportedBy: z.string(),
  language: z.enum(['zh-CN', 'en']),
  enterprise: z.record(z.string(), z.unknown()),
  profileVersions: Rows,
  members: Rows,
  facts: Rows,
  factHistory: Rows,
  appeals: Rows,
  benefitClaims: Rows,
  benefitConsents: Rows,
  settlementAccounts: Rows,
  policyMatches: Rows,
  policySubscription: z.record(z.string(), z.unknown()),
  policyNeeds: Rows,
  notifications: Rows,
  dataExports: Rows,
})

/** A person's copy of their own account data. */
export const PersonalExportSchema = z.object({
  format: z.literal('yingshang.personal-export'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  language: z.enum(['zh-CN', 'en']),
  account: z.record(z.string(), z.unknown()),
  memberships: Rows,
  consents: Rows,
  sessions: Rows,
  notifications: Rows,
  dataExports: Rows,
})

export type LegalDocument = z.infer<typeof LegalDocumentSchema>
export type LegalDocumentSummary = z.infer<typeof LegalDocumentSummarySchema>
export type PublishLegalDocumentInput = z.infer<typeof PublishLegalDocumentBody>
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>
export type AcceptDocumentsInput = z.infer<typeof AcceptDocumentsBody>
export type EnterpriseExport = z.infer<typeof EnterpriseExportSchema>
export type PersonalExport = z.infer<typeof PersonalExportSchema>
