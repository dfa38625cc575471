import type { Exposure, PublicExposure } from '@server/modules/exposures/exposures.schema'
import { api } from '../../app/api'

export type { Exposure, PublicExposure }
export type ExposureStatus = Exposure['status']

const itemPath = (id: string) => `/exposures/${encodeURIComponent(id)}`

export const exposuresApi = {
  board: (query: { limit: number; offset: number }) =>
    api.get<{ items: PublicExposure[]; total: number }>('/public/exposures', query),
  list: (query: { status?: ExposureStatus; limit: number; offset: number }) =>
    api.get<{ items: Exposure[]; total: number }>('/exposures', query),
  propose: (body: { unitName: string; title: string; conduct: string }) =>
    api.post<Exposure>('/exposures', body),
  review: (id: string, body: Record<string, unknown>) => api.post<Exposure>(`${itemPath(id)}/review`, body),
  publish: (id: string, version: number) => api.post<Exposure>(`${itemPath(id)}/publish`, { version }),
  rectify: (id: string, body: { version: number; rectification: string }) =>
    api.post<Exposure>(`${itemPath(id)}/rectification`, body),
}
