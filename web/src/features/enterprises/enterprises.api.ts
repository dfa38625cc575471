import type { z } from 'zod'
import type {
  Enterprise,
  MemberSchema,
  ProfileVersionSchema,
  RegisterEnterpriseInput,
  UpdateEnterpriseInput,
} from '@server/modules/enterprises/enterprises.schema'
import { api } from '../../app/api'

export type { Enterprise }
export type ProfileVersion = z.infer<typeof ProfileVersionSchema>
export type Member = z.infer<typeof MemberSchema>
export type MemberRole = Member['role']
export type SizeClass = Enterprise['sizeClass']
export const SIZE_CLASSES: readonly SizeClass[] = ['large', 'medium', 'small', 'micro']

/** What the register form sends; the server fills defaults for the optional parts. */
export type RegisterEnterpriseBody = Omit<
  RegisterEnterpriseInput,
  'annualRevenue' | 'tags' | 'address' | 'contactPhone'
> &
  Partial<Pick<RegisterEnterpriseInput, 'annualRevenue' | 'tags' | 'address' | 'contactPhone'>>
export type UpdateEnterpriseBody = Omit<UpdateEnterpriseInput, 'creditTier'>
export type CreditTier = NonNullable<Enterprise['creditTier']>
export type OutOfCityReason = NonNullable<Enterprise['registration']['outOfCityReason']>
/** What positions 3–8 of a credit code name, as the server's division table says. */
export type RegistrationDivision = { code: string; name: string; fullName: string; isInCity: boolean }

export type Division = { code: string; name: string; level: string; parentCode: string | null }
export type IndustrySection = { code: string; name: string; divisions: { code: string; name: string }[] }
export type EnterpriseTagOption = { code: string; name: string }

const enterprisePath = (id: string) => `/enterprises/${encodeURIComponent(id)}`

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
  register: (body: RegisterEnterpriseBody) => api.post<Enterprise>('/enterprises', body),
  get: (id: string) => api.get<Enterprise>(enterprisePath(id)),
  update: (id: string, body: UpdateEnterpriseBody) => api.patch<Enterprise>(enterprisePath(id), body),
  listVersions: (id: string) => api.get<{ items: ProfileVersion[] }>(`${enterprisePath(id)}/versions`),
  listMembers: (id: string) => api.get<{ items: Member[] }>(`${enterprisePath(id)}/members`),
  addMember: (id: string, body: { phone: string; role: MemberRole }) =>
    api.post<Member>(`${enterprisePath(id)}/members`, body),
  removeMember: (id: string, userId: string) =>
    api.delete<{ ok: true }>(`${enterprisePath(id)}/members/${encodeURIComponent(userId)}`),
}

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
