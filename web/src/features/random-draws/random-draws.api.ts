import type { PublicRandomDraw } from '@server/modules/random-draws/random-draws.schema'
import { api } from '../../app/api'

export type { PublicRandomDraw }

export const randomDrawsApi = {
  publicDraw: (id: string) => api.get<PublicRandomDraw>(`/public/draws/${encodeURIComponent(id)}`),
  /** where anyone downloads the frozen list to re-run the draw */
  listUrl: (id: string) => `/api/v1/public/draws/${encodeURIComponent(id)}/list.json`,
}
