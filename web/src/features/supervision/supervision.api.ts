import type { SupervisionCase } from '@server/modules/supervision/supervision.schema'
import { api } from '../../app/api'

export type { SupervisionCase }
export type SupervisionStatus = SupervisionCase['status']
export const SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['open', 'closed']

const casePath = (id: string) => `/supervision-cases/${encodeURIComponent(id)}`

export const supervisionApi = {
  list: (query: { status?: SupervisionStatus; limit: number; offset: number }) =>
    api.get<{ items: SupervisionCase[]; total: number }>('/supervision-cases', query),
  close: (id: string, body: { version: number; note: string }) =>
    api.post<SupervisionCase>(`${casePath(id)}/close`, body),
}
