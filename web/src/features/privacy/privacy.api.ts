import type {
  ConsentStatus,
  LegalDocument,
  LegalDocumentSummary,
  PublishLegalDocumentInput,
} from '@server/modules/privacy/privacy.schema'
import type { LegalDocumentKind } from '@shared/legal-documents'
import { api } from '../../app/api'

export type {
  ConsentStatus,
  LegalDocument,
  LegalDocumentKind,
  LegalDocumentSummary,
  PublishLegalDocumentInput,
}
export type PendingDocument = ConsentStatus['pending'][number]
export type ExportFormat = 'json' | 'xlsx'

const documentPath = (kind: LegalDocumentKind) => `/legal-documents/${encodeURIComponent(kind)}`

export const privacyApi = {
  currentDocuments: () => api.get<{ items: LegalDocumentSummary[] }>('/legal-documents'),
  /** The version in effect now; `language` reads it in the other language (the admin edits both). */
  currentDocument: (kind: LegalDocumentKind, language?: string) =>
    api.get<LegalDocument>(documentPath(kind), undefined, language ? { language } : {}),
  versions: (kind: LegalDocumentKind) =>
    api.get<{ items: LegalDocumentSummary[] }>(`${documentPath(kind)}/versions`),
  version: (kind: LegalDocumentKind, version: number, language?: string) =>
    api.get<LegalDocument>(
      `${documentPath(kind)}/versions/${version}`,
      undefined,
      language ? { language } : {},
    ),
  publish: (kind: LegalDocumentKind, body: PublishLegalDocumentInput) =>
    api.post<LegalDocument>(`${documentPath(kind)}/versions`, body),
  status: () => api.get<ConsentStatus>('/consents/mine'),
  accept: (documents: { kind: LegalDocumentKind; version: number }[]) =>
    api.post<ConsentStatus>('/consents', { documents }),
  withdraw: (reason?: string) =>
    api.post<{ withdrawn: number; sessionsEnded: number }>('/consents/withdraw', reason ? { reason } : {}),
}

export const myDataPath = '/privacy/my-data'
export const enterpriseDataPath = (id: string) => `/enterprises/${encodeURIComponent(id)}/data-export`
