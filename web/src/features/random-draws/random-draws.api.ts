import type { z } from 'zod'
import type { InspectionItemList } from '@server/modules/inspections/inspections.schema'
import type {
  OpenRandomDrawInput,
  PartyCandidateListSchema,
  PublicRandomDraw,
  RandomDraw,
  RandomDrawListSchema,
  RandomDrawSettingsSchema,
} from '@server/modules/random-draws/random-draws.schema'
import { api } from '../../app/api'

export type { PublicRandomDraw, RandomDraw }
export type RandomDrawList = z.infer<typeof RandomDrawListSchema>
export type RandomDrawSummary = RandomDrawList['items'][number]
export type PartyCandidate = z.infer<typeof PartyCandidateListSchema>['items'][number]
export type DrawStatus = RandomDraw['status']
export type DrawAction = RandomDraw['actions'][number]
/** The publication deadline and its version (optimistic concurrency). */
export type RandomDrawSettings = z.infer<typeof RandomDrawSettingsSchema>
export type PartyCapacity = RandomDraw['parties'][number]['capacity']
/** What the form sends: the server fills in the defaults it declares for what is left out. */
export type OpenDrawBody = Omit<
  Partial<OpenRandomDrawInput>,
  'departmentId' | 'title' | 'scope' | 'parties'
> &
  Pick<OpenRandomDrawInput, 'departmentId' | 'title' | 'scope' | 'parties'>

const BASE = '/random-draws'
const id = encodeURIComponent

/** Calls to the random-draws module, typed from its contract. */
export const randomDrawsApi = {
  publicDraw: (drawId: string) => api.get<PublicRandomDraw>(`/public/draws/${id(drawId)}`),
  /** where anyone downloads the frozen list to re-run the draw */
  listUrl: (drawId: string) => `/api/v1/public/draws/${id(drawId)}/list.json`,
  list: () => api.get<RandomDrawList>(BASE),
  get: (drawId: string) => api.get<RandomDraw>(`${BASE}/${id(drawId)}`),
  settings: () => api.get<RandomDrawSettings>(`${BASE}/settings`),
  /** the administrator only; `version` is the one read: a stale one is refused (VERSION_CONFLICT) */
  saveSettings: (body: RandomDrawSettings) => api.put<RandomDrawSettings>(`${BASE}/settings`, body),
  partyCandidates: () => api.get<z.infer<typeof PartyCandidateListSchema>>(`${BASE}/party-candidates`),
  /** the body's published inspection items, the only ones a draw may name */
  publishedItems: (departmentId: string) =>
    api.get<InspectionItemList>('/inspection-items', { departmentId, status: 'published' }),
  open: (body: OpenDrawBody) => api.post<RandomDraw>(BASE, body),
  commit: (drawId: string, commitment: string) =>
    api.post<RandomDraw>(`${BASE}/${id(drawId)}/commit`, { commitment }),
  freeze: (drawId: string, version: number) =>
    api.post<RandomDraw>(`${BASE}/${id(drawId)}/freeze`, { version }),
  reveal: (drawId: string, secret: string) =>
    api.post<RandomDraw>(`${BASE}/${id(drawId)}/reveal`, { secret }),
  draw: (drawId: string, version: number, beacon: string | null) =>
    api.post<RandomDraw>(`${BASE}/${id(drawId)}/draw`, { version, beacon }),
  publish: (drawId: string, version: number) =>
    api.post<RandomDraw>(`${BASE}/${id(drawId)}/publish`, { version }),
  /** the body's head approves every inspection the draw planned and still planned, at once */
  approveInspections: (drawId: string) =>
    api.post<{ approved: number; total: number }>(`/inspections/drawn/${id(drawId)}/approve`, {}),
}

/** Tag colours per step (no cyan or volcano: their text fails the contrast check). */
export const DRAW_STATUS_COLORS: Record<DrawStatus, string> = {
  committing: 'gold',
  revealing: 'blue',
  drawn: 'purple',
  published: 'green',
}
