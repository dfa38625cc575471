import type { z } from 'zod'
import type {
  AppealDetail,
  AppealSummary,
  EnterpriseAppeal,
  EnterpriseAppealSummary,
  AttachmentSchema,
  CategorySchema,
  FiguresRow,
  FiguresSchema,
  FileAppealInput,
  FileOnBehalfBody as FileOnBehalfSchema,
  ImportReportSchema,
  ReceiptSchema,
  ReturnVisitSchema,
  SimilarSchema,
  SaveCategoryBody,
  SuggestionSchema,
  WithdrawalGroupSchema,
} from '@server/modules/appeals/appeals.schema'
import type { AppealSettings, ClockKind, Tier } from '@server/modules/appeals/appeal-settings'
import { api, API_BASE, buildQuery } from '../../app/api'

export type {
  AppealDetail,
  AppealSettings,
  AppealSummary,
  ClockKind,
  EnterpriseAppeal,
  EnterpriseAppealSummary,
  FiguresRow,
  Tier,
}
export type NoteAudience = 'internal' | 'enterprise'
export type ContactMethod = 'phone' | 'visit' | 'message'
/** A note and who reads it (every note a member of staff writes says so). */
export type Noted = { note?: string; noteAudience?: NoteAudience }
export type AppealStatus = AppealSummary['status']
export type Channel = AppealSummary['channel']
export type Category = z.infer<typeof CategorySchema>
export type Attachment = z.infer<typeof AttachmentSchema>
export type Receipt = z.infer<typeof ReceiptSchema>
export type SimilarAppeal = z.infer<typeof SimilarSchema>['items'][number]
export type Suggestions = z.infer<typeof SuggestionSchema>
export type SuggestionBasis = Suggestions['items'][number]['basis']
export type ImportReport = z.infer<typeof ImportReportSchema>
export type ImportRow = ImportReport['rows'][number]
export type WithdrawalGroup = z.infer<typeof WithdrawalGroupSchema>
export type SaveCategoryInput = z.input<typeof SaveCategoryBody>
/** What the hotline/visit form sends (the server fills the optional parts' defaults). */
export type FileOnBehalfBody = z.input<typeof FileOnBehalfSchema>
export type SettingsAnswer = { settings: AppealSettings; version: number }
export type ReturnVisit = z.infer<typeof ReturnVisitSchema>
export type Figures = z.infer<typeof FiguresSchema>
export type Clock = AppealDetail['clocks'][number]
export type TimelineEvent = AppealDetail['timeline'][number]
export type EnterpriseTimelineEvent = EnterpriseAppeal['timeline'][number]
export type CoPart = AppealDetail['coParts'][number]
export type Contact = AppealDetail['contacts'][number]
export type Reply = AppealDetail['replies'][number]
export type Extension = AppealDetail['extensions'][number]
export type Assignment = AppealDetail['assignments'][number]
export type PreferredContact = AppealDetail['preferredContact']
export type PauseReason = 'awaiting_enterprise' | 'awaiting_third_party'
export type Page<T> = { items: T[]; total: number }

export const TIERS: readonly Tier[] = ['urgent', 'fast', 'normal', 'complex']
export const CLOCK_KINDS: readonly ClockKind[] = ['sign_for', 'first_contact', 'resolution']
export const CONTACT_METHODS: readonly ContactMethod[] = ['phone', 'visit', 'message']
export const PREFERRED_CONTACTS: readonly PreferredContact[] = ['phone', 'sms', 'inbox']
export const PAUSE_REASONS: readonly PauseReason[] = ['awaiting_enterprise', 'awaiting_third_party']
export const QUEUE_VIEWS = [
  'triage',
  'dispatched',
  'returned',
  'arbitration',
  'overdue',
  'extensions',
  'open',
  'all',
] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]
export const INBOX_VIEWS = ['open', 'approvals', 'closed'] as const
export type InboxView = (typeof INBOX_VIEWS)[number]
export type VisitStatus = 'pending' | 'done' | 'unreachable'

/** What the enterprise's form sends (the server fills the optional parts' defaults). */
export type FileAppealBody = Omit<FileAppealInput, 'address' | 'latitude' | 'longitude' | 'contactPhone'> &
  Partial<Pick<FileAppealInput, 'address' | 'latitude' | 'longitude' | 'contactPhone'>>

export type DispatchBody = Noted & {
  leadDepartmentId?: string
  coDepartmentIds: string[]
  categoryCode?: string
  tier?: Tier
}
export type RatingBody = { solved: boolean; level: number | null; comment: string | null }

const appealPath = (id: string) => `/appeals/${encodeURIComponent(id)}`

export const appealsApi = {
  /** The catalogue in the UI language, or in `language` (the admin's page reads both names). */
  categories: (language?: string) =>
    api.get<{ items: Category[] }>('/appeals/categories', undefined, { language }),
  saveCategory: (code: string, body: SaveCategoryInput) =>
    api.put<Category>(`/appeals/categories/${encodeURIComponent(code)}`, body),
  settings: () => api.get<SettingsAnswer>('/appeals/settings'),
  saveSettings: (body: SettingsAnswer) => api.put<SettingsAnswer>('/appeals/settings', body),
  upload: (file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<Attachment>('/appeals/attachments', form, { onProgress, signal })
  },
  file: (body: FileAppealBody) => api.post<Receipt>('/appeals', body),
  fileOnBehalf: (body: FileOnBehalfBody) => api.post<Receipt>('/appeals/on-behalf', body),
  importBatch: (file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<ImportReport>('/appeals/imports', form, { onProgress })
  },
  similar: (query: { text: string; enterpriseId?: string; excludeId?: string }, signal?: AbortSignal) =>
    api.get<{ items: SimilarAppeal[] }>('/appeals/similar', query, { signal }),
  mine: (page: { limit: number; offset: number }) =>
    api.get<Page<EnterpriseAppealSummary>>('/appeals/mine', page),
  queue: (query: { view: QueueView; q?: string; limit: number; offset: number }) =>
    api.get<Page<AppealSummary>>('/appeals/queue', query),
  inbox: (query: { view: InboxView; limit: number; offset: number }) =>
    api.get<Page<AppealSummary>>('/appeals/inbox', query),
  /** How many each queue tab lists. */
  queueCounts: () => api.get<Record<QueueView, number>>('/appeals/queue/counts'),
  inboxCounts: () =>
    api.get<Record<InboxView, number> & { overdue: number; toSignFor: number }>('/appeals/inbox/counts'),
  /** The server answers each caller its own view: staff the staff view, the enterprise its own. */
  get: (id: string) => api.get<AppealDetail>(appealPath(id)),
  getMine: (id: string) => api.get<EnterpriseAppeal>(appealPath(id)),
  suggestions: (id: string) => api.get<Suggestions>(`${appealPath(id)}/department-suggestions`),

  accept: (id: string, body: Noted & { categoryCode?: string; tier?: Tier }) =>
    api.post<AppealDetail>(`${appealPath(id)}/accept`, body),
  reject: (id: string, body: { reason: string }) => api.post<AppealDetail>(`${appealPath(id)}/reject`, body),
  merge: (id: string, body: Noted & { originalId: string }) =>
    api.post<AppealDetail>(`${appealPath(id)}/merge`, body),
  dispatch: (id: string, body: DispatchBody) => api.post<AppealDetail>(`${appealPath(id)}/dispatch`, body),
  arbitrate: (id: string, body: Noted & { departmentId: string; note: string }) =>
    api.post<AppealDetail>(`${appealPath(id)}/arbitrate`, body),
  signFor: (id: string) => api.post<AppealDetail>(`${appealPath(id)}/sign-for`),
  coSignFor: (id: string) => api.post<AppealDetail>(`${appealPath(id)}/co-sign-for`),
  submitPart: (id: string, body: { body: string }) => api.post<AppealDetail>(`${appealPath(id)}/parts`, body),
  /** A return takes the appeal out of the department's sight: the answer says so instead of showing it. */
  return: (id: string, body: { reason: string }) =>
    api.post<AppealDetail | { ok: true; visibleToYou: false }>(`${appealPath(id)}/return`, body),
  pause: (id: string, body: Noted & { reason: PauseReason; note: string }) =>
    api.post<AppealDetail>(`${appealPath(id)}/pause`, body),
  resume: (id: string, body: Noted) => api.post<AppealDetail>(`${appealPath(id)}/resume`, body),
  contact: (
    id: string,
    body: Noted & { method: ContactMethod; contactPerson?: string; contactedAt?: string; note: string },
  ) => api.post<AppealDetail>(`${appealPath(id)}/contact`, body),
  extension: (id: string, body: { workingDays: number; reason: string }) =>
    api.post<AppealDetail>(`${appealPath(id)}/extension`, body),
  reply: (id: string, body: { body: string; attachmentIds: string[]; missingPartsReason?: string }) =>
    api.post<AppealDetail>(`${appealPath(id)}/reply`, body),
  rate: (id: string, body: RatingBody) => api.post<EnterpriseAppeal>(`${appealPath(id)}/rating`, body),
  withdraw: (id: string, body: { reason: string }) =>
    api.post<EnterpriseAppeal>(`${appealPath(id)}/withdraw`, body),
  decideExtension: (id: string, extensionId: string, body: Noted & { approve: boolean }) =>
    api.post<AppealDetail>(`${appealPath(id)}/extensions/${encodeURIComponent(extensionId)}/decision`, body),
  decideReply: (id: string, replyId: string, body: Noted & { approve: boolean }) =>
    api.post<AppealDetail>(`${appealPath(id)}/replies/${encodeURIComponent(replyId)}/decision`, body),
  answerReturnVisit: (id: string, body: RatingBody) =>
    api.post<{ ok: true }>(`${appealPath(id)}/return-visit`, body),

  returnVisits: (status: VisitStatus) =>
    api.get<{ items: ReturnVisit[] }>('/appeals/return-visits', { status }),
  recordReturnVisit: (
    visitId: string,
    body: {
      status: 'done' | 'unreachable'
      solved: boolean | null
      level: number | null
      note: string | null
    },
  ) => api.post<{ ok: true }>(`/appeals/return-visits/${encodeURIComponent(visitId)}`, body),

  figures: (from: string, to: string) => api.get<Figures>('/appeals/figures', { from, to }),
  withdrawals: (from: string, to: string) =>
    api.get<{ items: WithdrawalGroup[] }>('/appeals/withdrawals', { from, to }),
  ranking: (month: string) =>
    api.get<{ month: string; weights: Figures['weights']; rows: FiguresRow[] }>('/appeals/ranking', {
      month,
    }),
}

/** Plain links (the browser downloads them with the session cookie; no script needed). */
export const attachmentUrl = (id: string) => `${API_BASE}/appeals/attachments/${encodeURIComponent(id)}`
export const rankingXlsxUrl = (month: string) => `${API_BASE}/appeals/ranking.xlsx${buildQuery({ month })}`
