import type {
  AppealClasses,
  ProblemClass,
  ProblemClassSummary,
  Proposal,
  Run,
} from '@server/modules/problem-classes/problem-classes.schema'
import { api } from '../../app/api'

export type { AppealClasses, ProblemClass, ProblemClassSummary, Proposal, Run }
export type ProblemClassStatus = ProblemClass['status']
export const CLASS_STATUSES: readonly ProblemClassStatus[] = ['monthly', 'open', 'closed']

const classPath = (id: string) => `/problem-classes/${encodeURIComponent(id)}`
const proposalPath = (id: string) => `/problem-classes/proposals/${encodeURIComponent(id)}`

export const problemClassesApi = {
  startRun: (month: string) => api.post<Run>('/problem-classes/runs', { month }),
  proposals: (query: { month: string; status?: Proposal['status']; limit: number; offset: number }) =>
    api.get<{ run: Run | null; items: Proposal[]; total: number }>('/problem-classes/proposals', query),
  accept: (id: string, body: { name: string; description?: string; excludeItemIds?: string[] }) =>
    api.post<ProblemClass>(`${proposalPath(id)}/accept`, body),
  dismiss: (id: string) => api.post<Proposal>(`${proposalPath(id)}/dismiss`),
  list: (query: { status?: ProblemClassStatus; limit: number; offset: number }) =>
    api.get<{ items: ProblemClassSummary[]; total: number }>('/problem-classes', query),
  get: (id: string) => api.get<ProblemClass>(classPath(id)),
  removeCases: (id: string, body: { version: number; itemIds: string[] }) =>
    api.post<ProblemClass>(`${classPath(id)}/remove-cases`, body),
  makeMonthly: (id: string, body: { version: number; month: string; ownerDepartmentId: string }) =>
    api.post<ProblemClass>(`${classPath(id)}/monthly`, body),
  addTask: (id: string, body: { title: string; ownerDepartmentId: string; dueOn: string }) =>
    api.post<ProblemClass>(`${classPath(id)}/tasks`, body),
  completeTask: (id: string, taskId: string, body: { evidence: string }) =>
    api.post<ProblemClass>(`${classPath(id)}/tasks/${encodeURIComponent(taskId)}/done`, body),
  addOutput: (id: string, body: { policyId?: string; reference?: string; note?: string }) =>
    api.post<ProblemClass>(`${classPath(id)}/outputs`, body),
  close: (id: string, body: { version: number; summary: string }) =>
    api.post<ProblemClass>(`${classPath(id)}/close`, body),
  ofAppeal: (appealId: string) =>
    api.get<AppealClasses>(`/problem-classes/of-appeal/${encodeURIComponent(appealId)}`),
}

export const PROBLEM_PATHS = {
  list: '/staff/problem-classes',
  proposals: '/staff/problem-classes/proposals',
  one: (id: string) => `/staff/problem-classes/${encodeURIComponent(id)}`,
}
