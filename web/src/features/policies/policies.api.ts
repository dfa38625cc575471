import type { z } from 'zod'
import type {
  CreateItemBody as CreateItemSchema,
  CreatePolicyBody as CreatePolicySchema,
  NeedSchema,
  NeedsSummarySchema,
  PolicySummarySchema,
  PolicyVersionsSchema,
  PolicyView,
  PublicPolicyListSchema,
  PublicPolicySchema,
  SubscriptionSchema,
  UpdateItemBody as UpdateItemSchema,
  UpdatePolicyBody as UpdatePolicySchema,
} from '@server/modules/policies/policies.schema'
import type {
  ExplanationSchema,
  MatchListSchema,
  MatchRunSchema,
  MatchView,
  RuleCheckSchema,
} from '@server/modules/matching/matching.schema'
import type {
  ItemPreviewBody as ItemPreviewSchema,
  ItemPreviewResultSchema,
  PublicationPreviewSchema,
  PublicationSettingsView,
} from '@server/modules/policies/publication.schema'
import type { MatchOutcome, PolicyLevel, PolicyStatus, PolicyTopic } from '@shared/policies'
import { api, API_BASE } from '../../app/api'
import type { RawFactValue } from '../../app/shared-api/facts'
import { policiesApi as sharedPoliciesApi } from '../../app/shared-api/policies'

export type { MatchOutcome, MatchView, PolicyLevel, PolicyStatus, PolicyTopic, PolicyView }
export type Explanation = z.infer<typeof ExplanationSchema>
export type ConditionExplanation = Explanation['conditions'][number]
export type FactReading = ConditionExplanation['facts'][number]
export type MatchList = z.infer<typeof MatchListSchema>
export type PublicPolicy = z.infer<typeof PublicPolicySchema>
export type PublicPolicySummary = z.infer<typeof PublicPolicyListSchema>['items'][number]
export type PolicySummary = z.infer<typeof PolicySummarySchema>
export type PolicyItem = PolicyView['items'][number]
export type PolicyVersion = z.infer<typeof PolicyVersionsSchema>['items'][number]
export type RuleCheck = z.infer<typeof RuleCheckSchema>
export type Subscription = z.infer<typeof SubscriptionSchema>
export type Need = z.infer<typeof NeedSchema>
export type NeedsSummary = z.infer<typeof NeedsSummarySchema>
export type MatchRun = z.infer<typeof MatchRunSchema>
/** What the forms send; the server fills the defaults of what is left out. */
export type CreatePolicyBody = z.input<typeof CreatePolicySchema>
export type ItemBody = z.input<typeof CreateItemSchema>
export type UpdateItemBody = z.input<typeof UpdateItemSchema>
export type UpdatePolicyBody = z.input<typeof UpdatePolicySchema>
export type PolicyAction = 'submit' | 'return' | 'publish' | 'revise' | 'repeal'
export type PublicationPreview = z.infer<typeof PublicationPreviewSchema>
export type ItemPreview = PublicationPreview['items'][number]
export type ItemPreviewBody = z.input<typeof ItemPreviewSchema>
export type ItemPreviewResult = z.infer<typeof ItemPreviewResultSchema>
export type PublicationSettings = z.infer<typeof PublicationSettingsView>
export type PublishBody = {
  version: number
  note?: string
  previewDigest: string
  confirmedPushes?: number
  noCapReasons?: Record<string, string>
}
export type NeedStatus = Need['status']

const policyPath = (id: string) => `/policies/${encodeURIComponent(id)}`
const enterprisePath = (id: string) => `/enterprises/${encodeURIComponent(id)}`

export const policiesApi = {
  // Public
  library: (query: { topic?: PolicyTopic; level?: PolicyLevel; q?: string }) =>
    api.get<z.infer<typeof PublicPolicyListSchema>>('/public/policies', query),
  publicPolicy: (id: string) => api.get<PublicPolicy>(`/public/policies/${encodeURIComponent(id)}`),
  calculate: (facts: Record<string, RawFactValue | null>, signal?: AbortSignal) =>
    api.post<MatchList>('/public/policy-calculator', { facts }, { signal }),

  // Enterprise
  matches: (enterpriseId: string) => api.get<MatchList>(`${enterprisePath(enterpriseId)}/policy-matches`),
  ...sharedPoliciesApi,
  subscription: (enterpriseId: string) =>
    api.get<Subscription>(`${enterprisePath(enterpriseId)}/policy-subscription`),
  setSubscription: (enterpriseId: string, body: { topics: PolicyTopic[]; isPushEnabled: boolean }) =>
    api.put<Subscription>(`${enterprisePath(enterpriseId)}/policy-subscription`, body),
  myNeeds: (enterpriseId: string) => api.get<{ items: Need[] }>(`${enterprisePath(enterpriseId)}/needs`),
  stateNeed: (enterpriseId: string, body: { topic: PolicyTopic; text: string }) =>
    api.post<Need>(`${enterprisePath(enterpriseId)}/needs`, body),

  // Staff
  list: (query: {
    status?: PolicyStatus
    topic?: PolicyTopic
    level?: PolicyLevel
    q?: string
    limit: number
    offset: number
  }) => api.get<{ items: PolicySummary[]; total: number }>('/policies', query),
  create: (body: CreatePolicyBody) => api.post<PolicyView>('/policies', body),
  get: (id: string) => api.get<PolicyView>(policyPath(id)),
  update: (id: string, body: UpdatePolicyBody) => api.patch<PolicyView>(policyPath(id), body),
  addItem: (id: string, body: ItemBody) => api.post<PolicyView>(`${policyPath(id)}/items`, body),
  updateItem: (id: string, itemId: string, body: UpdateItemBody) =>
    api.patch<PolicyView>(`${policyPath(id)}/items/${encodeURIComponent(itemId)}`, body),
  act: (id: string, action: Exclude<PolicyAction, 'publish'>, body: { version: number; note?: string }) =>
    api.post<PolicyView>(`${policyPath(id)}/${action}`, body),
  /** What publishing would do now (nothing is written). */
  publicationPreview: (id: string) => api.get<PublicationPreview>(`${policyPath(id)}/publication-preview`),
  /** Publishing, confirming the preview it was decided on. */
  publish: (id: string, body: PublishBody) => api.post<PolicyView>(`${policyPath(id)}/publish`, body),
  /** One item as it stands in the editor, over the current enterprises (nothing is saved). */
  itemPreview: (id: string, body: ItemPreviewBody, signal?: AbortSignal) =>
    api.post<ItemPreviewResult>(`${policyPath(id)}/item-preview`, body, { signal }),
  publicationSettings: () => api.get<PublicationSettings>('/policies/publication-settings'),
  savePublicationSettings: (body: PublicationSettings) =>
    api.put<PublicationSettings>('/policies/publication-settings', body),
  uploadAttachment: (id: string, file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<PolicyView['attachments'][number]>(`${policyPath(id)}/attachments`, form, {
      onProgress,
    })
  },
  versions: (id: string) => api.get<{ items: PolicyVersion[] }>(`${policyPath(id)}/versions`),
  checkRule: (
    body: { rule: string; expect: 'boolean' | 'number'; enterpriseId?: string },
    signal?: AbortSignal,
  ) => api.post<RuleCheck>('/policies/rules/check', body, { signal }),
  needs: (query: {
    topic?: PolicyTopic
    divisionCode?: string
    status?: NeedStatus
    limit: number
    offset: number
  }) => api.get<{ items: Need[]; total: number }>('/policies/needs', query),
  needsSummary: () => api.get<NeedsSummary>('/policies/needs/summary'),
  answerNeed: (needId: string, body: { answer: string; close: boolean }) =>
    api.post<Need>(`/policies/needs/${encodeURIComponent(needId)}/answer`, body),
  matchRuns: () => api.get<{ items: MatchRun[] }>('/policies/match-runs'),
  runMatching: () =>
    api.post<Pick<MatchRun, 'id' | 'items' | 'enterprises' | 'newlyEligible' | 'pushes'>>(
      '/policies/match-runs',
    ),
}

/** A policy's attachment: public once the policy is in force, its writers' before. */
export const policyAttachmentUrl = (policyId: string, attachmentId: string) =>
  `${API_BASE}${policyPath(policyId)}/attachments/${encodeURIComponent(attachmentId)}`
