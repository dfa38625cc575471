import type {
  Application,
  ApplicationHistory,
  ApplicationList,
  DeskAppealInput,
  DeskState,
  ServicesFigures,
  ServicesFiguresInput,
  ServicesFiguresRow,
  ServicesStatistics,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterSummary,
} from '@server/modules/services/services.schema'
import { api } from '../../app/api'

export type { Application, ApplicationList, MatterGuide, MatterList, MatterListFilter, MatterSummary }
export type { ApplicationHistory, DeskState, ServicesFigures, ServicesFiguresRow, ServicesStatistics }
export type FiguresPeriod = Pick<ServicesFiguresInput, 'from' | 'to' | 'by'>

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
  /** the 办不成事 desk: whether it takes the application, and the appeal it became */
  desk: (id: string) => api.get<DeskState>(`/services/applications/${id}/appeal`),
  fileDeskAppeal: (id: string, body: DeskAppealInput) =>
    api.post<DeskState>(`/services/applications/${id}/appeal`, body),
  history: (id: string) => api.get<ApplicationHistory>(`/services/applications/${id}/history`),
  figures: (period: FiguresPeriod) => api.get<ServicesFigures>('/services/figures', period),
  statistics: (period: FiguresPeriod) => api.get<ServicesStatistics>('/services/statistics', period),
}
