import type { z } from 'zod'
import type {
  Enterprise,
  MemberSchema,
  ProfileVersionSchema,
  RegisterEnterpriseInput,
  UpdateEnterpriseInput,
} from '@server/modules/enterprises/enterprises.schema'
import { api } from '../../app/api'
import { enterprisesApi as sharedEnterprisesApi } from '../../app/shared-api/enterprises'

export {
  referenceApi,
  type Division,
  type EnterpriseTagOption,
  type IndustrySection,
  type RegistrationDivision,
} from '../../app/shared-api/enterprises'

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
const enterprisePath = (id: string) => `/enterprises/${encodeURIComponent(id)}`

export const enterprisesApi = {
  ...sharedEnterprisesApi,
  register: (body: RegisterEnterpriseBody) => api.post<Enterprise>('/enterprises', body),
  update: (id: string, body: UpdateEnterpriseBody) => api.patch<Enterprise>(enterprisePath(id), body),
  listVersions: (id: string) => api.get<{ items: ProfileVersion[] }>(`${enterprisePath(id)}/versions`),
  listMembers: (id: string) => api.get<{ items: Member[] }>(`${enterprisePath(id)}/members`),
  addMember: (id: string, body: { phone: string; role: MemberRole }) =>
    api.post<Member>(`${enterprisePath(id)}/members`, body),
  removeMember: (id: string, userId: string) =>
    api.delete<{ ok: true }>(`${enterprisePath(id)}/members/${encodeURIComponent(userId)}`),
}
