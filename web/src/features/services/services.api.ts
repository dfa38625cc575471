import type {
  Application,
  ApplicationList,
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
  matters: (filter: MatterListFilter = {}) => api.get<MatterList>(`/services/matters${query(filter)}`),
  matter: (id: string) => api.get<MatterGuide>(`/services/matters/${id}`),
}
