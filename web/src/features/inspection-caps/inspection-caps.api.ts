import type { z } from 'zod'
import type {
  AddCapVersionInput,
  CapSettings,
  CapSettingsAnswer,
  CreateJointVisitInput,
  DecideExemptionInput,
  ExemptionRequestSchema,
  HighFrequencySchema,
  JointProposalListSchema,
  JointVisitSchema,
} from '@server/modules/inspection-caps/inspection-caps.schema'
import { api } from '../../app/api'

export type { CapSettings }
export type CapSettingsView = z.infer<typeof CapSettingsAnswer>
export type ExemptionRequest = z.infer<typeof ExemptionRequestSchema>
export type JointProposals = z.infer<typeof JointProposalListSchema>
export type JointProposal = JointProposals['items'][number]
export type HighFrequency = z.infer<typeof HighFrequencySchema>
export type HighFrequencyRow = HighFrequency['items'][number]
export type ExemptionStatus = ExemptionRequest['status']

const BASE = '/inspection-caps'
const id = encodeURIComponent

export const EXEMPTION_STATUS_COLORS: Record<ExemptionStatus, string> = {
  pending: 'gold',
  granted: 'green',
  refused: 'red',
  used: 'default',
}

/** Calls to the inspection-caps module, typed from its contract. */
export const inspectionCapsApi = {
  settings: () => api.get<CapSettingsView>(`${BASE}/settings`),
  addVersion: (body: AddCapVersionInput) => api.post<CapSettingsView>(`${BASE}/settings/versions`, body),
  exemptions: (query: { status?: ExemptionStatus } = {}) =>
    api.get<{ items: ExemptionRequest[] }>(`${BASE}/exemption-requests`, query),
  decide: (requestId: string, body: DecideExemptionInput) =>
    api.post<ExemptionRequest>(`${BASE}/exemption-requests/${id(requestId)}/decision`, body),
  proposals: () => api.get<JointProposals>(`${BASE}/joint-proposals`),
  merge: (body: CreateJointVisitInput) =>
    api.post<z.infer<typeof JointVisitSchema>>(`${BASE}/joint-visits`, body),
  highFrequency: (year?: number) => api.get<HighFrequency>(`${BASE}/high-frequency`, { year }),
}
