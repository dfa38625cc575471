import type {
  Application,
  ApplicationList,
  CatalogueImportReport,
  CreateMatterRequest,
  EditableMatterList,
  MatterContent,
  MatterVersion,
  MatterVersionList,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterSummary,
} from '@server/modules/services/services.schema'
import { api, API_BASE, buildQuery } from '../../app/api'

export type {
  Application,
  ApplicationList,
  CatalogueImportReport,
  EditableMatterList,
  MatterContent,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterSummary,
  MatterVersion,
  MatterVersionList,
}

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
  matters: (filter: MatterListFilter = {}) => api.get<MatterList>(`/services/matters${query(filter)}`),
  matter: (id: string) => api.get<MatterGuide>(`/services/matters/${id}`),
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
}
