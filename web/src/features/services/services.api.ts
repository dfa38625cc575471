import type { Application, ApplicationList } from '@server/modules/services/services.schema'
import { api } from '../../app/api'

export type { Application, ApplicationList }

/** Calls to the services module, typed from its contract. */
export const servicesApi = {
  mine: () => api.get<ApplicationList>('/services/applications/mine'),
}
