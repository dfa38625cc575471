import type {
  Application,
  OpenApplicationInput,
  SupplementAnswerInput,
  ToleranceCommitmentInput,
  ToleranceFulfilmentInput,
  ApplicationList,
  ApplicationNoticeList,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterSummary,
} from '@server/modules/services/services.schema'
import { api } from '../../app/api'

export type { Application, ApplicationList, MatterGuide, MatterList, MatterListFilter, MatterSummary }

function query(filter: MatterListFilter): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Calls to the services module, typed from its contract. */
export const servicesApi = {
  mine: () => api.get<ApplicationList>('/services/applications/mine'),
  application: (id: string) => api.get<Application>(`/services/applications/${id}`),
  notices: (id: string) => api.get<ApplicationNoticeList>(`/services/applications/${id}/notices`),
  open: (input: OpenApplicationInput) => api.post<Application>('/services/applications', input),
  submit: (id: string) => api.post<Application>(`/services/applications/${id}/submit`),
  answerSupplement: (id: string, input: SupplementAnswerInput) =>
    api.post<Application>(`/services/applications/${id}/supplement`, input),
  signToleranceCommitment: (id: string, input: ToleranceCommitmentInput) =>
    api.post<Application>(`/services/applications/${id}/tolerance-commitment`, input),
  fulfilTolerance: (id: string, input: ToleranceFulfilmentInput) =>
    api.post<Application>(`/services/applications/${id}/tolerance-fulfilment`, input),
  matters: (filter: MatterListFilter = {}) => api.get<MatterList>(`/services/matters${query(filter)}`),
  matter: (id: string) => api.get<MatterGuide>(`/services/matters/${id}`),
}
