import type {
  Application,
  SupplementAnswerInput,
  ToleranceCommitmentInput,
  ToleranceFulfilmentInput,
  ApplicationFormView,
  ApplicationList,
  ApplicationNoticeList,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterSummary,
  PlannedMaterialView,
  CatalogueImportReport,
  CreateMatterRequest,
  EditableMatterList,
  MatterContent,
  MatterVersion,
  MatterVersionList,
  ApplicationHistory,
  DeskAppealInput,
  DeskState,
  ServicesFigures,
  ServicesFiguresInput,
  ServicesFiguresRow,
  ServicesStatistics,
  ApplicantTimelineSchema,
} from '@server/modules/services/services.schema'
import type { z } from 'zod'
import type { CertificateListSchema } from '@server/modules/certificates/certificates.schema'
import { api, API_BASE, buildQuery } from '../../app/api'

export type {
  Application,
  ApplicationFormView,
  ApplicationList,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterSummary,
  PlannedMaterialView,
  CatalogueImportReport,
  EditableMatterList,
  MatterContent,
  MatterVersion,
  MatterVersionList,
}
export type {
  ApplicationNoticeList,
  ApplicationHistory,
  DeskState,
  ServicesFigures,
  ServicesFiguresRow,
  ServicesStatistics,
}
export type FiguresPeriod = Pick<ServicesFiguresInput, 'from' | 'to' | 'by'>
export type ApplicantTimeline = z.infer<typeof ApplicantTimelineSchema>
export type SavedForm = { savedAt: string; issues: Record<string, string> }
export type AttachedMaterial = { id: string; materialName: string; source: string; fileName: string | null }

/** The catalogue workbook of the departments the user edits (the bureau: all, or one). */
export const catalogueXlsxUrl = (departmentId?: string) =>
  `${API_BASE}/services/matters/export.xlsx${buildQuery({ departmentId })}`

function query(filter: MatterListFilter): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Calls to the services module, typed from its contract. */
export const servicesApi = {
  mine: () => api.get<ApplicationList>('/services/applications/mine'),
  notices: (id: string) => api.get<ApplicationNoticeList>(`/services/applications/${id}/notices`),
  answerSupplement: (id: string, input: SupplementAnswerInput) =>
    api.post<Application>(`/services/applications/${id}/supplement`, input),
  signToleranceCommitment: (id: string, input: ToleranceCommitmentInput) =>
    api.post<Application>(`/services/applications/${id}/tolerance-commitment`, input),
  fulfilTolerance: (id: string, input: ToleranceFulfilmentInput) =>
    api.post<Application>(`/services/applications/${id}/tolerance-fulfilment`, input),
  matters: (filter: MatterListFilter = {}) => api.get<MatterList>(`/services/matters${query(filter)}`),
  matter: (id: string) => api.get<MatterGuide>(`/services/matters/${id}`),
  application: (id: string) => api.get<Application>(`/services/applications/${id}`),
  /** Opens a draft on a matter's current version for an enterprise (the intake work's contract). */
  open: (enterpriseId: string, matterId: string) =>
    api.post<Application>('/services/applications', { enterpriseId, matterId }),
  form: (id: string) => api.get<ApplicationFormView>(`/services/applications/${id}/form`),
  saveForm: (id: string, data: Record<string, unknown>) =>
    api.put<SavedForm>(`/services/applications/${id}/form`, { data }),
  submit: (id: string) => api.post<Application>(`/services/applications/${id}/submit`),
  uploadMaterial: (
    applicationId: string,
    materialName: string,
    file: File,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ) => {
    const form = new FormData()
    form.set('applicationId', applicationId)
    form.set('materialName', materialName)
    form.set('file', file)
    return api.upload<AttachedMaterial>('/services/material-uploads', form, options)
  },
  /** The enterprise's e-certificates (an approved application's is among them). */
  myCertificates: () => api.get<z.infer<typeof CertificateListSchema>>('/certificates/mine'),
  /** What the applicant reads of its application's history (the steps meant for it), oldest first. */
  timeline: (id: string) => api.get<ApplicantTimeline>(`/services/applications/${id}/timeline`),
  reuseMaterial: (id: string, materialName: string, uploadId: string) =>
    api.post<AttachedMaterial>(`/services/applications/${id}/materials/reuse`, {
      materialName,
      uploadId,
      consent: true,
    }),
  removeMaterial: (id: string, materialId: string) =>
    api.delete<{ ok: true }>(`/services/applications/${id}/materials/${materialId}`),
  materialFileUrl: (id: string, materialId: string) =>
    `/api/v1/services/applications/${id}/materials/${materialId}/file`,
  create: (body: CreateMatterRequest) => api.post<MatterVersion>('/services/matters', body),
  editable: () => api.get<EditableMatterList>('/services/matters/editable'),
  versions: (id: string) => api.get<MatterVersionList>(`/services/matters/${id}/versions`),
  version: (id: string, versionId: string) =>
    api.get<MatterVersion>(`/services/matters/${id}/versions/${versionId}`),
  draft: (id: string) => api.get<MatterVersion>(`/services/matters/${id}/draft`),
  writeDraft: (id: string, content: MatterContent) =>
    api.put<MatterVersion>(`/services/matters/${id}/draft`, content),
  publish: (id: string) => api.post<MatterVersion>(`/services/matters/${id}/publish`),
  importCatalogue: (file: File, onProgress?: (share: number) => void) => {
    const form = new FormData()
    form.set('file', file)
    return api.upload<CatalogueImportReport>('/services/matters/import', form, { onProgress })
  },
  /** the 办不成事 desk: whether it takes the application, and the appeal it became */
  desk: (id: string) => api.get<DeskState>(`/services/applications/${id}/appeal`),
  fileDeskAppeal: (id: string, body: DeskAppealInput) =>
    api.post<DeskState>(`/services/applications/${id}/appeal`, body),
  history: (id: string) => api.get<ApplicationHistory>(`/services/applications/${id}/history`),
  figures: (period: FiguresPeriod) => api.get<ServicesFigures>('/services/figures', period),
  statistics: (period: FiguresPeriod) => api.get<ServicesStatistics>('/services/statistics', period),
}
