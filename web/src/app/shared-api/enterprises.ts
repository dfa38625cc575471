import type { Enterprise } from '@server/modules/enterprises/enterprises.schema'
import { api } from '../api'

export type { Enterprise }
/** What positions 3–8 of a credit code name, as the server's division table says. */
export type RegistrationDivision = { code: string; name: string; fullName: string; isInCity: boolean }
export type Division = { code: string; name: string; level: string; parentCode: string | null }
export type IndustrySection = { code: string; name: string; divisions: { code: string; name: string }[] }
export type EnterpriseTagOption = { code: string; name: string }

/** The enterprises a user acts for, one enterprise, and the staff registry search. */
export const enterprisesApi = {
  listMine: () => api.get<{ items: Enterprise[] }>('/enterprises/mine'),
  /** The registry for staff: by name or credit code. */
  search: (
    query: { q?: string; outOfCity?: 'true' | 'false'; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) =>
    api.get<{ items: Enterprise[]; total: number; page: number; pageSize: number }>('/enterprises', query, {
      signal,
    }),
  get: (id: string) => api.get<Enterprise>(`/enterprises/${encodeURIComponent(id)}`),
}

/** Reference lists: divisions (GB/T 2260), industries (GB/T 4754), tags, the city. */
export const referenceApi = {
  divisions: () => api.get<{ items: Division[] }>('/reference/divisions'),
  /** One division by code (NOT_FOUND when GB/T 2260 has no such code). */
  division: (code: string) =>
    api.get<RegistrationDivision>(`/reference/divisions/${encodeURIComponent(code)}`),
  industries: () => api.get<{ items: IndustrySection[] }>('/reference/industries'),
  enterpriseTags: () => api.get<{ items: EnterpriseTagOption[] }>('/reference/enterprise-tags'),
  city: () =>
    api.get<{ key: string; name: string; divisionCode: string; bureauName: string }>('/reference/city'),
}
